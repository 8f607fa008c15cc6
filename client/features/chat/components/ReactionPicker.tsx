import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { chatReactions, type ChatReaction } from '@shared/chat/schemas';
import { reactionEmoji } from '../emoji';
import styles from './ReactionPicker.module.css';
import { SmilePlusIcon } from '../../../components/icons';

export interface EmojiGridItem {
  key: string;
  emoji: string;
  label: string;
  pressed?: boolean;
}

/**
 * Buttons in a grid (a toolbar with one tab stop): arrow keys move (rows of `columns`), Home/End jump,
 * Enter/Space pick. Used by the reaction picker and the composer's emoji button.
 */
export function EmojiGrid({
  items,
  columns,
  label,
  onPick,
}: {
  items: EmojiGridItem[];
  columns: number;
  label: string;
  onPick: (key: string) => void;
}) {
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // Focus enters the grid when it opens (the popover's dialog would otherwise hold it).
  useEffect(() => {
    refs.current[0]?.focus();
  }, []);
  const move = (to: number) => {
    const next = Math.max(0, Math.min(items.length - 1, to));
    setActive(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: active + 1,
      ArrowLeft: active - 1,
      ArrowDown: active + columns,
      ArrowUp: active - columns,
      Home: 0,
      End: items.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };
  return (
    <div
      role="toolbar"
      aria-label={label}
      className={styles.grid}
      style={{ gridTemplateColumns: `repeat(${columns}, 2.5rem)` }}
      onKeyDown={onKeyDown}
    >
      {items.map((item, i) => (
        <button
          key={item.key}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          className={styles.cell}
          tabIndex={i === active ? 0 : -1}
          aria-label={item.label}
          aria-pressed={item.pressed === undefined ? undefined : item.pressed}
          title={item.label}
          onFocus={() => setActive(i)}
          onClick={() => onPick(item.key)}
        >
          <span aria-hidden="true">{item.emoji}</span>
        </button>
      ))}
    </div>
  );
}

export interface ReactionPickerProps {
  onPick: (reaction: ChatReaction) => void;
  /** Reactions the viewer already gave (shown pressed; picking one again takes it back). */
  mine?: readonly ChatReaction[];
  isDisabled?: boolean;
  /** Class of the trigger button (the message toolbar styles it). */
  className?: string;
}

/** A button that opens a popover with the 16 reactions of `chatReactions`. */
export function ReactionPicker({ onPick, mine = [], isDisabled, className }: ReactionPickerProps) {
  const { t } = useTranslation('chatMessages');
  const [open, setOpen] = useState(false);
  const items = chatReactions.map((r) => ({
    key: r,
    emoji: reactionEmoji[r],
    label: t(`reactions.names.${r}`),
    pressed: mine.includes(r),
  }));
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button
        className={className ?? styles.trigger}
        aria-label={t('reactions.add')}
        isDisabled={isDisabled}
      >
        <SmilePlusIcon />
      </Button>
      <Popover className={styles.popover} placement="top">
        <Dialog className={styles.dialog} aria-label={t('reactions.pickerTitle')}>
          <EmojiGrid
            items={items}
            columns={4}
            label={t('reactions.pickerTitle')}
            onPick={(key) => {
              onPick(key as ChatReaction);
              setOpen(false);
            }}
          />
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
