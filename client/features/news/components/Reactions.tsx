import type React from 'react';
import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { newsReactions, type NewsReaction } from '@shared/news/schemas';
import type { NewsSummaryDTO } from '@shared/news/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useReact } from '../queries';
import styles from './Reactions.module.css';

const svg = {
  viewBox: '0 0 24 24',
  width: '1.125em',
  height: '1.125em',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

/** Drawn icons (emoji fonts are missing on many office machines). */
const symbols: Record<NewsReaction, React.ReactNode> = {
  like: (
    <svg {...svg}>
      <path d="M7 10v11H4V10zM7 10l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7" />
    </svg>
  ),
  thanks: (
    <svg {...svg}>
      <path d="M12 21s-8-4.9-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10c0 6.1-8 11-8 11z" />
    </svg>
  ),
  idea: (
    <svg {...svg}>
      <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.7.6 1.1 1.3 1.1 2.2h5c0-.9.4-1.6 1.1-2.2A6 6 0 0 0 12 3z" />
    </svg>
  ),
  celebrate: (
    <svg {...svg}>
      <path d="m12 2 2.9 6.1 6.6.8-4.9 4.6 1.3 6.5L12 16.8 6.1 20l1.3-6.5L2.5 8.9l6.6-.8z" />
    </svg>
  ),
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
            {symbols[r]}
            <span>{t(`reactions.${r}`)}</span>
            <span className={styles.count}>{article.reactions[r] ?? 0}</span>
          </ToggleButton>
        ))}
      </div>
      {react.isError ? <ErrorMessage error={react.error} /> : null}
    </section>
  );
}
