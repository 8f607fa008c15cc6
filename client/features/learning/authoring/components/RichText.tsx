import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { RichTextToolbar } from '../../../../components/rich-text/RichTextToolbar';
import { pickMarks } from '../../../../components/rich-text/marks';
import styles from '../../../../components/rich-text/rich-text.module.css';
import own from '../authoring.module.css';

const tools = pickMarks(['bold', 'italic', 'h2', 'h3', 'bulletList', 'orderedList']);

/**
 * Rich text for course descriptions and lessons: TipTap StarterKit (no images: the news editor's
 * image upload belongs to articles) with the news editor's accessible toolbar look. The server
 * sanitises the HTML with the article allow-list.
 */
export function RichText({
  id,
  label,
  value,
  onChange,
  errorMessage,
}: {
  /** Focus target: the editable area gets this id. */
  id: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation('learningAuthor');
  const labelId = useId();
  const errorId = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          HTMLAttributes: { rel: 'noopener noreferrer' },
        },
      }),
    ],
    content: value,
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        class: styles.prose ?? '',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });

  // Invalid state and error description follow the server's answer.
  useEffect(() => {
    editor.setOptions({
      editorProps: {
        attributes: {
          id,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          ...(errorMessage ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
          class: styles.prose ?? '',
        },
      },
    });
  }, [editor, errorMessage, id, labelId, errorId]);

  return (
    <div className={styles.rte}>
      <span id={labelId} className={styles.rteLabel}>
        {label}
      </span>
      <RichTextToolbar
        editor={editor}
        label={t('rte.toolbar', { field: label })}
        marks={tools}
        markLabel={(key) => t(`rte.${key}`)}
        undoLabel={t('rte.undo')}
        redoLabel={t('rte.redo')}
      />
      <EditorContent editor={editor} className={styles.rteBody} />
      {errorMessage ? (
        <p id={errorId} className={own.fieldError}>
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}
