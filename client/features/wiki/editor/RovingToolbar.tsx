import { useState, type KeyboardEvent, type ReactNode } from 'react';
import styles from './editor.module.css';

export interface ToolItem {
  key: string;
  /** Accessible name (also the tooltip). */
  label: string;
  /** Visible glyph or icon (decorative). */
  glyph: ReactNode;
  /** Shown in the tooltip, e.g. "Strg+B". */
  shortcut?: string;
  /** `aria-keyshortcuts` syntax, e.g. "Control+B". */
  ariaShortcut?: string;
  /** Toggle buttons carry `aria-pressed`; commands do not. */
  pressed?: boolean;
  disabled?: boolean;
  /** Starts a new visual group (a separator before it). */
  groupStart?: boolean;
  onPress: () => void;
}

/**
 * A `role="toolbar"` with a roving tabindex: one Tab stop, arrow keys (and Home/End) move between
 * the buttons. Disabled buttons stay focusable (`aria-disabled`) so the arrow order never jumps.
 */
export function RovingToolbar({
  label,
  items,
  className,
}: {
  label: string;
  items: ToolItem[];
  className?: string;
}) {
  const [current, setCurrent] = useState(0);
  const active = Math.min(current, items.length - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-tool]')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    let next = at;
    if (e.key === 'ArrowRight') next = (at + 1) % buttons.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    else return;
    e.preventDefault();
    setCurrent(next);
    buttons[next]?.focus();
  };

  return (
    <div
      role="toolbar"
      aria-label={label}
      aria-orientation="horizontal"
      className={`${styles.toolbar} ${className ?? ''}`}
      onKeyDown={onKeyDown}
    >
      {items.map((item, i) => (
        <span key={item.key} className={styles.toolSlot}>
          {item.groupStart && i > 0 ? (
            <span className={styles.separator} aria-hidden="true" />
          ) : null}
          <button
            type="button"
            data-tool={item.key}
            tabIndex={i === active ? 0 : -1}
            aria-label={item.label}
            title={item.shortcut ? `${item.label} (${item.shortcut})` : item.label}
            aria-keyshortcuts={item.ariaShortcut}
            aria-pressed={item.pressed === undefined ? undefined : item.pressed}
            aria-disabled={item.disabled || undefined}
            className={styles.tool}
            onFocus={() => setCurrent(i)}
            // Keep the editor's selection: the button must not take focus on mouse down.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              if (!item.disabled) item.onPress();
            }}
          >
            <span aria-hidden="true">{item.glyph}</span>
          </button>
        </span>
      ))}
    </div>
  );
}
