import { useTranslation } from 'react-i18next';
import type { ComplianceTotalsDTO } from '@shared/learning/types';
import styles from '../mandatory.module.css';

/** Whole percent done of the assigned (0 when nobody is assigned). */
export function percentDone(t: Pick<ComplianceTotalsDTO, 'assigned' | 'done'>): number {
  return t.assigned === 0 ? 0 : Math.round((t.done / t.assigned) * 100);
}

/** A stacked bar (done / open / overdue, with patterns) plus the same numbers in words. */
export function TotalsBar({
  totals,
  showKey = true,
}: {
  totals: ComplianceTotalsDTO;
  showKey?: boolean;
}) {
  const { t } = useTranslation('learningTrainings');
  const width = (n: number) => (totals.assigned === 0 ? '0%' : `${(n / totals.assigned) * 100}%`);
  return (
    <div className={styles.totals}>
      <div className={styles.bar} aria-hidden="true">
        <span className={styles.done} style={{ width: width(totals.done) }} />
        <span className={styles.open} style={{ width: width(totals.open) }} />
        <span className={styles.overdue} style={{ width: width(totals.overdue) }} />
      </div>
      <p>
        {t('totals.summary', {
          done: totals.done,
          count: totals.assigned,
          percent: percentDone(totals),
        })}
      </p>
      {showKey ? (
        <ul className={styles.key}>
          <li>
            <span className={`${styles.swatch} ${styles.done}`} aria-hidden="true" />
            {t('totals.done', { count: totals.done })}
          </li>
          <li>
            <span className={`${styles.swatch} ${styles.open}`} aria-hidden="true" />
            {t('totals.open', { count: totals.open })}
          </li>
          <li>
            <span className={`${styles.swatch} ${styles.overdue}`} aria-hidden="true" />
            {t('totals.overdue', { count: totals.overdue })}
          </li>
        </ul>
      ) : null}
    </div>
  );
}
