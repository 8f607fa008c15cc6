import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LeaveInboxExtraDTO, LeaveRequestDTO } from '@shared/leave/types';
import { Button } from '../../../components/Button';
import { CheckboxField } from '../../../components/CheckboxField';
import { personBalanceQuery } from '../hr-queries';
import { daysSince, formatDate, formatDays } from '../components/calendar/format';
import styles from '../components/hr/manage.module.css';
import own from './Approvals.module.css';

export interface ApprovalsItemProps {
  request: LeaveRequestDTO;
  extra: LeaveInboxExtraDTO | undefined;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onDecide: (decision: 'approve' | 'reject') => void;
  /** The last bulk action's result for this row. */
  result: { ok: true } | { ok: false; code: string } | undefined;
  busy: boolean;
}

/** "03.02.2026 (afternoon) – 05.02.2026 (morning)": the range with its half days. */
export function rangeText(
  r: Pick<LeaveRequestDTO, 'from' | 'to' | 'halfStart' | 'halfEnd'>,
  lang: string,
  t: (k: string) => string,
): string {
  const from = `${formatDate(r.from, lang)}${r.halfStart ? ` (${t('half.afternoon')})` : ''}`;
  const morning = r.halfEnd ? ` (${t('half.morning')})` : '';
  if (r.from === r.to) return `${from}${morning}`;
  return `${from} – ${formatDate(r.to, lang)}${morning}`;
}

/** The available days after approval: from the inbox extras, else the person's balance. */
function BalanceAfter({
  request,
  extra,
}: {
  request: LeaveRequestDTO;
  extra: LeaveInboxExtraDTO | undefined;
}) {
  const { t, i18n } = useTranslation('leaveManage');
  const year = Number(request.from.slice(0, 4));
  const counts = request.type ? request.type.counts : true;
  const known = extra !== undefined;
  const balance = useQuery({
    ...personBalanceQuery(request.person.id, year),
    enabled: !known && counts && request.status === 'pending',
  });
  if (request.status !== 'pending') return <>{t('inbox.notApplicable')}</>;
  const value = known ? extra.availableAfter : counts ? (balance.data?.available ?? null) : null;
  if (!known && counts && balance.isError) return <>{t('inbox.notApplicable')}</>;
  if (value === null)
    return <>{balance.isPending && !known && counts ? '…' : t('inbox.notCounting')}</>;
  return (
    <span className={value < 0 ? styles.error : undefined}>
      {t('inbox.daysValue', { count: value, days: formatDays(value, i18n.language) })}
    </span>
  );
}

/** One request in the decider's inbox: what it is, what it costs, who else is away, the actions. */
export function ApprovalsItem({
  request: r,
  extra,
  selected,
  onSelect,
  onDecide,
  result,
  busy,
}: ApprovalsItemProps) {
  const { t, i18n } = useTranslation('leaveManage');
  const lang = i18n.language;
  const id = useId();
  const range = rangeText(r, lang, t);
  const cancellation = r.status === 'cancel_requested';
  const waiting = daysSince(r.createdAt);
  const typeName = r.type
    ? lang === 'en'
      ? r.type.name.en
      : r.type.name.de
    : t('inbox.typeUnknown');
  return (
    <li className={own.item} aria-labelledby={`${id}-h`}>
      <div className={own.itemHead}>
        {r.abilities.decide ? (
          <CheckboxField
            isSelected={selected}
            onChange={onSelect}
            aria-label={t('inbox.selectOne', { name: r.person.displayName, range })}
            className={own.check}
          >
            <span className={styles.srOnly}>{t('inbox.select')}</span>
          </CheckboxField>
        ) : null}
        <h3 id={`${id}-h`} className={own.itemTitle}>
          <Link to={`/leave/requests/${encodeURIComponent(r.id)}`}>{r.person.displayName}</Link>
          <span className={styles.sub}>{range}</span>
        </h3>
        <div className={own.badges}>
          {cancellation ? (
            <span className={`${styles.pill} ${styles.warn}`}>{t('inbox.cancellation')}</span>
          ) : null}
          {r.escalatedAt ? (
            <span className={`${styles.pill} ${styles.bad}`}>{t('inbox.escalated')}</span>
          ) : null}
          {extra?.onBehalfOf ? (
            <span className={`${styles.pill} ${styles.neutral}`}>
              {t('inbox.asDeputyFor', { name: extra.onBehalfOf.displayName })}
            </span>
          ) : null}
        </div>
      </div>
      <dl className={own.facts}>
        <div>
          <dt>{t('inbox.type')}</dt>
          <dd>{typeName}</dd>
        </div>
        <div>
          <dt>{t('inbox.days')}</dt>
          <dd>{formatDays(r.days, lang)}</dd>
        </div>
        <div>
          <dt>{t('inbox.balanceAfter')}</dt>
          <dd>
            <BalanceAfter request={r} extra={extra} />
          </dd>
        </div>
        <div>
          <dt>{t('inbox.waitingSince')}</dt>
          <dd>
            {formatDate(r.createdAt, lang)} (
            {waiting === 0 ? t('inbox.waitingToday') : t('inbox.waitingDays', { count: waiting })})
          </dd>
        </div>
        {extra ? (
          <div className={own.wide}>
            <dt>{t('inbox.conflicts')}</dt>
            <dd>
              {extra.conflicts.length === 0
                ? t('inbox.noConflicts')
                : extra.conflicts
                    .map((c) =>
                      t('inbox.conflictLine', {
                        name: c.person.displayName,
                        from: formatDate(c.from, lang),
                        to: formatDate(c.to, lang),
                        status: t(`status.${c.status}`),
                      }),
                    )
                    .join('; ')}
            </dd>
          </div>
        ) : null}
        {r.comment ? (
          <div className={own.wide}>
            <dt>{t('inbox.comment')}</dt>
            <dd>{r.comment}</dd>
          </div>
        ) : null}
      </dl>
      {result ? (
        <p className={result.ok ? styles.status : styles.error}>
          {result.ok
            ? t('bulk.rowOk')
            : t('bulk.rowFailed', {
                reason: t(`errors:${result.code}`, { defaultValue: t('errors:internal') }),
              })}
        </p>
      ) : null}
      {r.abilities.decide ? (
        <div className={styles.row}>
          <Button
            variant="primary"
            size="small"
            isDisabled={busy}
            aria-label={t(cancellation ? 'inbox.approveCancelFor' : 'inbox.approveFor', {
              name: r.person.displayName,
              range,
            })}
            onPress={() => onDecide('approve')}
          >
            {cancellation ? t('inbox.approveCancel') : t('inbox.approve')}
          </Button>
          <Button
            size="small"
            isDisabled={busy}
            aria-label={t(cancellation ? 'inbox.rejectCancelFor' : 'inbox.rejectFor', {
              name: r.person.displayName,
              range,
            })}
            onPress={() => onDecide('reject')}
          >
            {cancellation ? t('inbox.rejectCancel') : t('inbox.reject')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
