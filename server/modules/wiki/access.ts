import type { Role } from '@shared/people/roles';
import type { SpaceRole } from '@shared/wiki/schemas';
import type { PageAbilities, SpaceAbilities } from '@shared/wiki/types';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, forbidden, notFound } from '../../lib/errors';
import { subjectOf, subjectOfUser, type AudienceSubject } from '../org/audience';
import { directoryRows, peopleFromDirectory } from '../people/directory-index';
import { wikiIndex, type PageMeta, type SpaceMeta, type WikiIndex } from './page-index';
import { pageAbilities, spaceAbilities, spaceRole } from './wiki.policy';

/**
 * The one entry to wiki permissions for routes, sockets, collab and notifications: answers from
 * the in-memory read model. A page the viewer cannot read is "not found" everywhere.
 */
export interface WikiViewer {
  id: string;
  roles: Role[];
  subject: AudienceSubject;
}

export interface PageAccess {
  page: PageMeta;
  space: SpaceMeta;
  role: SpaceRole | null;
  abilities: PageAbilities;
  /** Root first. */
  ancestors: PageMeta[];
}

export interface SpaceAccess {
  space: SpaceMeta;
  role: SpaceRole | null;
  abilities: SpaceAbilities;
}

export async function viewerOf(user: CurrentUser): Promise<WikiViewer> {
  return { id: user.id, roles: user.roles, subject: await subjectOfUser(user) };
}

/** null when the person is unknown or inactive. */
export async function viewerById(personId: string): Promise<WikiViewer | null> {
  await directoryRows();
  const [person] = await peopleFromDirectory([personId]);
  if (!person || person.active === false) return null;
  const subject = await subjectOf(personId);
  if (!subject) return null;
  return { id: personId, roles: (person.roles ?? []) as Role[], subject };
}

/** Synchronous check against an index already loaded (tree walks, lists). */
export function pageAccessIn(
  index: WikiIndex,
  viewer: WikiViewer,
  pageId: string,
): PageAccess | null {
  const page = index.pages.get(pageId);
  if (!page) return null;
  const space = index.spaces.get(page.spaceId);
  if (!space) return null;
  const role = spaceRole(space, viewer);
  const ancestors = index.ancestors(pageId);
  const abilities = pageAbilities(role, page, ancestors, viewer);
  if (!abilities.read) return null;
  return { page, space, role, abilities, ancestors };
}

export function spaceAccessIn(
  index: WikiIndex,
  viewer: WikiViewer,
  spaceId: string,
): SpaceAccess | null {
  const space = index.spaces.get(spaceId);
  if (!space) return null;
  const role = spaceRole(space, viewer);
  const abilities = spaceAbilities(role);
  if (!abilities.read) return null;
  return { space, role, abilities };
}

/** Ensures the in-memory space and page indexes are fresh, then answers from memory. null = not found or not readable. */
export async function pageAccess(viewer: WikiViewer, pageId: string): Promise<PageAccess | null> {
  return pageAccessIn(await wikiIndex(), viewer, pageId);
}

/** null = not found or not readable. */
export async function spaceAccess(
  viewer: WikiViewer,
  spaceId: string,
): Promise<SpaceAccess | null> {
  return spaceAccessIn(await wikiIndex(), viewer, spaceId);
}

const archivedNeeds = new Set<keyof PageAbilities>(['comment', 'edit', 'organise', 'restrict']);

/** Throws 404 (not readable / unknown), 409 `page_archived` or 403; returns the access. */
export async function requirePage(
  user: CurrentUser,
  pageId: string,
  need: keyof PageAbilities,
): Promise<PageAccess> {
  const access = await pageAccess(await viewerOf(user), pageId);
  if (!access) throw notFound();
  if (!access.abilities[need]) {
    if (access.page.archived && archivedNeeds.has(need)) {
      throw new HttpError(409, 'page_archived', 'The page is archived.');
    }
    throw forbidden();
  }
  return access;
}

export async function requireSpace(
  user: CurrentUser,
  spaceId: string,
  need: keyof SpaceAbilities,
): Promise<SpaceAccess> {
  const access = await spaceAccess(await viewerOf(user), spaceId);
  if (!access) throw notFound();
  if (!access.abilities[need]) throw forbidden();
  return access;
}

/** Of these people, everyone who may currently read the page (notifications, socket re-checks). */
export async function pageReaders(pageId: string, personIds: string[]): Promise<string[]> {
  const index = await wikiIndex();
  if (!index.pages.has(pageId)) return [];
  const out: string[] = [];
  for (const id of new Set(personIds)) {
    const viewer = await viewerById(id);
    if (viewer && pageAccessIn(index, viewer, pageId)) out.push(id);
  }
  return out;
}

/** Of these people, everyone who may currently read the space. */
export async function spaceReaders(spaceId: string, personIds: string[]): Promise<string[]> {
  const index = await wikiIndex();
  const out: string[] = [];
  for (const id of new Set(personIds)) {
    const viewer = await viewerById(id);
    if (viewer && spaceAccessIn(index, viewer, spaceId)) out.push(id);
  }
  return out;
}
