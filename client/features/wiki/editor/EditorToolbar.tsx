import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorState, type Editor } from '@tiptap/react';
import { calloutTones, type CalloutTone } from '@shared/wiki/extensions';
import { ImageIcon, InfoIcon, LinkIcon, PaperclipIcon } from '../../../components/icons';
import { RovingToolbar, type ToolItem } from './RovingToolbar';
import styles from './editor.module.css';

interface ToolDef {
  key: string;
  /** Text glyphs only where every font has them; emoji render as empty boxes without an emoji font. */
  glyph: ReactNode;
  shortcut?: string;
  aria?: string;
  groupStart?: boolean;
  isActive?: (e: Editor) => boolean;
  run: (e: Editor) => void;
}

const chain = (e: Editor) => e.chain().focus();

/** Formatting tools in toolbar order; shortcuts are TipTap's defaults (German key names). */
export const formatTools: ToolDef[] = [
  {
    key: 'paragraph',
    glyph: '¶',
    shortcut: 'Strg+Alt+0',
    aria: 'Control+Alt+0',
    isActive: (e) => e.isActive('paragraph') && !e.isActive('callout'),
    run: (e) => chain(e).setParagraph().run(),
  },
  ...([1, 2, 3] as const).map((level): ToolDef => ({
    key: `h${level}`,
    glyph: `H${level}`,
    shortcut: `Strg+Alt+${level}`,
    aria: `Control+Alt+${level}`,
    isActive: (e) => e.isActive('heading', { level }),
    run: (e) => chain(e).toggleHeading({ level }).run(),
  })),
  {
    key: 'bold',
    glyph: 'B',
    shortcut: 'Strg+B',
    aria: 'Control+B',
    groupStart: true,
    isActive: (e) => e.isActive('bold'),
    run: (e) => chain(e).toggleBold().run(),
  },
  {
    key: 'italic',
    glyph: 'I',
    shortcut: 'Strg+I',
    aria: 'Control+I',
    isActive: (e) => e.isActive('italic'),
    run: (e) => chain(e).toggleItalic().run(),
  },
  {
    key: 'underline',
    glyph: 'U',
    shortcut: 'Strg+U',
    aria: 'Control+U',
    isActive: (e) => e.isActive('underline'),
    run: (e) => chain(e).toggleUnderline().run(),
  },
  {
    key: 'strike',
    glyph: 'S',
    shortcut: 'Strg+Umschalt+S',
    aria: 'Control+Shift+S',
    isActive: (e) => e.isActive('strike'),
    run: (e) => chain(e).toggleStrike().run(),
  },
  {
    key: 'code',
    glyph: '</>',
    shortcut: 'Strg+E',
    aria: 'Control+E',
    isActive: (e) => e.isActive('code'),
    run: (e) => chain(e).toggleCode().run(),
  },
  {
    key: 'bulletList',
    glyph: '•',
    shortcut: 'Strg+Umschalt+8',
    aria: 'Control+Shift+8',
    groupStart: true,
    isActive: (e) => e.isActive('bulletList'),
    run: (e) => chain(e).toggleBulletList().run(),
  },
  {
    key: 'orderedList',
    glyph: '1.',
    shortcut: 'Strg+Umschalt+7',
    aria: 'Control+Shift+7',
    isActive: (e) => e.isActive('orderedList'),
    run: (e) => chain(e).toggleOrderedList().run(),
  },
  {
    key: 'blockquote',
    glyph: '❝',
    shortcut: 'Strg+Umschalt+B',
    aria: 'Control+Shift+B',
    isActive: (e) => e.isActive('blockquote'),
    run: (e) => chain(e).toggleBlockquote().run(),
  },
  {
    key: 'codeBlock',
    glyph: '{ }',
    shortcut: 'Strg+Alt+C',
    aria: 'Control+Alt+C',
    isActive: (e) => e.isActive('codeBlock'),
    run: (e) => chain(e).toggleCodeBlock().run(),
  },
  {
    key: 'callout',
    glyph: <InfoIcon />,
    isActive: (e) => e.isActive('callout'),
    run: (e) =>
      e.isActive('callout')
        ? chain(e).lift('callout').run()
        : chain(e).wrapIn('callout', { tone: 'info' }).run(),
  },
];

export interface EditorToolbarProps {
  editor: Editor;
  onLink: () => void;
  onImage: () => void;
  onAttachment: () => void;
}

/** The main toolbar plus contextual tools (table rows/columns, callout tone) where the caret is. */
export function EditorToolbar({ editor, onLink, onImage, onAttachment }: EditorToolbarProps) {
  const { t } = useTranslation('wikiEditor');
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: Object.fromEntries(formatTools.map((d) => [d.key, d.isActive?.(e) ?? false])),
      link: e.isActive('link'),
      table: e.isActive('table'),
      callout: e.isActive('callout'),
      tone: (e.getAttributes('callout').tone as CalloutTone | undefined) ?? 'info',
      editable: e.isEditable,
    }),
  });
  const disabled = !state.editable;

  const items: ToolItem[] = [
    ...formatTools.map((d) => ({
      key: d.key,
      label: t(`toolbar.${d.key}`),
      glyph: d.glyph,
      shortcut: d.shortcut,
      ariaShortcut: d.aria,
      groupStart: d.groupStart,
      pressed: state.active[d.key] ?? false,
      disabled,
      onPress: () => d.run(editor),
    })),
    {
      key: 'table',
      label: t('toolbar.table'),
      glyph: '⊞',
      groupStart: true,
      disabled: disabled || state.table,
      onPress: () => chain(editor).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    {
      key: 'link',
      label: t('toolbar.link'),
      glyph: <LinkIcon />,
      shortcut: 'Strg+K',
      ariaShortcut: 'Control+K',
      pressed: state.link,
      disabled,
      onPress: onLink,
    },
    { key: 'image', label: t('toolbar.image'), glyph: <ImageIcon />, disabled, onPress: onImage },
    {
      key: 'attachment',
      label: t('toolbar.attachment'),
      glyph: <PaperclipIcon />,
      disabled,
      onPress: onAttachment,
    },
  ];

  const tableItems: ToolItem[] = [
    ['addRowAfter', '+≡', () => chain(editor).addRowAfter().run()],
    ['deleteRow', '−≡', () => chain(editor).deleteRow().run()],
    ['addColumnAfter', '+‖', () => chain(editor).addColumnAfter().run()],
    ['deleteColumn', '−‖', () => chain(editor).deleteColumn().run()],
    ['deleteTable', '✕', () => chain(editor).deleteTable().run()],
  ].map(([key, glyph, run]) => ({
    key: key as string,
    label: t(`table.${key as string}`),
    glyph: glyph as string,
    disabled,
    onPress: run as () => void,
  }));

  return (
    <div className={styles.toolbars}>
      <RovingToolbar label={t('toolbar.label')} items={items} />
      {state.table ? (
        <RovingToolbar label={t('table.label')} items={tableItems} className={styles.context} />
      ) : null}
      {state.callout ? (
        <div className={styles.context}>
          <label className={styles.toneField}>
            <span>{t('callout.tone')}</span>
            <select
              value={state.tone}
              disabled={disabled}
              onChange={(e) =>
                chain(editor).updateAttributes('callout', { tone: e.target.value }).run()
              }
            >
              {calloutTones.map((tone) => (
                <option key={tone} value={tone}>
                  {t(`callout.tones.${tone}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
    </div>
  );
}
