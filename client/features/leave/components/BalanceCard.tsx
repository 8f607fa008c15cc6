import { useTranslation } from 'react-i18next';
import type { LeaveBalanceDTO } from '@shared/leave/types';
import { Card } from '../../../components/Card';
import { formatDay, formatDays } from '../format';
import styles from '../leave.module.css';

/** The balance of one year: available big, then how it is made up (each part on its own line). */
export function BalanceCard({ balance }: { balance: LeaveBalanceDTO }) {
  const { t, i18n } = useTranslation('leave');
  const lang = i18n.resolvedLanguage ?? 'de';
  const d = (n: number) => formatDays(n, lang);
  return (
    <Card title={t('balance.title', { year: balance.year })}>
      <div className={styles.balance}>
        <p className={styles.available}>
          <span className={styles.availableNumber}>{d(balance.available)}</span>
          <span>{t('balance.available', { count: balance.available })}</span>
        </p>
        <dl className={styles.lines}>
          {balance.lines.map((line, i) => (
            <LineRow
              key={`${line.kind}-${i}`}
              label={line.kind === 'base' ? t('balance.base') : line.label}
              value={d(line.days)}
            />
          ))}
          <LineRow label={t('balance.entitlement')} value={d(balance.entitlement)} strong />
          {balance.carryOver > 0 ? (
            <>
              <LineRow
                label={t('balance.carryOver', { date: formatDay(balance.carryExpires, lang) })}
                value={d(balance.carryOver)}
              />
              {balance.carryOverExpired > 0 ? (
                <LineRow
                  label={t('balance.carryExpired', {
                    date: formatDay(balance.carryExpires, lang),
                  })}
                  value={`− ${d(balance.carryOverExpired)}`}
                />
              ) : null}
            </>
          ) : null}
          <LineRow label={t('balance.approved')} value={`− ${d(balance.approved)}`} />
          <LineRow label={t('balance.pending')} value={`− ${d(balance.pending)}`} />
          <LineRow label={t('balance.availableLine')} value={d(balance.available)} strong />
        </dl>
      </div>
      {balance.carryOverUsable > 0 && balance.carryOverExpired === 0 ? (
        <p className={styles.muted}>
          {t('balance.carryHint', {
            count: balance.carryOverUsable,
            days: d(balance.carryOverUsable),
            date: formatDay(balance.carryExpires, lang),
          })}
        </p>
      ) : null}
    </Card>
  );
}

function LineRow({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <>
      <dt className={strong ? styles.total : undefined}>{label}</dt>
      <dd className={strong ? styles.total : undefined}>{value}</dd>
    </>
  );
}
