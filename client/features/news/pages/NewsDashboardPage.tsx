import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ServerToClientEvents } from '@shared/realtime/events';
import { Page } from '../../../components/Page';
import { Card } from '../../../components/Card';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Spinner } from '../../../components/Spinner';
import { useSocket } from '../../../lib/socket';
import { dashboardCsvUrl } from '../editor-api';
import { patchDashboard, useDashboard, useEditableArticle } from '../editor-queries';
import { formatDateTime } from '../format';
import { buttonClassName } from '../../../components/Button';
import styles from './dashboard.module.css';

type SortKey = 'name' | 'total' | 'acknowledged' | 'rate';
const rate = (o: { total: number; acknowledged: number }) =>
  o.total === 0 ? 0 : o.acknowledged / o.total;

/** `/news/:id/dashboard`: who has confirmed a mandatory article, per office; live. */
export function NewsDashboardPage() {
  const { t, i18n } = useTranslation(['newsEditor', 'news'], { nsMode: 'fallback' });
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const socket = useSocket();
  const dashboard = useDashboard(id);
  const article = useEditableArticle(id);
  const [now] = useState(() => Date.now());
  const [sort, setSort] = useState<{ key: SortKey; dir: 'ascending' | 'descending' }>({
    key: 'rate',
    dir: 'ascending',
  });

  useEffect(() => {
    if (!socket) return;
    const onAck = (e: Parameters<ServerToClientEvents['news:acknowledged']>[0]) => {
      if (e.articleId === id) patchDashboard(qc, e);
    };
    socket.on('news:acknowledged', onAck);
    return () => {
      socket.off('news:acknowledged', onAck);
    };
  }, [socket, qc, id]);

  const d = dashboard.data;
  const offices = useMemo(() => {
    const list = [...(d?.offices ?? [])];
    const dir = sort.dir === 'ascending' ? 1 : -1;
    list.sort((a, b) => {
      const v =
        sort.key === 'name'
          ? a.name.localeCompare(b.name, i18n.language)
          : sort.key === 'rate'
            ? rate(a) - rate(b)
            : a[sort.key] - b[sort.key];
      return v * dir || a.name.localeCompare(b.name, i18n.language);
    });
    return list;
  }, [d, sort, i18n.language]);

  const a = article.data;
  const articleTitle = a
    ? ((i18n.language.startsWith('en') ? a.variants.en?.title : undefined) ?? a.variants.de.title)
    : '';
  const title = t('dashboard.title');
  if (dashboard.error)
    return (
      <Page title={title}>
        <ErrorMessage error={dashboard.error} />
      </Page>
    );
  if (!d)
    return (
      <Page title={title}>
        <Spinner label={t('dashboard.loading')} />
      </Page>
    );

  const fmt = (n: number) => n.toLocaleString(i18n.language);
  const pct = (n: number) =>
    n.toLocaleString(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const overdue = new Date(d.deadline).getTime() < now;
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? sort.dir : 'none'}>
      <button
        type="button"
        className={styles.sortButton}
        onClick={() =>
          setSort((s) => ({
            key,
            dir: s.key === key && s.dir === 'ascending' ? 'descending' : 'ascending',
          }))
        }
      >
        {label}
        <span aria-hidden="true">
          {sort.key === key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );

  return (
    <Page
      title={title}
      description={
        <>
          <p className={styles.subtitle}>
            {a ? <Link to={`/news/${id}`}>{articleTitle}</Link> : null}
          </p>
          <p className={styles.subtitle}>
            {t(overdue ? 'dashboard.deadlinePassed' : 'dashboard.deadline', {
              date: formatDateTime(d.deadline, i18n.language),
            })}
            {d.round > 1 ? ` · ${t('dashboard.round', { round: d.round })}` : ''}
          </p>
        </>
      }
      actions={
        <a
          href={dashboardCsvUrl(id)}
          download
          className={buttonClassName({ variant: 'secondary' })}
        >
          {t('dashboard.csv')}
        </a>
      }
    >
      <Card title={t('dashboard.overall')}>
        <div className={styles.overall}>
          <progress
            className={styles.progress}
            max={Math.max(d.total, 1)}
            value={d.acknowledged}
            aria-label={t('dashboard.progressLabel')}
            aria-valuetext={t('dashboard.progressText', {
              acknowledged: fmt(d.acknowledged),
              total: fmt(d.total),
              percent: pct(rate(d)),
            })}
          />
          <p className={styles.numbers} aria-live="polite" aria-atomic="true">
            {t('dashboard.progressText', {
              acknowledged: fmt(d.acknowledged),
              total: fmt(d.total),
              percent: pct(rate(d)),
            })}
          </p>
        </div>
      </Card>

      <Card title={t('dashboard.perOffice')}>
        {offices.length === 0 ? (
          <p>{t('dashboard.noOffices')}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className={styles.table}>
              <caption className={styles.caption}>{t('dashboard.tableCaption')}</caption>
              <thead>
                <tr>
                  {header('name', t('dashboard.office'))}
                  {header('acknowledged', t('dashboard.acknowledged'))}
                  {header('total', t('dashboard.total'))}
                  {header('rate', t('dashboard.rate'))}
                </tr>
              </thead>
              <tbody>
                {offices.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">{o.name}</th>
                    <td>{fmt(o.acknowledged)}</td>
                    <td>{fmt(o.total)}</td>
                    <td>{pct(rate(o))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title={t('dashboard.pending', { count: d.total - d.acknowledged })}>
        {d.pending.length === 0 ? (
          <p>{t('dashboard.nonePending')}</p>
        ) : (
          <>
            <ul className={styles.pending}>
              {d.pending.map((p) => (
                <li key={p.id}>
                  <Link to={`/people/${p.id}`}>{p.displayName}</Link>
                  {p.position ? <span className={styles.meta}> · {p.position}</span> : null}
                </li>
              ))}
            </ul>
            {d.pendingTruncated ? <p className={styles.meta}>{t('dashboard.truncated')}</p> : null}
          </>
        )}
      </Card>
    </Page>
  );
}
