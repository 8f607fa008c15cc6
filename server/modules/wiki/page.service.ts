import type { Request } from 'express';
import type { z } from 'zod';
import type { JSONContent } from '@tiptap/core';
import {
  pageCreateSchema,
  type PageCreateInput,
  type pageCopySchema,
  type pageUpdateSchema,
} from '@shared/wiki/schemas';
import type { PageDTO } from '@shared/wiki/types';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest, forbidden } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { audit } from '../audit/audit.service';
import { peopleFromDirectory } from '../people/directory-index';
import { pageAccessIn, requirePage, requireSpace, viewerOf, type WikiViewer } from './access';
import { pageContentJSON, publishedContentJSON, seedPageContent } from './content/content.service';
import { rememberPage, wikiIndex, type PageMeta, type WikiIndex } from './page-index';
import { PageModel, type Page } from './page.model';
import { presentPage } from './page.presenter';
import { restrictionAdmits } from './wiki.policy';

type PageUpdate = z.infer<typeof pageUpdateSchema>;
type PageCopy = z.infer<typeof pageCopySchema>;

export const treeLock = (spaceId: string) => `wiki-tree:${spaceId}`;
export const staleCopy = () => new HttpError(409, 'stale_copy', 'The page was changed meanwhile.');
const reused = () => new HttpError(409, 'client_id_reused', 'This id belongs to another page.');
const fieldError = (path: string, code: string) =>
  badRequest('Invalid input.', [{ path, code, message: code }]);

/** The page as the viewer sees it (404 when not readable). */
export async function getPage(user: CurrentUser, pageId: string): Promise<PageDTO> {
  const access = await requirePage(user, pageId, 'read');
  return presentPage(access, user.id);
}

/** Next `order` at the end of a sibling list. */
export const endOrder = (index: WikiIndex, spaceId: string, parentId: string | null) =>
  index.children(spaceId, parentId).reduce((max, p) => Math.max(max, p.order + 1), 0);

/** A parent the viewer may put pages under: readable, in the space, not archived, organisable. */
function checkParent(
  index: WikiIndex,
  viewer: WikiViewer,
  spaceId: string,
  parentId: string | null,
) {
  if (!parentId) return null;
  const access = pageAccessIn(index, viewer, parentId);
  if (!access || access.page.spaceId !== spaceId || access.page.archived) {
    throw fieldError('parentId', 'invalid_parent');
  }
  if (!access.abilities.organise) throw forbidden();
  return access.page;
}

/** A template the viewer may start from: readable, a template, in this space or an `org` space. */
function checkTemplate(index: WikiIndex, viewer: WikiViewer, spaceId: string, templateId: string) {
  const access = pageAccessIn(index, viewer, templateId);
  const ok =
    access &&
    access.page.isTemplate &&
    !access.page.archived &&
    (access.page.spaceId === spaceId || access.space.kind === 'org');
  if (!ok) throw fieldError('templateId', 'invalid_template');
}

/**
 * Creates a page (idempotent by the client's UUID: a retry by the same person gets the stored
 * page, `created: false`). Also used by the demo seed.
 */
