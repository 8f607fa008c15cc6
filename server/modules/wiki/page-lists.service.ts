import type { PageRefDTO, StalePageDTO } from '@shared/wiki/types';
import type { CurrentUser } from '../auth/current-user';
import { pageAccessIn, requirePage, requireSpace, viewerOf, type WikiViewer } from './access';
import { wikiIndex, type PageMeta, type WikiIndex } from './page-index';
import { presentPageRef, presentStale } from './page.presenter';
import { getPageBody } from './content/content.service';

/** The space lists beside the tree: archive, stale pages, templates, and a page's backlinks. */
const readable = (index: WikiIndex, viewer: WikiViewer, p: PageMeta) =>
  pageAccessIn(index, viewer, p.id) !== null;

const newestFirst = (a: PageMeta, b: PageMeta) => b.updatedAt.getTime() - a.updatedAt.getTime();

/** Roots of archived groups the viewer can read, newest archiving first. */
export async function archiveList(user: CurrentUser, spaceId: string): Promise<PageRefDTO[]> {
  await requireSpace(user, spaceId, 'read');
  const [index, viewer] = await Promise.all([wikiIndex(), viewerOf(user)]);
  return index
    .pagesOf(spaceId)
    .filter((p) => p.archived && p.archiveRootId === p.id && readable(index, viewer, p))
    .sort((a, b) => (b.archivedAt?.getTime() ?? 0) - (a.archivedAt?.getTime() ?? 0))
    .map((p) => presentPageRef(index, p));
}

const YEAR_MS = 365 * 24 * 3600_000;
const berlinDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

/** Live pages whose review date has passed, or that nobody changed for 12 months. */
export async function staleList(
  user: CurrentUser,
  spaceId: string,
  now = new Date(),
): Promise<StalePageDTO[]> {
  await requireSpace(user, spaceId, 'read');
  const [index, viewer] = await Promise.all([wikiIndex(), viewerOf(user)]);
  const today = berlinDay(now);
  const rows: { page: PageMeta; reason: StalePageDTO['reason'] }[] = [];
  for (const p of index.pagesOf(spaceId)) {
    if (p.archived || p.isTemplate || !readable(index, viewer, p)) continue;
    if (p.reviewBy && p.reviewBy < today) rows.push({ page: p, reason: 'review_due' });
    else if (now.getTime() - p.updatedAt.getTime() > YEAR_MS)
      rows.push({ page: p, reason: 'untouched' });
  }
  rows.sort(
    (a, b) =>
      (a.page.reviewBy ?? '9').localeCompare(b.page.reviewBy ?? '9') || newestFirst(b.page, a.page),
  );
  return presentStale(index, rows);
}

/** Templates of this space and of `org` spaces the viewer can read. */
export async function templateList(user: CurrentUser, spaceId: string): Promise<PageRefDTO[]> {
  await requireSpace(user, spaceId, 'read');
  const [index, viewer] = await Promise.all([wikiIndex(), viewerOf(user)]);
  const spaces = [...index.spaces.values()].filter((s) => s.id === spaceId || s.kind === 'org');
  return spaces
    .flatMap((s) => index.pagesOf(s.id))
    .filter((p) => p.isTemplate && !p.archived && readable(index, viewer, p))
    .sort(
      (a, b) =>
        Number(b.spaceId === spaceId) - Number(a.spaceId === spaceId) ||
        a.title.localeCompare(b.title, 'de'),
    )
    .map((p) => presentPageRef(index, p));
}

/**
 * Live pages linking here that the viewer may read. The index holds each page's latest (draft)
 * links; in spaces with approval a viewer who may not see the draft only learns of links the
 * published version has (otherwise a reader would see that an unapproved draft links here).
 */
export async function backlinks(user: CurrentUser, pageId: string): Promise<PageRefDTO[]> {
  await requirePage(user, pageId, 'read');
  const [index, viewer] = await Promise.all([wikiIndex(), viewerOf(user)]);
  const shown: PageMeta[] = [];
  for (const p of index.linkedFrom(pageId)) {
    if (p.archived) continue;
    const access = pageAccessIn(index, viewer, p.id);
    if (!access) continue;
    if (access.space.approvalRequired && !access.abilities.viewDraft) {
      const body = await getPageBody(p.id);
      if (!body.published?.links.includes(pageId)) continue;
    }
    shown.push(p);
  }
  return shown
    .sort((a, b) => a.title.localeCompare(b.title, 'de'))
    .map((p) => presentPageRef(index, p));
}
