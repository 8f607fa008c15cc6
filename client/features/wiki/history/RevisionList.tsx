import { useTranslation } from 'react-i18next';
import type { RevisionDTO } from '@shared/wiki/types';
import { Button } from '../../../components/Button';
import styles from './history.module.css';

export interface RevisionListProps {
  revisions: RevisionDTO[];
  from: string | null;
  to: string | null;
  onPick: (which: 'from' | 'to', revisionId: string) => void;
  onView: (revisionId: string) => void;
  hasMore?: boolean;
  onMore?: () => void;
}

/**
 * The revisions, newest first, with two radio groups ("von" / "bis") to choose what to compare:
 * native radios, so arrow keys move within each group and screen readers say "1 of n".
 */
export function RevisionList({
  revisions,
  from,
  to,
  onPick,
  onView,
  hasMore,
  onMore,
}: RevisionListProps) {
  const { t, i18n } = useTranslation('wikiEditor');
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className={styles.revisions}>
      <p id="wiki-history-pick" className={styles.hint}>
        {t('history.pickHelp')}
      </p>
      <ol className={styles.revisionList} aria-describedby="wiki-history-pick">
        {revisions.map((r) => {
          const name = t('history.number', { number: r.number });
          const authors = r.authors.map((a) => a.displayName).join(', ');
          return (
            <li key={r.id} className={styles.revision}>
              <div className={styles.pick}>
                <label className={styles.radio}>
                  <input
                    type="radio"
                    name="wiki-diff-from"
                    checked={from === r.id}
                    onChange={() => onPick('from', r.id)}
                    aria-label={t('history.fromLabel', { name })}
                  />
                  <span aria-hidden="true">{t('history.from')}</span>
                </label>
                <label className={styles.radio}>
                  <input
                    type="radio"
                    name="wiki-diff-to"
                    checked={to === r.id}
                    onChange={() => onPick('to', r.id)}
                    aria-label={t('history.toLabel', { name })}
                  />
                  <span aria-hidden="true">{t('history.to')}</span>
                </label>
              </div>
              <div className={styles.revisionMain}>
                <p className={styles.revisionHead}>
                  <strong>{name}</strong>
                  <span className={styles.kind}>{t(`kinds.${r.kind}`)}</span>
                  <time dateTime={r.createdAt}>{time.format(new Date(r.createdAt))}</time>
                </p>
                {authors ? (
                  <p className={styles.meta}>{t('history.authors', { names: authors })}</p>
                ) : null}
                {r.note ? <p className={styles.note}>{r.note}</p> : null}
              </div>
              <Button
                variant="secondary"
                size="small"
                onPress={() => onView(r.id)}
                aria-label={t('history.viewLabel', { name })}
              >
                {t('history.view')}
              </Button>
            </li>
          );
        })}
      </ol>
      {hasMore && onMore ? (
        <Button variant="secondary" onPress={onMore}>
          {t('history.more')}
        </Button>
      ) : null}
    </div>
  );
}
