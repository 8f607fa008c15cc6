import { Node, mergeAttributes, type AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';

/**
 * The one document schema of wiki pages. The client's editor (plus Collaboration and carets) and
 * the server's snapshot renderer use exactly this list, so what the editor writes the server can
 * render, and nothing else survives.
 */

export const calloutTones = ['info', 'warning', 'success', 'danger'] as const;
export type CalloutTone = (typeof calloutTones)[number];

/** A highlighted box ("Hinweis", "Achtung" …) holding ordinary blocks. */
export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'block+',
  defining: true,
  addAttributes() {
    return {
      tone: {
        default: 'info',
        parseHTML: (el) => {
          const t = el.getAttribute('data-tone');
          return (calloutTones as readonly string[]).includes(t ?? '') ? t : 'info';
        },
        renderHTML: (attrs) => ({ 'data-tone': attrs.tone as string }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'div[data-callout]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-callout': '' }, HTMLAttributes), 0];
  },
});

/** Internal page links are ordinary links to this path; backlinks are read from them. */
export const pageLinkHref = (pageId: string) => `/wiki/p/${pageId}`;
export const PAGE_LINK_RE =
  /\/wiki\/p\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

/** Wiki files (images, attachments) are served by this authorised route. */
export const wikiFileUrl = (pageId: string, fileId: string) =>
  `/api/wiki/pages/${pageId}/files/${fileId}`;

/**
 * The extension list. `collaboration: true` leaves out undo/redo (Yjs brings its own undo manager
 * through the Collaboration extension).
 */
export function wikiExtensions(opts: { collaboration?: boolean } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3, 4] },
      ...(opts.collaboration ? { undoRedo: false } : {}),
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      },
    }),
    Image.configure({ inline: false, allowBase64: false }),
    TableKit.configure({ table: { resizable: false } }),
    Callout,
  ];
}
