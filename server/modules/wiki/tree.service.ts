import type { Request } from 'express';
import type { z } from 'zod';
import type { pageMoveSchema } from '@shared/wiki/schemas';
import type { PageDTO, SpaceTreeDTO, TreeNodeDTO } from '@shared/wiki/types';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { audit } from '../audit/audit.service';
import { pageAccessIn, requirePage, requireSpace, viewerOf, type WikiViewer } from './access';
import {
  rememberPage,
  rememberPageMeta,
  wikiIndex,
  type PageMeta,
  type WikiIndex,
} from './page-index';
import { PageModel, type Page } from './page.model';
import { getPage, staleCopy, treeLock } from './page.service';

type PageMove = z.infer<typeof pageMoveSchema>;
const readable = (index: WikiIndex, viewer: WikiViewer, p: PageMeta) =>
  pageAccessIn(index, viewer, p.id) !== null;

/** The live (not archived) tree as the viewer may see it: an unreadable page hides its sub-pages. */
export async function spaceTree(user: CurrentUser, spaceId: string): Promise<SpaceTreeDTO> {
  await requireSpace(user, spaceId, 'read');
  const [index, viewer] = await Promise.all([wikiIndex(), viewerOf(user)]);
  const nodes: TreeNodeDTO[] = [];
  const visibleKids = (parentId: string | null) =>
    index.children(spaceId, parentId).filter((p) => !p.archived && readable(index, viewer, p));
  const walk = (parentId: string | null) => {
    visibleKids(parentId).forEach((p, i) => {
      const kids = visibleKids(p.id);
      nodes.push({
        id: p.id,
        parentId: p.parentId,
        title: p.title,
        index: i,
        hasChildren: kids.length > 0,
        restricted: p.restriction !== null,
        isTemplate: p.isTemplate,
        reviewPending: p.review.state === 'pending',
        rev: p.rev,
      });
      walk(p.id);
    });
  };
  walk(null);
  return { spaceId, nodes };
}

/**
 * Moves a page within its space: under `parentId` at `index` among the siblings the viewer sees.
 * All siblings are renumbered in one pass under the space's tree lock.
 */
