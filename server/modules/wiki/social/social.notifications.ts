import { events } from '../../../lib/events';
import { logger } from '../../../lib/logger';
import { notify } from '../../notifications/notifications.service';
import { peopleFromDirectory } from '../../people/directory-index';
import { pageAccess, pageReaders, spaceReaders, viewerById } from '../access';
import { wikiIndex, type PageMeta } from '../page-index';
import { storedComments } from './comment.service';
import { addWatchers, pageWatchers } from './watch.service';

/** At most one `wiki.page_changed` per watcher and page within this time (per instance). */
export const CHANGE_NOTICE_EVERY_MS = 60 * 60_000;
const NOTIFIED_KINDS = new Set(['idle', 'manual', 'restore', 'approved']);
const EXCERPT = 200;

/** `pageId|personId` → when the last change notice went out. */
const lastNotice = new Map<string, number>();
/** pageId → who asked for the pending review (the page row may lose it on the decision). */
const requesters = new Map<string, string>();

export function resetWikiNoticeMemory(): void {
  lastNotice.clear();
  requesters.clear();
}

export const pageLink = (pageId: string) => `/wiki/p/${pageId}`;

async function nameOf(personId: string | null): Promise<string> {
  if (!personId) return '';
  const [p] = await peopleFromDirectory([personId]);
  return p?.displayName ?? '';
}

async function pageOf(pageId: string): Promise<PageMeta | null> {
  return (await wikiIndex()).pages.get(pageId) ?? null;
}

const excerpt = (text: string) =>
  text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text;

/**
 * Sends only to people who may read the page right now: a restricted page's title never reaches
 * anyone the restriction keeps out.
 */
async function notifyReaders(
  pageId: string,
  personIds: string[],
  kind: string,
  params: Record<string, string>,
): Promise<string[]> {
  const readers = await pageReaders(pageId, personIds);
  if (readers.length) await notify({ userIds: readers, kind, params, link: pageLink(pageId) });
  return readers;
}

/**
 * Of these readers, those who see the version: with approval on, a kept draft (idle, manual,
 * restore) is visible only to those who may see drafts; readers hear of the approved version.
 */
async function whoSeesVersion(pageId: string, readers: string[], kind: string): Promise<string[]> {
  const index = await wikiIndex();
  const spaceId = index.pages.get(pageId)?.spaceId;
  if (kind === 'approved' || !spaceId || !index.spaces.get(spaceId)?.approvalRequired) {
    return readers;
  }
  const out: string[] = [];
  for (const id of readers) {
    const viewer = await viewerById(id);
    const access = viewer ? await pageAccess(viewer, pageId) : null;
    if (access?.abilities.viewDraft) out.push(id);
  }
  return out;
}

/** Watchers (except the authors) hear about a kept version, at most once an hour per page. */
export async function onRevision(pageId: string, kind: string, authorIds: string[]): Promise<void> {
  // Whoever edited the page starts watching it.
  if (authorIds.length) await addWatchers(pageId, authorIds);
  if (!NOTIFIED_KINDS.has(kind)) return;
  const page = await pageOf(pageId);
  if (!page || page.archived) return;
  const now = Date.now();
  const due = (await pageWatchers(pageId)).filter((id) => {
    if (authorIds.includes(id)) return false;
    const last = lastNotice.get(`${pageId}|${id}`);
    return last === undefined || now - last >= CHANGE_NOTICE_EVERY_MS;
  });
  if (!due.length) return;
  // Claimed before the await: a second revision arriving meanwhile does not notify again.
  for (const id of due) lastNotice.set(`${pageId}|${id}`, now);
  const readers = await whoSeesVersion(pageId, await pageReaders(pageId, due), kind);
  for (const id of due) if (!readers.includes(id)) lastNotice.delete(`${pageId}|${id}`);
  if (readers.length) {
    const name = await nameOf(authorIds[0] ?? null);
    await notify({
      userIds: readers,
      kind: 'wiki.page_changed',
      params: { title: page.title, name },
      link: pageLink(pageId),
    });
  }
  if (lastNotice.size > 50_000) {
    for (const [key, at] of lastNotice)
      if (now - at >= CHANGE_NOTICE_EVERY_MS) lastNotice.delete(key);
  }
}

