import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplianceDTO, ComplianceRowDTO } from '@shared/learning/types';
import { Button } from '../../../../components/Button';
import { percentDone } from './TotalsBar';
import { CompliancePeople } from './CompliancePeople';
import styles from '../mandatory.module.css';
import shared from '../../trainings/trainings.module.css';

const sum = (rows: ComplianceRowDTO[]) =>
  rows.reduce(
    (a, r) => ({
      assigned: a.assigned + r.assigned,
      done: a.done + r.done,
      open: a.open + r.open,
      overdue: a.overdue + r.overdue,
    }),
    { assigned: 0, done: 0, open: 0, overdue: 0 },
  );

/**
 * One assignment per office: assigned, done, open, overdue and percent (in words and a bar).
 * A real table on wide screens, label/value cards on phones. "Personen anzeigen" only where the
 * server says `canSeePeople`.
 */
export function ComplianceTable({ compliance }: { compliance: ComplianceDTO }) {
  const { t } = useTranslation('learningTrainings');
  const [open, setOpen] = useState<{ id: string; name: string } | null>(null);
  const rows = [...compliance.rows].sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'de'));
  const totals = sum(rows);
  const anyPeople = rows.some((r) => r.canSeePeople);
  const caption = t('compliance.caption', { title: compliance.assignment.course.title });
  const percentCell = (r: { assigned: number; done: number }) => {
    const p = percentDone(r);
    return (
      <td className={`${styles.num} ${styles.percentCell}`} data-label={t('compliance.percent')}>
        <span>{t('compliance.percentValue', { percent: p })}</span>
        <span className={styles.bar} aria-hidden="true" style={{ minWidth: '4rem', flex: '1' }}>
          <span className={styles.done} style={{ width: `${p}%` }} />
        </span>
      </td>
    );
  };
  return (
    <div className={shared.stack}>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compliance.office')}</th>
              <th scope="col" className={styles.num}>
                {t('compliance.assigned')}
              </th>
              <th scope="col" className={styles.num}>
                {t('compliance.done')}
              </th>
              <th scope="col" className={styles.num}>
                {t('compliance.open')}
              </th>
              <th scope="col" className={styles.num}>
                {t('compliance.overdue')}
              </th>
              <th scope="col" className={styles.num}>
                {t('compliance.percent')}
              </th>
              {anyPeople ? (
                <th scope="col">
                  <span className={shared.srOnly}>{t('compliance.people')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit.id}>
                <th scope="row">{r.unit.name}</th>
                <td className={styles.num} data-label={t('compliance.assigned')}>
                  {r.assigned}
                </td>
                <td className={styles.num} data-label={t('compliance.done')}>
                  {r.done}
                </td>
                <td className={styles.num} data-label={t('compliance.open')}>
                  {r.open}
                </td>
                <td
                  className={`${styles.num} ${r.overdue > 0 ? styles.overdueText : ''}`}
                  data-label={t('compliance.overdue')}
                >
                  {r.overdue}
                </td>
                {percentCell(r)}
                {anyPeople ? (
                  <td data-label={t('compliance.people')}>
                    {r.canSeePeople ? (
                      <Button
                        size="small"
                        variant="tertiary"
                        aria-label={t('compliance.showPeopleFor', { office: r.unit.name })}
                        aria-expanded={open?.id === r.unit.id}
                        onPress={() =>
                          setOpen((o) =>
                            o?.id === r.unit.id ? null : { id: r.unit.id, name: r.unit.name },
                          )
                        }
                      >
                        {open?.id === r.unit.id
                          ? t('compliance.hidePeople')
                          : t('compliance.showPeople')}
                      </Button>
                    ) : (
                      '–'
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('compliance.total')}</th>
              <td className={styles.num} data-label={t('compliance.assigned')}>
                {totals.assigned}
              </td>
              <td className={styles.num} data-label={t('compliance.done')}>
                {totals.done}
              </td>
              <td className={styles.num} data-label={t('compliance.open')}>
                {totals.open}
              </td>
              <td className={styles.num} data-label={t('compliance.overdue')}>
                {totals.overdue}
              </td>
              {percentCell(totals)}
              {anyPeople ? <td aria-hidden="true" /> : null}
            </tr>
          </tfoot>
        </table>
      </div>
      {open ? (
        <CompliancePeople
          assignmentId={compliance.assignment.id}
          unit={open}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
