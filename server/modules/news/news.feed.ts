import type { Request } from 'express';
import type { NewsListQuery } from '@shared/news/schemas';
import type { NewsSummaryDTO } from '@shared/news/types';
import type { ApiPage } from '@shared/http/errors';
import type { CurrentUser } from '../auth/current-user';
import { badRequest } from '../../lib/errors';
import { deny } from '../audit/deny';
import { subjectOf } from '../org/audience';
import type { Article } from './article.model';
import { newsViewer } from './news.access';
import { articleRows, compareArticles, sortTime } from './news.read-model';
import {
  canManageArticle,
  canReadArticle,
  canReadAsReader,
  canWriteNews,
  type NewsViewer,
} from './news.policy';
import { presentContext, presentSummary } from './news.presenter';
import { readerState } from './reader-state';

/**
 * Live articles per audience subject, kept while the read model's rows are the same array and no
 * article has gone live or expired since: the start page needs this list twice per request, and
 * filtering 5,000 articles each time was most of its CPU at 300 requests/s.
 */
const LIVE_MEMO_MAX = 1000;
const liveMemo = new Map<
  string,
  { rows: Article[]; from: number; until: number; live: Article[] }
>();
let change: { rows: Article[]; from: number; until: number } | null = null;

/** The first moment after `now` at which an article of `rows` goes live or expires. */
function nextChange(rows: Article[], now: number): number {
  if (change && change.rows === rows && change.from <= now && now < change.until) {
    return change.until;
  }
  let until = Number.POSITIVE_INFINITY;
  for (const a of rows) {
    if (a.status !== 'published') continue;
    for (const at of [a.publishedAt, a.expiresAt]) {
      const t = at ? new Date(at).getTime() : Number.NaN;
      if (t > now && t < until) until = t;
    }
  }
  change = { rows, from: now, until };
  return until;
}

const subjectKey = ({ unitId, unitChain, roles, locationId, isManager }: NewsViewer['subject']) =>
  JSON.stringify([unitId, unitChain, roles, locationId, isManager]);

/** Live articles the viewer reads as a reader (audience applies to editors too here). */
export async function liveForViewer(viewer: NewsViewer, now = new Date()) {
  const rows = await articleRows();
  const at = now.getTime();
  const key = subjectKey(viewer.subject);
  const memo = liveMemo.get(key);
  if (memo && memo.rows === rows && memo.from <= at && at < memo.until) return memo.live;
  const live = rows.filter((a) => canReadAsReader(viewer, a, now));
  liveMemo.delete(key);
  liveMemo.set(key, { rows, from: at, until: nextChange(rows, at), live });
  if (liveMemo.size > LIVE_MEMO_MAX) {
    const oldest = liveMemo.keys().next().value;
    if (oldest !== undefined) liveMemo.delete(oldest);
  }
  return live;
}

/** "News for me" on the start page: live and in the audience, pinned first, then newest. */
export async function newsForHome(
  user: CurrentUser,
  limit = 6,
  viewer?: NewsViewer,
): Promise<NewsSummaryDTO[]> {
  const v = viewer ?? (await newsViewer(user));
  const [rows, reader] = await Promise.all([liveForViewer(v), readerState(user.id)]);
  const page = rows.slice(0, limit);
  const ctx = await presentContext(v, page, reader);
  return page.map((a) => presentSummary(a, ctx));
}

// The mandatory part of a memoised live list (a few percent of it), earliest deadline first,
// computed once per list: a request then only drops what the viewer has acknowledged.
const mandatoryMemo = new WeakMap<Article[], Article[]>();
const deadlineOf = (a: Article) => new Date(a.mandatory?.deadline ?? 0).getTime();
function mandatoryOf(live: Article[]): Article[] {
  let found = mandatoryMemo.get(live);
  if (!found) {
    found = live
      .filter((a) => a.mandatory)
      .sort((a, b) => deadlineOf(a) - deadlineOf(b) || (String(a._id) < String(b._id) ? -1 : 1));
    mandatoryMemo.set(live, found);
  }
  return found;
}

