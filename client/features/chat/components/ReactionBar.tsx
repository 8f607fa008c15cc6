import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ChatReaction } from '@shared/chat/schemas';
import type { ReactionDTO } from '@shared/chat/types';
import { reactionEmoji } from '../emoji';
import { ReactionPicker } from './ReactionPicker';
import styles from './ReactionBar.module.css';

export interface ReactionBarProps {
  reactions: ReactionDTO[];
  /** The viewer's person id (their own reactions show pressed). */
  viewerId: string;
  /** `on` = add the viewer's reaction, otherwise take it back. */
  onToggle: (reaction: ChatReaction, on: boolean) => void;
  canReact: boolean;
  /** Show the "add reaction" picker at the end of the bar (default when `canReact`). */
  showPicker?: boolean;
}

/** The reactions under a message: one toggle chip per reaction with its count and who reacted. */
export function ReactionBar({
  reactions,
  viewerId,
  onToggle,
  canReact,
  showPicker = canReact,
}: ReactionBarProps) {
  const { t } = useTranslation('chatMessages');
  const visible = reactions.filter((r) => r.count > 0);
  if (visible.length === 0 && !showPicker) return null;
  const mine = visible.filter((r) => r.personIds.includes(viewerId)).map((r) => r.reaction);
  return (
    <div role="group" aria-label={t('reactions.label')} className={styles.bar}>
      {visible.map((r) => {
        const selected = r.personIds.includes(viewerId);
        const more = r.count - r.names.length;
        const names =
          r.names.join(', ') + (more > 0 ? ` ${t('reactions.more', { count: more })}` : '');
        const label = t(selected ? 'reactions.chipRemove' : 'reactions.chipAdd', {
          emoji: reactionEmoji[r.reaction],
          count: r.count,
          names,
        });
        return (
          <ToggleButton
            key={r.reaction}
            className={styles.chip}
            isSelected={selected}
            isDisabled={!canReact}
            aria-label={label}
            onChange={(on) => onToggle(r.reaction, on)}
          >
            <span aria-hidden="true" className={styles.emoji}>
              {reactionEmoji[r.reaction]}
            </span>
            <span aria-hidden="true" className={styles.count}>
              {r.count}
            </span>
          </ToggleButton>
        );
      })}
      {showPicker ? (
        <ReactionPicker
          mine={mine}
          isDisabled={!canReact}
          onPick={(reaction) => onToggle(reaction, !mine.includes(reaction))}
        />
      ) : null}
    </div>
  );
}
