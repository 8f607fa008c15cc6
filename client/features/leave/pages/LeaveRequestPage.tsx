import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LeaveRequestDetailDTO } from '@shared/leave/types';
import { Page } from '../../../components/Page';
import { Card } from '../../../components/Card';
import { Spinner } from '../../../components/Spinner';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLeaveRequest } from '../queries';
import { formatDays, formatInstant, formatRange, typeName } from '../format';
import { StatusBadge } from '../components/StatusBadge';
import { RequestActions } from '../components/RequestActions';
import styles from '../leave.module.css';

/** `/leave/requests/:id`: the request, its actions and its history. */
export function LeaveRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('leave');
  const request = useLeaveRequest(id);
  return (
    <Page title={t('detail.title')}>
      {request.isPending ? (
        <Spinner />
      ) : request.isError ? (
        <ErrorMessage error={request.error} />
      ) : (
        <RequestDetail request={request.data} />
      )}
    </Page>
  );
}

function RequestDetail({ request: r }: { request: LeaveRequestDetailDTO }) {
  const { t, i18n } = useTranslation('leave');
  const lang = i18n.resolvedLanguage ?? 'de';
  const halves = [
    r.halfStart ? t('detail.halfStart') : null,
    r.halfEnd ? t('detail.halfEnd') : null,
  ].filter(Boolean);
  return (
    <div className={styles.stack}>
      <Card title={formatRange(r.from, r.to, lang)}>
        <dl className={styles.facts}>
          <dt>{t('detail.status')}</dt>
          <dd>
            <StatusBadge status={r.status} />
          </dd>
          <dt>{t('detail.person')}</dt>
          <dd>{r.person.displayName}</dd>
          {r.type ? (
            <>
              <dt>{t('detail.type')}</dt>
              <dd>{typeName(r.type, lang)}</dd>
            </>
          ) : null}
          <dt>{t('detail.days')}</dt>
          <dd>{formatDays(r.days, lang)}</dd>
          {halves.length > 0 ? (
            <>
              <dt>{t('detail.halfDays')}</dt>
              <dd>{halves.join(', ')}</dd>
            </>
          ) : null}
          <dt>{t('detail.deputy')}</dt>
          <dd>{r.deputy?.displayName ?? t('detail.none')}</dd>
          <dt>{t('detail.approver')}</dt>
          <dd>{r.approver?.displayName ?? t('detail.none')}</dd>
          {r.decidedBy ? (
            <>
              <dt>{t('detail.decidedBy')}</dt>
              <dd>
                {r.decidedBy.displayName}
                {r.decidedAt ? `, ${formatInstant(r.decidedAt, lang)}` : ''}
              </dd>
            </>
          ) : null}
          {r.escalatedAt ? (
            <>
              <dt>{t('detail.escalated')}</dt>
              <dd>{formatInstant(r.escalatedAt, lang)}</dd>
            </>
          ) : null}
        </dl>
        {r.comment ? (
          <p>
            <strong>{t('detail.comment')}:</strong> {r.comment}
          </p>
        ) : null}
        {r.decisionComment ? (
          <p>
            <strong>{t('detail.decisionComment')}:</strong> {r.decisionComment}
          </p>
        ) : null}
      </Card>
      <RequestActions request={r} />
      <Card title={t('detail.history')}>
        <ol className={styles.history}>
          {r.history.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <p>
                <strong>{t(`history.${h.action}`, { defaultValue: h.action })}</strong>
                {' – '}
                {h.actor?.displayName ?? t('history.system')}
                {', '}
                <time dateTime={h.at}>{formatInstant(h.at, lang)}</time>
              </p>
              {/* Only a change of state is worth a line (not "Beantragt" after "Beantragt"). */}
              {h.from && h.from !== h.to ? (
                <p className={styles.muted}>
                  {t('history.transition', {
                    from: t(`status.${h.from}`),
                    to: t(`status.${h.to}`),
                  })}
                </p>
              ) : null}
              {h.comment ? <p>„{h.comment}“</p> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
