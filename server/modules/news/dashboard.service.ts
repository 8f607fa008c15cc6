import type { Request } from 'express';
import type { AcknowledgementDashboardDTO } from '@shared/news/types';
import type { CurrentUser } from '../auth/current-user';
import { notFound } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { deny } from '../audit/deny';
import { audienceMembers, officeOf, orgSnapshot } from '../org/audience';
import { directoryRows, type DirectoryRow } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import type { Article } from './article.model';
import { acksOfRound } from './ack.store';
import { toCsv } from './csv';
import { loadReadableArticle } from './news.access';
import { canViewDashboard } from './news.policy';

export const PENDING_CAP = 500;

interface AckRow {
  row: DirectoryRow;
  unit: { id: string; name: string } | null;
  office: { id: string; name: string } | null;
  at: Date | null;
}

/** Loads a mandatory article for someone who may see its dashboard (404 / audited 403 otherwise). */
async function dashboardArticle(
  user: CurrentUser,
  articleId: string,
  action: string,
  req?: Request,
): Promise<Article & { mandatory: NonNullable<Article['mandatory']> }> {
  const { article, viewer } = await loadReadableArticle(user, articleId, req);
  // Privacy: individual confirmations exist only for mandatory articles.
  if (!article.mandatory) throw notFound('This article asks for no acknowledgement.');
  if (!canViewDashboard(viewer, article)) {
    throw await deny(user, action, { type: 'news_article', id: articleId }, req);
  }
  return article as Article & { mandatory: NonNullable<Article['mandatory']> };
}

/** The audience (active people, alphabetical) with office and confirmation time of this round. */
async function ackRows(article: Article & { mandatory: { round: number } }): Promise<AckRow[]> {
  const id = String(article._id);
  const [members, rows, org, acks] = await Promise.all([
    audienceMembers(article.audience),
    directoryRows(),
    orgSnapshot(),
    acksOfRound(id, article.mandatory.round),
  ]);
  const inAudience = new Set(members);
  return rows
    .filter((r) => inAudience.has(r.id))
    .map((row) => {
      const unit = row.unitId ? org.units.get(row.unitId) : undefined;
      const office = officeOf(org, row.unitId);
      return {
        row,
        unit: unit ? { id: unit.id, name: unit.name } : null,
        office: office ? { id: office.id, name: office.name } : null,
        at: acks.get(row.id) ?? null,
      };
    });
}

const auditExport = (user: CurrentUser, articleId: string, format: string, req?: Request) =>
  audit({
    action: 'news.acknowledgements.export',
    actorId: user.id,
    subjectType: 'news_article',
    subjectId: articleId,
    detail: { format },
    req,
  });

export async function acknowledgementDashboard(
  user: CurrentUser,
  articleId: string,
  req?: Request,
): Promise<AcknowledgementDashboardDTO> {
  const article = await dashboardArticle(user, articleId, 'news.acknowledgements.view', req);
  const rows = await ackRows(article);
  const offices = new Map<string, AcknowledgementDashboardDTO['offices'][number]>();
  let acknowledged = 0;
  const pending: AckRow[] = [];
  for (const r of rows) {
    if (r.at) acknowledged += 1;
    else pending.push(r);
    if (!r.office) continue;
    const o = offices.get(r.office.id) ?? { ...r.office, total: 0, acknowledged: 0 };
    o.total += 1;
    if (r.at) o.acknowledged += 1;
    offices.set(o.id, o);
  }
  await auditExport(user, articleId, 'json', req);
  return {
    articleId,
    round: article.mandatory.round,
    deadline: new Date(article.mandatory.deadline).toISOString(),
    total: rows.length,
    acknowledged,
    offices: [...offices.values()].sort((a, b) => a.name.localeCompare(b.name, 'de')),
    pending: pending.slice(0, PENDING_CAP).map((r) => presentPersonRef(r.row.person)),
    pendingTruncated: pending.length > PENDING_CAP,
  };
}

/** `name;unit;office;acknowledgedAt` for the whole audience (pending people with an empty time). */
export async function acknowledgementCsv(
  user: CurrentUser,
  articleId: string,
  req?: Request,
): Promise<{ filename: string; csv: string }> {
  const article = await dashboardArticle(user, articleId, 'news.acknowledgements.export', req);
  const rows = await ackRows(article);
  await auditExport(user, articleId, 'csv', req);
  const csv = toCsv([
    ['name', 'unit', 'office', 'acknowledgedAt'],
    ...rows.map((r) => [
      r.row.person.displayName,
      r.unit?.name ?? '',
      r.office?.name ?? '',
      r.at ? r.at.toISOString() : '',
    ]),
  ]);
  return { filename: `kenntnisnahme-${articleId}-runde-${article.mandatory.round}.csv`, csv };
}

/** The office of a person (for the live `news:acknowledged` event). */
export async function officeIdOf(unitId: string | null): Promise<string | null> {
  return officeOf(await orgSnapshot(), unitId)?.id ?? null;
}