export async function movePage(
  user: CurrentUser,
  pageId: string,
  input: PageMove,
  req?: Request,
): Promise<PageDTO> {
  const { page } = await requirePage(user, pageId, 'organise');
  const viewer = await viewerOf(user);
  await withKeyLock(treeLock(page.spaceId), async () => {
    const index = await wikiIndex();
    const current = index.pages.get(pageId);
    if (!current || current.rev !== input.rev) throw staleCopy();
    const parentId = input.parentId?.toLowerCase() ?? null;
    if (parentId) {
      if (parentId === pageId || index.ancestors(parentId).some((a) => a.id === pageId)) {
        throw new HttpError(
          409,
          'move_into_own_subtree',
          'A page cannot move into its own sub-pages.',
        );
      }
      const parent = pageAccessIn(index, viewer, parentId);
      if (!parent || parent.page.spaceId !== page.spaceId || parent.page.archived) {
        throw badRequest('Invalid input.', [
          { path: 'parentId', code: 'invalid_parent', message: 'invalid_parent' },
        ]);
      }
      if (!parent.abilities.organise) throw new HttpError(403, 'forbidden', 'Not allowed here.');
    }
    const all = index.children(page.spaceId, parentId).filter((p) => p.id !== pageId);
    const visible = all.filter((p) => !p.archived && readable(index, viewer, p));
    const before = visible[input.index];
    // Hidden siblings keep their places; the page goes before the visible sibling at `index`.
    const at = before ? all.indexOf(before) : all.length;
    const ordered = [...all.slice(0, at), current, ...all.slice(at)];
    const changed = ordered
      .map((p, order) => ({ p, order }))
      .filter(({ p, order }) => p.id !== pageId && p.order !== order);
    if (changed.length) {
      await PageModel.bulkWrite(
        changed.map(({ p, order }) => ({
          updateOne: { filter: { _id: p.id }, update: { $set: { order } }, timestamps: false },
        })),
      );
      for (const { p, order } of changed) rememberPageMeta({ ...p, order });
    }
    const doc = await PageModel.findOneAndUpdate(
      { _id: pageId, rev: input.rev },
      { $set: { parentId, order: ordered.indexOf(current) }, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean<Page>();
    if (!doc) throw staleCopy();
    rememberPage(doc);
  });
  const parentChanged = (input.parentId?.toLowerCase() ?? null) !== page.parentId;
  const after = await wikiIndex();
  // Who may read changes when a restriction on the old or new ancestor chain differs.
  const chainRestricted = (id: string | null) =>
    id !== null && [...after.ancestors(id), after.pages.get(id)].some((p) => p?.restriction);
  const accessChanged =
    parentChanged &&
    (chainRestricted(page.parentId) || chainRestricted(input.parentId?.toLowerCase() ?? null));
  await audit({
    action: 'wiki.page_moved',
    actorId: user.id,
    subjectType: 'wiki_page',
    subjectId: pageId,
    detail: { from: page.parentId, to: input.parentId, index: input.index },
    req,
  });
  events.publish('wiki.page_changed', {
    pageId,
    spaceId: page.spaceId,
    actorId: user.id,
    change: 'moved',
    accessChanged,
    treeChanged: true,
  });
  return getPage(user, pageId);
}

/** Archives a page and its live sub-pages as one group (`archiveRootId` = the page). */
export async function archivePage(
  user: CurrentUser,
  pageId: string,
  req?: Request,
): Promise<PageDTO> {
  const { page } = await requirePage(user, pageId, 'organise');
  await withKeyLock(treeLock(page.spaceId), async () => {
    const index = await wikiIndex();
    const group = [page, ...index.descendants(pageId).filter((d) => !d.archived)];
    const at = new Date();
    const patch = { archived: true, archivedAt: at, archivedBy: user.id, archiveRootId: pageId };
    await PageModel.updateMany(
      { _id: { $in: group.map((p) => p.id) }, archived: false },
      { $set: patch, $inc: { rev: 1 } },
      { timestamps: false },
    );
    for (const p of group) {
      const cur = index.pages.get(p.id) ?? p;
      rememberPageMeta({ ...cur, ...patch, rev: cur.rev + 1 });
    }
  });
  await audit({
    action: 'wiki.page_archived',
    actorId: user.id,
    subjectType: 'wiki_page',
    subjectId: pageId,
    req,
  });
  events.publish('wiki.page_changed', {
    pageId,
    spaceId: page.spaceId,
    actorId: user.id,
    change: 'archived',
    accessChanged: false,
    treeChanged: true,
  });
  return getPage(user, pageId);
}

/**
 * Restores the page and the pages archived with it below it. A page whose parent is still
 * archived comes back at the top level.
 */
export async function restorePage(
  user: CurrentUser,
  pageId: string,
  req?: Request,
): Promise<PageDTO> {
  const access = await requirePage(user, pageId, 'read');
  const { page } = access;
  if (!page.archived) throw new HttpError(409, 'invalid_transition', 'The page is not archived.');
  if (!access.abilities.restore) throw new HttpError(403, 'forbidden', 'Not allowed.');
  await withKeyLock(treeLock(page.spaceId), async () => {
    const index = await wikiIndex();
    const group = [page, ...index.descendants(pageId)].filter(
      (p) => p.archived && p.archiveRootId === page.archiveRootId,
    );
    const parent = page.parentId ? index.pages.get(page.parentId) : null;
    const toTop = !!parent?.archived;
    const unset = { archived: false, archivedAt: null, archivedBy: null, archiveRootId: null };
    await PageModel.updateMany(
      { _id: { $in: group.map((p) => p.id) } },
      { $set: unset, $inc: { rev: 1 } },
      { timestamps: false },
    );
    const order = toTop
      ? index.children(page.spaceId, null).reduce((m, p) => Math.max(m, p.order + 1), 0)
      : null;
    if (toTop) await PageModel.updateOne({ _id: pageId }, { $set: { parentId: null, order } });
    for (const p of group) {
      const cur = index.pages.get(p.id) ?? p;
      const moved = p.id === pageId && toTop ? { parentId: null, order: order ?? 0 } : {};
      rememberPageMeta({ ...cur, ...unset, ...moved, rev: cur.rev + 1 });
    }
  });
  await audit({
    action: 'wiki.page_restored',
    actorId: user.id,
    subjectType: 'wiki_page',
    subjectId: pageId,
    req,
  });
  events.publish('wiki.page_changed', {
    pageId,
    spaceId: page.spaceId,
    actorId: user.id,
    change: 'restored',
    accessChanged: false,
    treeChanged: true,
  });
  return getPage(user, pageId);
}
