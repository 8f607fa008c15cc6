import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { Button as AriaButton } from 'react-aria-components';
import { RichTextToolbar } from '../../../../components/rich-text/RichTextToolbar';
import { pickMarks } from '../../../../components/rich-text/marks';
import styles from '../../../../components/rich-text/rich-text.module.css';
import own from '../authoring.module.css';
import { CourseImageDialog } from './CourseImageDialog';

const tools = pickMarks(['bold', 'italic', 'h2', 'h3', 'bulletList', 'orderedList']);

/**
 * Rich text for course descriptions and lessons: TipTap StarterKit plus images uploaded as files
 * of this course (alt text required), with the news editor's accessible toolbar look. The server
 * sanitises the HTML with the article allow-list and keeps only this course's images.
 */
export function RichText({
  id,
  courseId,
  label,
  value,
  onChange,
  errorMessage,
}: {
  /** Focus target: the editable area gets this id. */
  id: string;
  /** Images are uploaded as files of this course. */
  courseId: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation('learningAuthor');
  const labelId = useId();
  const errorId = useId();
  const [imageOpen, setImageOpen] = useState(false);
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
      Image.configure({ allowBase64: false }),
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
      >
        <AriaButton
          aria-label={t('rte.image')}
          onPress={() => setImageOpen(true)}
          className={styles.tool}
        >
          <span aria-hidden="true">
            <svg
              viewBox="0 0 24 24"
              width="18"
              height="18"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinejoin="round"
            >
              <rect x="3" y="4" width="18" height="16" rx="2" />
              <circle cx="9" cy="10" r="2" />
              <path d="m4 18 5-5 4 4 3-3 4 4" />
            </svg>
          </span>
        </AriaButton>
      </RichTextToolbar>
      <EditorContent editor={editor} className={styles.rteBody} />
      {errorMessage ? (
        <p id={errorId} className={own.fieldError}>
          {errorMessage}
        </p>
      ) : null}
      <CourseImageDialog
        courseId={courseId}
        isOpen={imageOpen}
        onOpenChange={setImageOpen}
        onInsert={(img) => editor.chain().focus().setImage(img).run()}
      />
    </div>
  );
}
