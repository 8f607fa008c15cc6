import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/Button';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { formatDate } from '../../trainings/format';
import { useCompliancePeople } from '../queries';
import styles from '../mandatory.module.css';
import shared from '../../trainings/trainings.module.css';

const order = { overdue: 0, open: 1, done: 2 } as const;

/** The people of one office with their status (HR, and leaders of that office). */
export function CompliancePeople({
  assignmentId,
  unit,
  onClose,
}: {
  assignmentId: string;
  unit: { id: string; name: string };
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('learningTrainings');
  const q = useCompliancePeople(assignmentId, unit.id);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [unit.id]);
  const people = [...(q.data ?? [])].sort(
    (a, b) =>
      order[a.status] - order[b.status] ||
      a.person.displayName.localeCompare(b.person.displayName, 'de'),
  );
  const tone = { done: shared.ok, open: shared.warn, overdue: shared.bad } as const;
  return (
    <section className={shared.card} aria-labelledby={`people-${unit.id}`}>
      <div className={shared.head}>
        <h3 id={`people-${unit.id}`} ref={heading} tabIndex={-1}>
          {t('compliance.peopleOf', { office: unit.name })}
        </h3>
        <Button size="small" onPress={onClose}>
          {t('compliance.hidePeople')}
        </Button>
      </div>
      {q.isPending ? (
        <Spinner label={t('compliance.peopleLoading')} />
      ) : q.isError ? (
        <ErrorMessage error={q.error} />
      ) : people.length === 0 ? (
        <p className={shared.muted}>{t('compliance.noPeople')}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className={shared.srOnly}>
              {t('compliance.peopleOf', { office: unit.name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('compliance.person')}</th>
                <th scope="col">{t('compliance.status')}</th>
                <th scope="col" className={styles.num}>
                  {t('compliance.progress')}
                </th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.person.id}>
                  <th scope="row">{p.person.displayName}</th>
                  <td data-label={t('compliance.status')}>
                    <span className={`${shared.pill} ${tone[p.status]}`}>
                      {p.status === 'done' && p.completedAt
                        ? t('compliance.doneAt', { date: formatDate(p.completedAt, i18n.language) })
                        : t(`compliance.personStatus.${p.status}`)}
                    </span>
                  </td>
                  <td className={styles.num} data-label={t('compliance.progress')}>
                    {t('compliance.percentValue', { percent: p.percent })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
