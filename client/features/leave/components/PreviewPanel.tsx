import { useTranslation } from 'react-i18next';
import type { LeavePreviewDTO } from '@shared/leave/types';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDay, formatDays, formatRange } from '../format';
import styles from '../leave.module.css';

/**
 * The live preview of a request: what it costs, the balance after it, holidays inside, who else
 * is away then (a status region, so screen readers hear a new conflict) and who decides.
 */
export function PreviewPanel({
  preview,
  error,
  isFetching,
  incomplete,
}: {
  preview: LeavePreviewDTO | undefined;
  error: unknown;
  isFetching: boolean;
  incomplete: boolean;
}) {
  const { t, i18n } = useTranslation(['leave', 'errors']);
  const lang = i18n.resolvedLanguage ?? 'de';
  const d = (n: number) => formatDays(n, lang);
  return (
    <section
      className={styles.preview}
      aria-labelledby="leave-preview-heading"
      aria-busy={isFetching}
    >
      <h2 id="leave-preview-heading">{t('leave:preview.title')}</h2>
      {incomplete ? (
        <p className={styles.muted}>{t('leave:preview.incomplete')}</p>
      ) : error ? (
        <ErrorMessage error={error} />
      ) : !preview ? (
        <p className={styles.muted}>{t('leave:preview.loading')}</p>
      ) : (
        <>
          <p>
            <strong>
              {t('leave:preview.days', { count: preview.days, days: d(preview.days) })}
            </strong>
            {preview.perYear.length > 1
              ? ` (${preview.perYear.map((y) => `${y.year}: ${d(y.days)}`).join(', ')})`
              : null}
          </p>
          {preview.perYear.some((y) => y.fromCarryOver > 0) ? (
            <p className={styles.muted}>
              {t('leave:preview.fromCarry', {
                days: d(preview.perYear.reduce((s, y) => s + y.fromCarryOver, 0)),
              })}
            </p>
          ) : null}
          {preview.availableAfter !== null ? (
            <p>{t('leave:preview.availableAfter', { days: d(preview.availableAfter) })}</p>
          ) : (
            <p className={styles.muted}>{t('leave:preview.notCounting')}</p>
          )}
          {preview.holidays.length > 0 ? (
            <div>
              <p>{t('leave:preview.holidays')}</p>
              <ul>
                {preview.holidays.map((h) => (
                  <li key={h.date}>
                    {formatDay(h.date, lang)}: {h.name}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p>
            {preview.approver
              ? t('leave:preview.approver', { name: preview.approver.displayName })
              : t('leave:preview.noApprover')}
          </p>
        </>
      )}
      {/* Always in the page, so a conflict that appears is announced. */}
      <div role="status">
        {!incomplete && preview && preview.conflicts.length > 0 ? (
          <div className={styles.warning}>
            <p>{t('leave:preview.conflicts', { count: preview.conflicts.length })}</p>
            <ul>
              {preview.conflicts.map((c, i) => (
                <li key={`${c.person.id}-${i}`}>
                  {c.person.displayName}: {formatRange(c.from, c.to, lang)} (
                  {t(`leave:status.${c.status}`)})
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {!incomplete && preview && preview.problems.length > 0 ? (
          <ul className={styles.warning}>
            {preview.problems.map((p) => (
              <li key={p}>{t(`errors:${p}`, { defaultValue: t('errors:conflict') })}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}
