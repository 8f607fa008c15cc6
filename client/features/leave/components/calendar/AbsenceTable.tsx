import { useTranslation } from 'react-i18next';
import type { AbsenceListRow } from './grid';
import { formatDate, formatDays } from './format';
import styles from '../hr/manage.module.css';
import marks from './calendar.module.css';

/** The accessible alternative (and the phone default): one row per absence. */
export function AbsenceTable({ rows, caption }: { rows: AbsenceListRow[]; caption: string }) {
  const { t, i18n } = useTranslation('leaveManage');
  const { t: tl } = useTranslation('leave');
  const lang = i18n.language;
  const showType = rows.some((r) => r.type !== null || (r.training?.title ?? null) !== null);
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('calendar.person')}</th>
            <th scope="col">{t('calendar.from')}</th>
            <th scope="col">{t('calendar.to')}</th>
            <th scope="col">{t('calendar.daysStatus')}</th>
            {showType ? <th scope="col">{t('calendar.type')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.person.id}-${r.id}`}>
              <th scope="row" data-label={t('calendar.person')}>
                {r.person.displayName}
              </th>
              <td data-label={t('calendar.from')}>
                {formatDate(r.from, lang)}
                {r.halfStart ? <span className={styles.sub}>{t('calendar.part.pm')}</span> : null}
              </td>
              <td data-label={t('calendar.to')}>
                {formatDate(r.to, lang)}
                {r.halfEnd ? <span className={styles.sub}>{t('calendar.part.am')}</span> : null}
              </td>
              {r.training ? (
                <td data-label={t('calendar.daysStatus')}>
                  <span className={`${styles.pill} ${styles.neutral}`}>
                    <span
                      className={`${marks.training} ${marks.trainingSwatch}`}
                      aria-hidden="true"
                    />{' '}
                    {tl('calendarTraining.mark')}
                  </span>
                  <span className={styles.sub}>
                    {tl('calendarTraining.time', { start: r.training.start, end: r.training.end })}
                  </span>
                </td>
              ) : (
                <td data-label={t('calendar.daysStatus')}>
                  {r.days !== null
                    ? `${t('calendar.daysValue', { count: r.days, days: formatDays(r.days, lang) })} · `
                    : ''}
                  <span
                    className={`${styles.pill} ${r.mark === 'pending' ? styles.warn : styles.ok}`}
                  >
                    <span aria-hidden="true">{r.mark === 'pending' ? '? ' : '✓ '}</span>
                    {r.status === 'cancel_requested'
                      ? t('calendar.cancelRequested')
                      : t(`calendar.mark.${r.mark}`)}
                  </span>
                </td>
              )}
              {showType ? (
                <td data-label={t('calendar.type')}>
                  {r.training
                    ? (r.training.title ?? '–')
                    : r.type
                      ? lang === 'en'
                        ? r.type.name.en
                        : r.type.name.de
                      : '–'}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