/** Mandatory, live, current round not yet acknowledged by the viewer; earliest deadline first. */
/** The first `limit` open mandatory articles (earliest deadline first) and how many are open. */
export async function openAcknowledgements(
  user: CurrentUser,
  limit: number,
  viewer?: NewsViewer,
): Promise<{ items: NewsSummaryDTO[]; total: number }> {
  const v = viewer ?? (await newsViewer(user));
  const [rows, reader] = await Promise.all([liveForViewer(v), readerState(user.id)]);
  const open: Article[] = [];
  let total = 0;
  for (const a of mandatoryOf(rows)) {
    const ack = reader.acks.get(String(a._id));
    if (ack && ack.round === a.mandatory?.round) continue;
    total += 1;
    if (open.length < limit) open.push(a);
  }
  // Only the shown ones are presented: presenting is the board's main cost.
  const ctx = await presentContext(v, open, reader);
  return { items: open.map((a) => presentSummary(a, ctx)), total };
}

/** Opaque list cursor: the sort key of the last row (pinned, time, id). */
function encodeListCursor(a: Article): string {
  return Buffer.from(JSON.stringify([a.pinned ? 1 : 0, sortTime(a), String(a._id)])).toString(
    'base64url',
  );
}
function decodeListCursor(cursor: string | undefined): Article | null {
  if (!cursor) return null;
  try {
    const [p, t, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      (p !== 0 && p !== 1) ||
      typeof t !== 'number' ||
      typeof id !== 'string' ||
      !/^[0-9a-f]{24}$/.test(id)
    ) {
      throw new Error('shape');
    }
    // A stand-in with the same sort key.
    const at = new Date(t);
    return {
      pinned: p === 1,
      publishedAt: at,
      publishAt: at,
      updatedAt: at,
      createdAt: at,
      _id: id,
    } as unknown as Article;
  } catch {
    throw badRequest('Invalid cursor');
  }
}

/**
 * `GET /api/news`. Readers: live articles in their audience. Editors with `status`: the articles
 * they manage in that state. `previewAs`: the list as that person sees it, limited to what the
 * editor may see themselves, and never with that person's reading state.
 */
export async function listNews(
  user: CurrentUser,
  q: NewsListQuery,
  req?: Request,
): Promise<ApiPage<NewsSummaryDTO>> {
  const viewer = await newsViewer(user);
  if ((q.status || q.previewAs) && !canWriteNews(viewer)) {
    throw await deny(user, 'news.list.editorial', { type: 'news_article' }, req);
  }
  if (q.previewAs && (q.unread || q.status)) throw badRequest('previewAs lists what a reader sees');
  const now = new Date();
  let audienceViewer = viewer;
  if (q.previewAs) {
    const subject = await subjectOf(q.previewAs);
    if (!subject)
      throw badRequest('Unknown person', [
        { path: 'previewAs', code: 'unknown_reference', message: 'Unknown person' },
      ]);
    audienceViewer = { user: { id: q.previewAs, roles: [] }, subject, editorOf: new Set() };
  }
  const reader = q.previewAs ? null : await readerState(user.id);
  const after = decodeListCursor(q.cursor);
  const status = q.status;
  const match = (a: Article) => {
    if (q.channelId && String(a.channelId) !== q.channelId) return false;
    if (q.mandatory && !a.mandatory) return false;
    if (status) {
      if (!canManageArticle(viewer, a)) return false;
      if (status !== 'all' && a.status !== status) return false;
    } else {
      if (!canReadAsReader(audienceViewer, a, now)) return false;
      if (q.previewAs && !canReadArticle(viewer, a, now)) return false;
    }
    if (q.unread && reader?.read.has(String(a._id))) return false;
    return true;
  };
  // A reader's list starts from their memoised live articles; `match` still checks each row.
  const rows = status ? await articleRows() : await liveForViewer(audienceViewer, now);
  const page: Article[] = [];
  let more = false;
  for (const a of rows) {
    if (after && compareArticles(a, after) <= 0) continue;
    if (!match(a)) continue;
    if (page.length === q.limit) {
      more = true;
      break;
    }
    page.push(a);
  }
  const ctx = await presentContext(viewer, page, reader);
  const last = page[page.length - 1];
  return {
    data: page.map((a) => presentSummary(a, ctx)),
    nextCursor: more && last ? encodeListCursor(last) : null,
  };
}

/** How many live articles in the viewer's audience they have not read (for badges). */
export async function unreadCount(user: CurrentUser, viewer?: NewsViewer): Promise<number> {
  const v = viewer ?? (await newsViewer(user));
  const [rows, reader] = await Promise.all([liveForViewer(v), readerState(user.id)]);
  return rows.filter((a) => !reader.read.has(String(a._id))).length;
}
