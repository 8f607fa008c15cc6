import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { postReactions, type PostReaction } from '@shared/rooms/schemas';
import type { PostDTO } from '@shared/rooms/types';
import { HeartIcon, LightbulbIcon, QuestionIcon, ThumbsUpIcon } from '../../../components/icons';
import styles from './feed.module.css';

// SVG, not emoji: machines without an emoji font showed empty boxes.
const icons: Record<PostReaction, typeof ThumbsUpIcon> = {
  like: ThumbsUpIcon,
  thanks: HeartIcon,
  idea: LightbulbIcon,
  question: QuestionIcon,
};

/** The four reactions as toggle buttons (`aria-pressed`) with their counts. */
export function PostReactions({
  post,
  onToggle,
}: {
  post: Pick<PostDTO, 'reactions' | 'abilities'>;
  onToggle: (reaction: PostReaction, on: boolean) => void;
}) {
  const { t } = useTranslation('roomsFeed');
  return (
    <div role="group" aria-label={t('reactions.label')} className={styles.reactions}>
      {postReactions.map((reaction) => {
        const r = post.reactions.find((x) => x.reaction === reaction);
        const count = r?.count ?? 0;
        const mine = r?.mine ?? false;
        const Icon = icons[reaction];
        return (
          <ToggleButton
            key={reaction}
            className={styles.reaction}
            isSelected={mine}
            isDisabled={!post.abilities.react}
            aria-label={t('reactions.button', { name: t(`reactions.${reaction}`), count })}
            onChange={(on) => onToggle(reaction, on)}
          >
            <Icon />
            <span aria-hidden="true">{t(`reactions.${reaction}`)}</span>
            {count > 0 ? (
              <span aria-hidden="true" className={styles.reactionCount}>
                {count}
              </span>
            ) : null}
          </ToggleButton>
        );
      })}
    </div>
  );
}
