import type { ReactNode } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { Button as AriaButton, ToggleButton, Toolbar } from 'react-aria-components';
import type { RichTextMark } from './marks';
import styles from './rich-text.module.css';

/**
 * Accessible TipTap toolbar (one Tab stop, arrow keys inside, toggles with `aria-pressed`):
 * the given marks, then `children` (editor-specific tools), then undo and redo.
 */
export function RichTextToolbar({
  editor,
  label,
  marks,
  markLabel,
  undoLabel,
  redoLabel,
  keyShortcuts = false,
  children,
}: {
  editor: Editor;
  label: string;
  marks: readonly RichTextMark[];
  markLabel: (key: string) => string;
  undoLabel: string;
  redoLabel: string;
  /** Announce the keyboard shortcuts with `aria-keyshortcuts`. */
  keyShortcuts?: boolean;
  children?: ReactNode;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: Object.fromEntries(marks.map((m) => [m.key, m.isActive(e)])),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  return (
    <Toolbar aria-label={label} className={styles.toolbar}>
      {marks.map((m) => (
        <ToggleButton
          key={m.key}
          isSelected={state.active[m.key] ?? false}
          onChange={() => m.run(editor)}
          aria-label={markLabel(m.key)}
          aria-keyshortcuts={keyShortcuts ? m.aria : undefined}
          className={styles.tool}
        >
          <span aria-hidden="true">{m.glyph}</span>
        </ToggleButton>
      ))}
      {children}
      <AriaButton
        aria-label={undoLabel}
        aria-keyshortcuts={keyShortcuts ? 'Control+Z' : undefined}
        isDisabled={!state.canUndo}
        onPress={() => editor.chain().focus().undo().run()}
        className={styles.tool}
      >
        <span aria-hidden="true">↶</span>
      </AriaButton>
      <AriaButton
        aria-label={redoLabel}
        aria-keyshortcuts={keyShortcuts ? 'Control+Shift+Z' : undefined}
        isDisabled={!state.canRedo}
        onPress={() => editor.chain().focus().redo().run()}
        className={styles.tool}
      >
        <span aria-hidden="true">↷</span>
      </AriaButton>
    </Toolbar>
  );
}
