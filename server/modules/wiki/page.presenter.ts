import type { PersonRef } from '@shared/people/types';
import type { BreadcrumbDTO, PageDTO, PageRefDTO, StalePageDTO } from '@shared/wiki/types';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import type { PageAccess } from './access';
import { getPageView } from './content/view.store';
import type { PageMeta, WikiIndex } from './page-index';
import { commentCount } from './social/comment.service';
import { isWatching } from './social/watch.service';

const crumb = (p: PageMeta): BreadcrumbDTO => ({ id: p.id, title: p.title });

/**
 * Breadcrumbs are safe to show: a page is only readable when every ancestor's restriction lets
 * the viewer in, so every ancestor is readable too.
 */
export function breadcrumbsOf(index: WikiIndex, pageId: string): BreadcrumbDTO[] {
  return index.ancestors(pageId).map(crumb);
}

export async function personRefs(ids: (string | null)[]): Promise<Map<string, PersonRef>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  const people = await peopleFromDirectory(wanted);
  return new Map(people.map((p) => [String(p._id), presentPersonRef(p)]));
}

export function presentPageRef(index: WikiIndex, page: PageMeta): PageRefDTO {
  return {
    id: page.id,
    spaceId: page.spaceId,
    spaceName: index.spaces.get(page.spaceId)?.name ?? '',
    title: page.title,
    breadcrumbs: breadcrumbsOf(index, page.id),
    updatedAt: page.updatedAt.toISOString(),
  };
}

export async function presentStale(
  index: WikiIndex,
  rows: { page: PageMeta; reason: StalePageDTO['reason'] }[],
): Promise<StalePageDTO[]> {
  const refs = await personRefs(rows.map((r) => r.page.ownerId));
  return rows.map(({ page, reason }) => ({
    ...presentPageRef(index, page),
    owner: (page.ownerId && refs.get(page.ownerId)) || null,
    reviewBy: page.reviewBy,
    reason,
  }));
}

export async function presentPage(access: PageAccess, viewerId: string): Promise<PageDTO> {
  const { page, space, ancestors, abilities } = access;
  const [body, comments, watching, refs] = await Promise.all([
    getPageView(page.id),
    commentCount(page.id),
    isWatching(page.id, viewerId),
    personRefs([page.ownerId, page.updatedBy, page.review.requestedBy]),
  ]);
  const published = body.published;
  const draft = abilities.viewDraft ? body.draft : null;
  const restrictedBy = [...ancestors, page].reverse().find((p) => p.restriction) ?? null;
  const ref = (id: string | null) => (id && refs.get(id)) || null;
  return {
    id: page.id,
    spaceId: space.id,
    spaceName: space.name,
    parentId: page.parentId,
    title: page.title,
    breadcrumbs: ancestors.map(crumb),
    html: published?.html ?? '',
    toc: published?.toc ?? [],
    draftHtml: draft && draft.html !== (published?.html ?? null) ? draft.html : null,
    owner: ref(page.ownerId),
    reviewBy: page.reviewBy,
    restriction: page.restriction,
    restrictedBy: restrictedBy ? crumb(restrictedBy) : null,
    archived: page.archived,
    isTemplate: page.isTemplate,
    review: {
      state: page.review.state,
      requestedBy: ref(page.review.requestedBy),
      requestedAt: page.review.requestedAt?.toISOString() ?? null,
      comment: page.review.comment,
    },
    watching,
    commentCount: comments,
    updatedAt: page.updatedAt.toISOString(),
    updatedBy: ref(page.updatedBy),
    publishedAt: page.publishedAt?.toISOString() ?? null,
    rev: page.rev,
    abilities,
  };
}
