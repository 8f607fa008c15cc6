import type { Editor } from '@tiptap/react';

/** One toggle in a rich text toolbar (TipTap StarterKit marks and blocks). */
export interface RichTextMark {
  key: string;
  glyph: string;
  /** Shown in the shortcut list (German key names). */
  shortcut: string;
  /** `aria-keyshortcuts` syntax. */
  aria: string;
  isActive: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

export const richTextMarks: RichTextMark[] = [
  {
    key: 'bold',
    glyph: 'B',
    shortcut: 'Strg+B',
    aria: 'Control+B',
    isActive: (e) => e.isActive('bold'),
    run: (e) => e.chain().focus().toggleBold().run(),
  },
  {
    key: 'italic',
    glyph: 'I',
    shortcut: 'Strg+I',
    aria: 'Control+I',
    isActive: (e) => e.isActive('italic'),
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  {
    key: 'h2',
    glyph: 'H2',
    shortcut: 'Strg+Alt+2',
    aria: 'Control+Alt+2',
    isActive: (e) => e.isActive('heading', { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    key: 'h3',
    glyph: 'H3',
    shortcut: 'Strg+Alt+3',
    aria: 'Control+Alt+3',
    isActive: (e) => e.isActive('heading', { level: 3 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
  },
  {
    key: 'h4',
    glyph: 'H4',
    shortcut: 'Strg+Alt+4',
    aria: 'Control+Alt+4',
    isActive: (e) => e.isActive('heading', { level: 4 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run(),
  },
  {
    key: 'bulletList',
    glyph: '•',
    shortcut: 'Strg+Umschalt+8',
    aria: 'Control+Shift+8',
    isActive: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  {
    key: 'orderedList',
    glyph: '1.',
    shortcut: 'Strg+Umschalt+7',
    aria: 'Control+Shift+7',
    isActive: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run(),
  },
  {
    key: 'blockquote',
    glyph: '❝',
    shortcut: 'Strg+Umschalt+B',
    aria: 'Control+Shift+B',
    isActive: (e) => e.isActive('blockquote'),
    run: (e) => e.chain().focus().toggleBlockquote().run(),
  },
  {
    key: 'code',
    glyph: '</>',
    shortcut: 'Strg+E',
    aria: 'Control+E',
    isActive: (e) => e.isActive('code'),
    run: (e) => e.chain().focus().toggleCode().run(),
  },
];

/** The marks with these keys, in the toolbar's usual order. */
export const pickMarks = (keys: readonly string[]): RichTextMark[] =>
  richTextMarks.filter((m) => keys.includes(m.key));
