import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { Button as AriaButton, ToggleButton } from 'react-aria-components';
import { FormDialog } from '../../../people/components/FormDialog';
import { TextField } from '../../../../components/TextField';
import { Button } from '../../../../components/Button';
import { RichTextToolbar } from '../../../../components/rich-text/RichTextToolbar';
import { richTextMarks } from '../../../../components/rich-text/marks';
import rte from '../../../../components/rich-text/rich-text.module.css';
import { ImageUploadDialog } from './ImageUploadDialog';
import forms from '../../../people/components/forms.module.css';
import styles from './editor.module.css';

/** Allowed link targets; the server's sanitiser drops anything else anyway. */
export const isSafeHref = (href: string) =>
  /^(https?:\/\/[^\s]+|mailto:[^\s]+|\/[^\s]*)$/i.test(href);

/**
 * Rich text for one language version: TipTap with an accessible toolbar (one Tab stop, arrow keys
 * inside, toggles with `aria-pressed`, shortcuts announced with `aria-keyshortcuts` and listed
 * below). Images are uploaded for the article and need alt text.
 */
export function RichTextEditor({
  articleId,
  label,
  value,
  onChange,
}: {
  articleId: string;
  label: string;
  value: string;
  onChange: (html: string) => void;
}) {
  const { t } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const labelId = useId();
  const helpId = useId();
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState('');
  const [imageOpen, setImageOpen] = useState(false);

  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: {
          openOnClick: false,
          autolink: true,
          protocols: ['mailto'],
          HTMLAttributes: { rel: 'noopener noreferrer', target: null },
          isAllowedUri: (url) => isSafeHref(url),
        },
      }),
      Image.configure({ allowBase64: false }),
    ],
    content: value,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': helpId,
        class: rte.prose ?? '',
      },
      // Ctrl+K opens the link dialog, as in most editors.
      handleKeyDown: (_view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          openLink();
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });

  const linkActive = useEditorState({ editor, selector: ({ editor: e }) => e.isActive('link') });

  function openLink() {
    setHref(String(editor.getAttributes('link').href ?? ''));
    setLinkOpen(true);
  }

  const applyLink = () => {
    const v = href.trim();
    if (v === '') editor.chain().focus().extendMarkRange('link').unsetLink().run();
    else if (isSafeHref(v))
      editor.chain().focus().extendMarkRange('link').setLink({ href: v }).run();
    else return;
    setLinkOpen(false);
  };

  return (
    <div className={rte.rte}>
      <span id={labelId} className={rte.rteLabel}>
        {label}
      </span>
      <RichTextToolbar
        editor={editor}
        label={t('editor.toolbar.label', { field: label })}
        marks={richTextMarks}
        markLabel={(key) => t(`editor.toolbar.${key}`)}
        undoLabel={t('editor.toolbar.undo')}
        redoLabel={t('editor.toolbar.redo')}
        keyShortcuts
      >
        <ToggleButton
          isSelected={linkActive}
          onChange={openLink}
          aria-label={t('editor.toolbar.link')}
          aria-keyshortcuts="Control+K"
          className={rte.tool}
        >
          <span aria-hidden="true">
            <svg
              viewBox="0 0 24 24"
              width="18"
              height="18"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinecap="round"
            >
              <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1.2 1.2" />
              <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1.2-1.2" />
            </svg>
          </span>
        </ToggleButton>
        <AriaButton
          aria-label={t('editor.toolbar.hr')}
          onPress={() => editor.chain().focus().setHorizontalRule().run()}
          className={rte.tool}
        >
          <span aria-hidden="true">―</span>
        </AriaButton>
        <AriaButton
          aria-label={t('editor.toolbar.image')}
          onPress={() => setImageOpen(true)}
          className={rte.tool}
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
      <EditorContent editor={editor} className={rte.rteBody} />
      <details className={styles.shortcuts}>
        <summary id={helpId}>{t('editor.toolbar.shortcuts')}</summary>
        <dl>
          {richTextMarks.map((m) => (
            <div key={m.key}>
              <dt>{t(`editor.toolbar.${m.key}`)}</dt>
              <dd>
                <kbd>{m.shortcut}</kbd>
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('editor.toolbar.link')}</dt>
            <dd>
              <kbd>Strg+K</kbd>
            </dd>
          </div>
          <div>
            <dt>{t('editor.toolbar.toolbarKeys')}</dt>
            <dd>
              <kbd>←</kbd> <kbd>→</kbd>
            </dd>
          </div>
        </dl>
      </details>

      <FormDialog title={t('editor.link.title')} isOpen={linkOpen} onOpenChange={setLinkOpen}>
        <form
          className={forms.form}
          onSubmit={(e) => {
            e.preventDefault();
            e.stopPropagation();
            applyLink();
          }}
        >
          <TextField
            label={t('editor.link.url')}
            description={t('editor.link.help')}
            value={href}
            onChange={setHref}
            errorMessage={
              href.trim() && !isSafeHref(href.trim()) ? t('editor.link.invalid') : undefined
            }
          />
          <div className={forms.buttons}>
            <Button type="submit" variant="primary">
              {href.trim() ? t('editor.link.apply') : t('editor.link.remove')}
            </Button>
            <Button variant="secondary" onPress={() => setLinkOpen(false)}>
              {t('editor.cancel')}
            </Button>
          </div>
        </form>
      </FormDialog>

      <ImageUploadDialog
        articleId={articleId}
        title={t('editor.image.inlineTitle')}
        isOpen={imageOpen}
        onOpenChange={setImageOpen}
        onInsert={(img) =>
          editor
            .chain()
            .focus()
            .setImage({
              src: img.url,
              alt: img.alt,
              ...(img.width ? { width: img.width } : {}),
              ...(img.height ? { height: img.height } : {}),
            })
            .run()
        }
      />
    </div>
  );
}
