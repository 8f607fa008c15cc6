import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LeaveBalanceDTO } from '@shared/leave/types';
import { useBoardData } from '../home/queries';
import styles from '../home/widgets/widgets.module.css';
import { inboxCountQuery } from './inbox-count-query';
import { leaveKeys } from './keys';
import { formatDays, formatRange } from './format';

/**
 * "My leave" on the start page: available days, the next approved leave, and for deciders the
 * requests waiting for them. The board brings the first state; the balance (set by
 * `leave:balance` when cached) and the inbox count (`leave:inbox`) keep it live.
 */
export function LeaveWidget() {
  const { t, i18n } = useTranslation('home');
  const lang = i18n.resolvedLanguage ?? 'de';
  const board = useBoardData('leave');
  const data = board.data;
  const year = data?.balance?.year ?? 0;
  // Only read from the cache: a socket update of this year's balance wins over the board's copy.
  const live = useQuery<LeaveBalanceDTO>({ queryKey: leaveKeys.balance(year), enabled: false });
  const balance = live.data ?? data?.balance ?? null;
  const count = useQuery({
    ...inboxCountQuery(),
    initialData: data?.inbox ?? undefined,
    enabled: data?.inbox !== null && data?.inbox !== undefined,
  });
  const inbox = data?.inbox === null ? null : (count.data ?? data?.inbox ?? null);
  if (!data) return null;
  return (
    <div className={styles.stack}>
      {balance ? (
        <p>
          <strong>
            {t('widgets.leave.available', {
              count: balance.available,
              days: formatDays(balance.available, lang),
              year: balance.year,
            })}
          </strong>
          {balance.pending > 0 ? (
            <>
              <br />
              <span className={styles.muted}>
                {t('widgets.leave.pending', { days: formatDays(balance.pending, lang) })}
              </span>
            </>
          ) : null}
        </p>
      ) : (
        <p className={styles.muted}>{t('widgets.leave.noCard')}</p>
      )}
      {data.next ? (
        <p>
          <Link to={`/leave/requests/${data.next.id}`}>
            {t('widgets.leave.next', { range: formatRange(data.next.from, data.next.to, lang) })}
          </Link>
        </p>
      ) : (
        <p className={styles.muted}>{t('widgets.leave.noNext')}</p>
      )}
      {inbox !== null && inbox > 0 ? (
        <Link to="/leave/approvals" className={styles.link}>
          {t('widgets.leave.inbox', { count: inbox })}
        </Link>
      ) : null}
      <Link to="/leave" className={styles.more}>
        {t('widgets.leave.open')}
      </Link>
    </div>
  );
}
