import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Button as AriaButton, ToggleButton, Toolbar } from 'react-aria-components';
import styles from '../../../news/components/editor/editor.module.css';
import own from '../authoring.module.css';

interface Tool {
  key: string;
  glyph: string;
  isActive: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

const tools: Tool[] = [
  {
    key: 'bold',
    glyph: 'B',
    isActive: (e) => e.isActive('bold'),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    key: 'italic',
    glyph: 'I',
    isActive: (e) => e.isActive('italic'),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    key: 'h2',
    glyph: 'H2',
    isActive: (e) => e.isActive('heading', { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    key: 'h3',
    glyph: 'H3',
    isActive: (e) => e.isActive('heading', { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    key: 'bulletList',
    glyph: '•',
    isActive: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    key: 'orderedList',
    glyph: '1.',
    isActive: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
];

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

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: Object.fromEntries(tools.map((m) => [m.key, m.isActive(e)])),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  return (
    <div className={styles.rte}>
      <span id={labelId} className={styles.rteLabel}>
        {label}
      </span>
      <Toolbar aria-label={t('rte.toolbar', { field: label })} className={styles.toolbar}>
        {tools.map((m) => (
          <ToggleButton
            key={m.key}
            isSelected={state.active[m.key] ?? false}
            onChange={() => m.run(editor)}
            aria-label={t(`rte.${m.key}`)}
            className={styles.tool}
          >
            <span aria-hidden="true">{m.glyph}</span>
          </ToggleButton>
        ))}
        <AriaButton
          aria-label={t('rte.undo')}
          isDisabled={!state.canUndo}
          onPress={() => editor.chain().focus().undo().run()}
          className={styles.tool}
        >
          <span aria-hidden="true">↶</span>
        </AriaButton>
        <AriaButton
          aria-label={t('rte.redo')}
          isDisabled={!state.canRedo}
          onPress={() => editor.chain().focus().redo().run()}
          className={styles.tool}
        >
          <span aria-hidden="true">↷</span>
        </AriaButton>
      </Toolbar>
      <EditorContent editor={editor} className={styles.rteBody} />
      {errorMessage ? (
        <p id={errorId} className={own.fieldError}>
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}
