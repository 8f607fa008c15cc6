import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../../components/Page';
import { Button } from '../../../../components/Button';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorMessage } from '../../../../components/ErrorMessage';
import { Spinner } from '../../../../components/Spinner';
import { ApiError } from '../../../../lib/api';
import { formatDate, formatDateTime } from '../../trainings/format';
import { useCompliance } from '../queries';
import { useComplianceWatch } from '../useComplianceWatch';
import { ComplianceTable } from '../components/ComplianceTable';
import { TotalsBar } from '../components/TotalsBar';
import shared from '../../trainings/trainings.module.css';

/**
 * "Schulungsstand" (HR and leaders): per active assignment (or the one in `?assignmentId=`) the
 * offices with assigned / done / open / overdue; live while open.
 */
export function CompliancePage() {
  const { t, i18n } = useTranslation('learningTrainings');
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const assignmentId = params.get('assignmentId');
  const q = useCompliance(assignmentId);
  useComplianceWatch();
  return (
    <Page title={t('compliance.title')} description={t('compliance.description')}>
      <div className={shared.stack}>
        {assignmentId ? (
          <p>
            <Button size="small" variant="tertiary" onPress={() => setParams({})}>
              {t('compliance.showAll')}
            </Button>
          </p>
        ) : null}
        {q.isPending ? (
          <Spinner label={t('compliance.loading')} />
        ) : q.error instanceof ApiError && q.error.status === 403 ? (
          // Neither HR nor a leader: a plain "no access" note instead of an error with retry.
          <EmptyState title={t('common.noAccess')}>{t('compliance.noAccessHint')}</EmptyState>
        ) : q.isError ? (
          <ErrorMessage error={q.error}>
            <Button size="small" onPress={() => void q.refetch()}>
              {t('common.retry')}
            </Button>
          </ErrorMessage>
        ) : q.data.length === 0 ? (
          <EmptyState title={t('compliance.empty')}>{t('compliance.emptyHint')}</EmptyState>
        ) : (
          q.data.map((c) => (
            <section
              key={c.assignment.id}
              className={shared.stack}
              aria-labelledby={`c-${c.assignment.id}`}
            >
              <div className={shared.head}>
                <h2 id={`c-${c.assignment.id}`} className={shared.cardTitle}>
                  {c.assignment.course.title}
                </h2>
                <span className={`${shared.pill} ${shared.neutral}`}>
                  {t('assignments.deadlineValue', {
                    date: formatDate(c.assignment.deadline, lang),
                  })}
                </span>
              </div>
              <TotalsBar totals={c.assignment.totals} />
              <ComplianceTable compliance={c} />
              <p className={shared.sub}>
                {t('compliance.asOf', { time: formatDateTime(c.asOf, lang) })}
              </p>
            </section>
          ))
        )}
      </div>
    </Page>
  );
}
