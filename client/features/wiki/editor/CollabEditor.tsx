import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { wikiExtensions } from '@shared/wiki/extensions';
import { COLLAB_FIELD } from '@shared/wiki/schemas';
import type { WikiFileDTO } from '@shared/wiki/types';
import { EditorToolbar } from './EditorToolbar';
import { LinkDialog, type LinkChoice } from './LinkDialog';
import { UploadDialog } from './UploadDialog';
import { Outline } from './EditorSidebar';
import type { CollabSession, CollabUser } from './collab';
import styles from './editor.module.css';

/** Caret of a co-editor: a coloured bar with the name (text is white on the palette colour). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = String(user.color);
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name);
  caret.append(label);
  return caret;
}

/** Inserts a link: on the selection, or as new text when nothing is selected. */
export function applyLink(editor: Editor, { href, text }: LinkChoice) {
  if (editor.state.selection.empty && !editor.isActive('link')) {
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
      .insertContent(' ')
      .run();
  } else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}

/**
 * The shared editor of one page: TipTap bound to the page's Y doc (Collaboration) with carets of
 * the others, the toolbar, link/image/attachment dialogs and the outline. Editable only while the
 * server grants write access.
 */
export function CollabEditor({
  pageId,
  session,
  user,
  editable,
  onEditor,
}: {
  pageId: string;
  session: CollabSession;
  user: CollabUser;
  editable: boolean;
  onEditor?: (editor: Editor | null) => void;
}) {
  const { t } = useTranslation('wikiEditor');
  const helpId = useId();
  const labelId = useId();
  const [linkOpen, setLinkOpen] = useState(false);
  const [upload, setUpload] = useState<'image' | 'attachment' | null>(null);

  const editor = useEditor(
    {
      extensions: [
        ...wikiExtensions({ collaboration: true }),
        Collaboration.configure({ document: session.ydoc, field: COLLAB_FIELD }),
        CollaborationCaret.configure({ provider: session.provider, user, render: renderCaret }),
      ],
      editable: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          'aria-describedby': helpId,
          class: styles.prose ?? '',
        },
        handleKeyDown: (_view, event) => {
          if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
            event.preventDefault();
            setLinkOpen(true);
            return true;
          }
          return false;
        },
      },
    },
    [session],
  );

  useEffect(() => {
    editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  const insertFile = (file: WikiFileDTO, alt: string) => {
    if (upload === 'image') editor.chain().focus().setImage({ src: file.url, alt }).run();
    else applyLink(editor, { href: file.url, text: file.name });
  };

  return (
    <div className={styles.editorLayout}>
      <div className={styles.editorMain}>
        <span id={labelId} className={styles.rteLabel}>
          {t('content')}
        </span>
        {editable ? (
          <EditorToolbar
            editor={editor}
            onLink={() => setLinkOpen(true)}
            onImage={() => setUpload('image')}
            onAttachment={() => setUpload('attachment')}
          />
        ) : null}
        <EditorContent editor={editor} className={styles.editorBody} />
        <p id={helpId} className={styles.hint}>
          {t('help')}
        </p>
      </div>
      <aside className={styles.editorAside} aria-label={t('aside')}>
        <Outline editor={editor} />
      </aside>
      {linkOpen ? (
        <LinkDialog
          isOpen
          onOpenChange={setLinkOpen}
          initialHref={String(editor.getAttributes('link').href ?? '')}
          onApply={(choice) => applyLink(editor, choice)}
          onRemove={() => editor.chain().focus().extendMarkRange('link').unsetLink().run()}
        />
      ) : null}
      {upload ? (
        <UploadDialog
          pageId={pageId}
          kind={upload}
          isOpen
          onOpenChange={(open) => !open && setUpload(null)}
          onInsert={insertFile}
        />
      ) : null}
    </div>
  );
}
