import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/Page';
import { Card } from '../../../components/Card';
import { Button, LinkButton } from '../../../components/Button';
import { Spinner } from '../../../components/Spinner';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { LEAVE_YEAR_MAX, LEAVE_YEAR_MIN } from '@shared/leave/schemas';
import { useBalance, useMyRequests } from '../queries';
import { BalanceCard } from '../components/BalanceCard';
import { RequestList } from '../components/RequestList';
import { LeaveSubNav } from '../components/LeaveSubNav';
import { todayInBerlin } from '../format';
import styles from '../leave.module.css';

/** The year in the address (`?year=`), else this year. */
function useYear(): [number, (y: number) => void] {
  const [params, setParams] = useSearchParams();
  const current = Number(todayInBerlin().slice(0, 4));
  const raw = Number(params.get('year'));
  const year =
    Number.isInteger(raw) && raw >= LEAVE_YEAR_MIN && raw <= LEAVE_YEAR_MAX ? raw : current;
  const set = (y: number) => setParams(y === current ? {} : { year: String(y) }, { replace: true });
  return [year, set];
}

/** "Meine Urlaubskarte": balance and own requests of one year. */
export function LeaveCardPage() {
  const { t } = useTranslation('leave');
  const [year, setYear] = useYear();
  const balance = useBalance(year);
  const requests = useMyRequests(year);
  return (
    <Page
      title={t('card.title')}
      actions={
        <LinkButton href="/leave/new" variant="primary">
          {t('card.newRequest')}
        </LinkButton>
      }
    >
      <div className={styles.stack}>
        <LeaveSubNav />
        <div className={styles.toolbar} role="group" aria-label={t('card.yearGroup')}>
          <Button
            variant="secondary"
            onPress={() => setYear(year - 1)}
            isDisabled={year <= LEAVE_YEAR_MIN}
            aria-label={t('card.prevYear', { year: year - 1 })}
          >
            ‹ {year - 1}
          </Button>
          <span className={styles.yearLabel} aria-live="polite">
            {year}
          </span>
          <Button
            variant="secondary"
            onPress={() => setYear(year + 1)}
            isDisabled={year >= LEAVE_YEAR_MAX}
            aria-label={t('card.nextYear', { year: year + 1 })}
          >
            {year + 1} ›
          </Button>
        </div>
        {balance.isPending ? (
          <Spinner />
        ) : balance.isError ? (
          <ErrorMessage error={balance.error} />
        ) : (
          <BalanceCard balance={balance.data} />
        )}
        <Card title={t('card.requests', { year })}>
          {requests.isPending ? (
            <Spinner />
          ) : requests.isError ? (
            <ErrorMessage error={requests.error} />
          ) : requests.data.length === 0 ? (
            <EmptyState title={t('card.empty', { year })} />
          ) : (
            <RequestList requests={requests.data} />
          )}
        </Card>
      </div>
    </Page>
  );
}