export async function createPage(
  actor: CurrentUser,
  input: PageCreateInput,
  /** The demo seed's initial content (instead of a template's or an empty page). */
  opts: { content?: JSONContent } = {},
): Promise<{ page: PageDTO; created: boolean }> {
  const data = pageCreateSchema.parse(input);
  const id = data.id.toLowerCase();
  const known = (await wikiIndex()).pages.get(id) ?? (await PageModel.findById(id).lean<Page>());
  if (known) {
    if (String(known.createdBy) !== actor.id) throw reused();
    return { page: await getPage(actor, id), created: false };
  }
  await requireSpace(actor, data.spaceId, 'edit');
  const viewer = await viewerOf(actor);
  const created = await withKeyLock(treeLock(data.spaceId), async () => {
    const index = await wikiIndex();
    if (index.pages.has(id)) return false;
    checkParent(index, viewer, data.spaceId, data.parentId);
    if (data.templateId) checkTemplate(index, viewer, data.spaceId, data.templateId);
    try {
      const doc = await PageModel.create({
        _id: id,
        spaceId: data.spaceId,
        parentId: data.parentId,
        order: endOrder(index, data.spaceId, data.parentId),
        title: data.title,
        ownerId: actor.id,
        isTemplate: data.isTemplate,
        createdBy: actor.id,
        updatedBy: actor.id,
      });
      rememberPage(doc.toObject() as Page);
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  });
  if (!created) return createPage(actor, input, opts);
  const content: JSONContent | null =
    opts.content ?? (data.templateId ? await pageContentJSON(data.templateId) : null);
  // With approval, a template's draft is not published by creating a page from it.
  const approval = (await wikiIndex()).spaces.get(data.spaceId)?.approvalRequired ?? false;
  await seedPageContent(
    id,
    content,
    actor.id,
    approval && !opts.content && data.templateId
      ? { published: await publishedContentJSON(data.templateId) }
      : {},
  );
  events.publish('wiki.page_changed', {
    pageId: id,
    spaceId: data.spaceId,
    actorId: actor.id,
    change: 'created',
    accessChanged: false,
    treeChanged: true,
  });
  return { page: await getPage(actor, id), created: true };
}

/** Title (edit), review date (organise), owner and restriction (restrict); rev-guarded. */
export async function updatePageMeta(
  user: CurrentUser,
  pageId: string,
  input: PageUpdate,
  req?: Request,
): Promise<PageDTO> {
  const access = await requirePage(user, pageId, 'read');
  const { abilities, page } = access;
  const need = (ok: boolean) => {
    if (ok) return;
    if (page.archived) throw new HttpError(409, 'page_archived', 'The page is archived.');
    throw forbidden();
  };
  if (input.title !== undefined) need(abilities.edit);
  if (input.ownerId !== undefined || input.reviewBy !== undefined) need(abilities.organise);
  // The owner may restrict the page: handing ownership over hands that right over, so only who
  // holds it (the owner, a space admin) may; else any editor could take a page and lift its
  // restriction.
  if (input.ownerId !== undefined && input.ownerId !== page.ownerId) need(abilities.restrict);
  if (input.restriction !== undefined) need(abilities.restrict);
  if (input.ownerId) {
    const [owner] = await peopleFromDirectory([input.ownerId]);
    if (!owner || owner.active === false) throw fieldError('ownerId', 'not_found');
  }
  const set: Record<string, unknown> = { updatedBy: user.id };
  if (input.title !== undefined) set.title = input.title;
  if (input.ownerId !== undefined) set.ownerId = input.ownerId;
  if (input.reviewBy !== undefined) {
    set.reviewBy = input.reviewBy;
    set.reviewRemindedFor = null;
  }
  if (input.restriction) {
    // Whoever restricts keeps access (space admins pass restrictions anyway).
    const viewer = await viewerOf(user);
    const keepsOut = access.role !== 'admin' && !restrictionAdmits(input.restriction, viewer);
    set.restriction = keepsOut
      ? { ...input.restriction, personIds: [...input.restriction.personIds, user.id] }
      : input.restriction;
  } else if (input.restriction === null) set.restriction = null;
  const doc = await withKeyLock(`wiki-page:${pageId}`, () =>
    PageModel.findOneAndUpdate(
      { _id: pageId, rev: input.rev },
      { $set: set, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    ).lean<Page>(),
  );
  if (!doc) throw staleCopy();
  rememberPage(doc);
  const accessChanged = input.restriction !== undefined;
  if (accessChanged) {
    await audit({
      action: 'wiki.page_restricted',
      actorId: user.id,
      subjectType: 'wiki_page',
      subjectId: pageId,
      detail: { restriction: input.restriction },
      req,
    });
  }
  events.publish('wiki.page_changed', {
    pageId,
    spaceId: page.spaceId,
    actorId: user.id,
    change: accessChanged ? 'restriction' : 'meta',
    accessChanged,
    treeChanged: input.title !== undefined || accessChanged,
  });
  return getPage(user, pageId);
}

/** Copies a page (optionally with the sub-pages the viewer can read) beside the original. */
export async function copyPage(
  user: CurrentUser,
  sourceId: string,
  input: PageCopy,
): Promise<{ page: PageDTO; created: boolean }> {
  const id = input.id.toLowerCase();
  const known = (await wikiIndex()).pages.get(id) ?? (await PageModel.findById(id).lean<Page>());
  if (known) {
    if (String(known.createdBy) !== user.id) throw reused();
    return { page: await getPage(user, id), created: false };
  }
  const { page: source } = await requirePage(user, sourceId, 'organise');
  const viewer = await viewerOf(user);
  const copies = await withKeyLock(treeLock(source.spaceId), async () => {
    const index = await wikiIndex();
    if (index.pages.has(id)) return null;
    const plan: { from: PageMeta; id: string; parentId: string | null; order: number }[] = [
      {
        from: source,
        id,
        parentId: source.parentId,
        order: endOrder(index, source.spaceId, source.parentId),
      },
    ];
    if (input.withChildren) {
      const newIds = new Map([[source.id, id]]);
      for (const d of index.descendants(source.id)) {
        const parentCopy = d.parentId ? newIds.get(d.parentId) : undefined;
        if (!parentCopy || d.archived || !pageAccessIn(index, viewer, d.id)) continue;
        const copyId = crypto.randomUUID();
        newIds.set(d.id, copyId);
        plan.push({ from: d, id: copyId, parentId: parentCopy, order: d.order });
      }
    }
    const docs = await PageModel.insertMany(
      plan.map((p, i) => ({
        _id: p.id,
        spaceId: source.spaceId,
        parentId: p.parentId,
        order: p.order,
        title: i === 0 ? (input.title ?? source.title) : p.from.title,
        ownerId: user.id,
        restriction: p.from.restriction,
        isTemplate: p.from.isTemplate,
        createdBy: user.id,
        updatedBy: user.id,
      })),
    );
    for (const d of docs) rememberPage(d.toObject() as Page);
    return plan;
  });
  if (!copies) return copyPage(user, sourceId, input);
  // With approval, a copy shows readers its source's published version, not the draft.
  const approval = (await wikiIndex()).spaces.get(source.spaceId)?.approvalRequired ?? false;
  for (const c of copies) {
    await seedPageContent(
      c.id,
      await pageContentJSON(c.from.id),
      user.id,
      approval ? { published: await publishedContentJSON(c.from.id) } : {},
    );
  }
  for (const c of copies) {
    events.publish('wiki.page_changed', {
      pageId: c.id,
      spaceId: source.spaceId,
      actorId: user.id,
      change: 'created',
      accessChanged: false,
      treeChanged: true,
    });
  }
  return { page: await getPage(user, id), created: true };
}
