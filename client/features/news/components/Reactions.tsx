import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { newsReactions, type NewsReaction } from '@shared/news/schemas';
import type { NewsSummaryDTO } from '@shared/news/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useReact } from '../queries';
import styles from './Reactions.module.css';

const symbols: Record<NewsReaction, string> = {
  like: '👍',
  thanks: '🙏',
  idea: '💡',
  celebrate: '🎉',
};

/** One toggle button per reaction with its count; pressing the chosen one takes it back. */
export function Reactions({ article }: { article: NewsSummaryDTO }) {
  const { t } = useTranslation('news');
  const react = useReact(article.id);
  if (!article.allowReactions) return null;
  const mine = article.viewer.reaction;
  return (
    <section className={styles.reactions} aria-labelledby="reactions-title">
      <h2 id="reactions-title" className="visually-hidden">
        {t('reactions.label')}
      </h2>
      <div role="group" aria-labelledby="reactions-title" className={styles.list}>
        {newsReactions.map((r) => (
          <ToggleButton
            key={r}
            className={styles.button}
            isSelected={mine === r}
            isDisabled={!article.abilities.react}
            onChange={(on) => react.mutate({ from: mine, to: on ? r : null })}
          >
            <span aria-hidden="true">{symbols[r]}</span>
            <span>{t(`reactions.${r}`)}</span>
            <span className={styles.count}>{article.reactions[r] ?? 0}</span>
          </ToggleButton>
        ))}
      </div>
      {react.isError ? <ErrorMessage error={react.error} /> : null}
    </section>
  );
}