/** A new comment: watchers and the page owner; a reply: the parent's author (once, not twice). */
export async function onComment(e: {
  pageId: string;
  commentId: string;
  actorId: string;
  created: boolean;
  parentAuthorId: string | null;
}): Promise<void> {
  if (!e.created) return;
  const page = await pageOf(e.pageId);
  if (!page) return;
  const comment = (await storedComments(e.pageId)).find((c) => c.id === e.commentId);
  if (!comment || comment.deleted) return;
  const params = { title: page.title, name: await nameOf(e.actorId), text: excerpt(comment.body) };
  const replyTo = e.parentAuthorId && e.parentAuthorId !== e.actorId ? e.parentAuthorId : null;
  if (replyTo) await notifyReaders(e.pageId, [replyTo], 'wiki.reply', params);
  const others = [
    ...(await pageWatchers(e.pageId)),
    ...(page.ownerId ? [page.ownerId] : []),
  ].filter((id) => id !== e.actorId && id !== replyTo);
  if (others.length) await notifyReaders(e.pageId, [...new Set(others)], 'wiki.comment', params);
}

export async function onReviewRequested(pageId: string, requesterId: string | null): Promise<void> {
  const page = await pageOf(pageId);
  if (!page) return;
  const space = (await wikiIndex()).spaces.get(page.spaceId);
  if (!space) return;
  const requester = requesterId ?? page.review.requestedBy;
  if (requester) requesters.set(pageId, requester);
  const admins = space.members.filter((m) => m.role === 'admin').map((m) => m.personId);
  const to = admins.filter((id) => id !== requester);
  if (!to.length) return;
  await notifyReaders(pageId, to, 'wiki.review_requested', {
    title: page.title,
    name: await nameOf(requester),
  });
}

export async function onReviewDecided(
  pageId: string,
  deciderId: string | null,
  decision: 'approved' | 'rejected',
): Promise<void> {
  const page = await pageOf(pageId);
  if (!page) return;
  const requester = page.review.requestedBy ?? requesters.get(pageId) ?? null;
  requesters.delete(pageId);
  if (!requester || requester === deciderId) return;
  const comment = page.review.comment?.trim() ?? '';
  await notifyReaders(pageId, [requester], 'wiki.review_decided', {
    // i18next picks `review_decided_<context>`: the decision, with or without a comment.
    context: comment ? `${decision}_comment` : decision,
    title: page.title,
    name: await nameOf(deciderId),
    comment: excerpt(comment),
  });
}

export async function onSpaceRole(
  spaceId: string,
  actorId: string,
  member: { personId: string; role: string | null },
): Promise<void> {
  if (!member.role || member.personId === actorId) return;
  const space = (await wikiIndex()).spaces.get(spaceId);
  if (!space) return;
  const [reader] = await spaceReaders(spaceId, [member.personId]);
  if (!reader) return;
  await notify({
    userId: reader,
    kind: 'wiki.space_role',
    params: { context: member.role, space: space.name, name: await nameOf(actorId) },
    link: `/wiki/spaces/${spaceId}`,
  });
}

/**
 * The wiki's watching and notifications (texts: `notifications.kinds.wiki.*`). Registered from
 * `modules/subscribers.ts`; returns an unsubscribe.
 */
export function registerWikiSocial(): () => void {
  const guard = (what: string, p: Promise<void>) =>
    p.catch((err: unknown) => logger.warn({ err }, `wiki ${what} notification failed`));
  const offs = [
    events.on('wiki.page_changed', async (e) => {
      if (e.change === 'created' && e.actorId) await addWatchers(e.pageId, [e.actorId]);
      if (e.change === 'review_requested')
        await guard('review', onReviewRequested(e.pageId, e.actorId));
      if (e.change === 'review_approved')
        await guard('review', onReviewDecided(e.pageId, e.actorId, 'approved'));
      if (e.change === 'review_rejected')
        await guard('review', onReviewDecided(e.pageId, e.actorId, 'rejected'));
    }),
    events.on('wiki.revision_created', (e) => onRevision(e.pageId, e.kind, e.authorIds)),
    events.on('wiki.comment_changed', (e) => onComment(e)),
    events.on('wiki.space_changed', async (e) => {
      if (e.member) await onSpaceRole(e.spaceId, e.actorId, e.member);
    }),
  ];
  return () => offs.forEach((off) => off());
}
