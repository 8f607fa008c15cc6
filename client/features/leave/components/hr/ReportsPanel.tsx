import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { buttonClassName } from '../../../../components/Button';
import { useReports } from '../../hr-queries';
import { reportsCsvUrl } from '../../hr-api';
import { formatDays } from '../calendar/format';
import { YearField } from './YearField';
import styles from './manage.module.css';

/** HR: per office — people, entitlement, taken, planned, remaining; CSV download. */
export function ReportsPanel() {
  const { t, i18n } = useTranslation('leaveManage');
  const lang = i18n.language;
  const [year, setYear] = useState(() => new Date().getFullYear());
  const reports = useReports({ year });
  const rows = reports.data ?? [];
  return (
    <div className={styles.stack}>
      <div className={`${styles.panel} ${styles.row}`}>
        <YearField value={year} onChange={setYear} />
        {/* A plain link: the browser downloads with the session cookie (the server audits it). */}
        <a
          href={reportsCsvUrl(year)}
          download
          className={buttonClassName({ variant: 'secondary' })}
        >
          {t('hr.reports.csv', { year })}
        </a>
      </div>
      {reports.isError ? <ErrorMessage error={reports.error} /> : null}
      {reports.isPending ? <Spinner /> : null}
      {reports.isSuccess && rows.length === 0 ? <EmptyState title={t('hr.reports.none')} /> : null}
      {rows.length > 0 ? (
        <div className={styles.tableWrap}>
          <table className={styles.table} aria-busy={reports.isFetching}>
            <caption>{t('hr.reports.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('hr.reports.office')}</th>
                <th scope="col">{t('hr.reports.people')}</th>
                <th scope="col">{t('hr.reports.entitlement')}</th>
                <th scope="col">{t('hr.reports.taken')}</th>
                <th scope="col">{t('hr.reports.planned')}</th>
                <th scope="col">{t('hr.reports.remaining')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.office?.id ?? `other-${i}`}>
                  <th scope="row" data-label={t('hr.reports.office')}>
                    {r.office?.name ?? t('hr.reports.other')}
                  </th>
                  <td className={styles.num} data-label={t('hr.reports.people')}>
                    {r.people}
                  </td>
                  <td className={styles.num} data-label={t('hr.reports.entitlement')}>
                    {formatDays(r.entitlement, lang)}
                  </td>
                  <td className={styles.num} data-label={t('hr.reports.taken')}>
                    {formatDays(r.taken, lang)}
                  </td>
                  <td className={styles.num} data-label={t('hr.reports.planned')}>
                    {formatDays(r.planned, lang)}
                  </td>
                  <td className={styles.num} data-label={t('hr.reports.remaining')}>
                    {formatDays(r.remaining, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
