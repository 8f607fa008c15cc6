import type { Role } from '@shared/people/roles';
import { atLeast, type SpaceRole } from '@shared/wiki/schemas';
import type { PageAbilities, SpaceAbilities } from '@shared/wiki/types';
import { inAudience, type AudienceSubject } from '../org/audience';
import type { PageMeta, SpaceMeta } from './page-index';

/**
 * Who may do what in the wiki. Pure: the space/page rows and the viewer come in, a role or
 * abilities come out. Every wiki route and socket decides through here (via `access.ts`).
 */
export interface PolicyViewer {
  id: string;
  roles: readonly Role[];
  subject: AudienceSubject;
}

export type RoomRole = 'owner' | 'moderator' | 'member';
/** `viewer`: a member of an archived room (reads only). */
export type RoomRoleResolver = (roomId: string, personId: string) => RoomRole | 'viewer' | null;

let roomRoleOf: RoomRoleResolver | null = null;
/** Team rooms (issue 6) register how a person's room role is found. */
export function setRoomRoleResolver(resolver: RoomRoleResolver | null): void {
  roomRoleOf = resolver;
}

type SpaceLike = Pick<SpaceMeta, 'roomId' | 'audience' | 'defaultRole' | 'members'>;
type PageLike = Pick<PageMeta, 'archived' | 'ownerId' | 'restriction' | 'review' | 'archivedBy'>;

/**
 * The viewer's role in a space: room spaces ask the room (owner/moderator → admin, member →
 * editor); other spaces: portal admins are admin (recovery of orphaned spaces), else the explicit
 * membership, else the default role for people in the audience, else none.
 */
export function spaceRole(space: SpaceLike, viewer: PolicyViewer): SpaceRole | null {
  if (space.roomId) {
    const r = roomRoleOf?.(space.roomId, viewer.id) ?? null;
    if (r === 'viewer') return 'reader';
    return r === 'owner' || r === 'moderator' ? 'admin' : r === 'member' ? 'editor' : null;
  }
  if (viewer.roles.includes('admin')) return 'admin';
  const explicit = space.members.find((m) => m.personId === viewer.id);
  if (explicit) return explicit.role;
  return inAudience(space.audience, viewer.subject) ? space.defaultRole : null;
}

export function spaceAbilities(role: SpaceRole | null): SpaceAbilities {
  return {
    read: atLeast(role, 'reader'),
    comment: atLeast(role, 'commenter'),
    edit: atLeast(role, 'editor'),
    manage: atLeast(role, 'admin'),
  };
}

/** Whether one restriction lets the viewer in: listed person, or member of a listed unit (with sub-units). */
export function restrictionAdmits(
  restriction: PageMeta['restriction'],
  viewer: PolicyViewer,
): boolean {
  if (!restriction) return true;
  if (restriction.personIds.includes(viewer.id)) return true;
  return restriction.unitIds.some((u) => viewer.subject.unitChain.includes(u));
}

/** The nearest page (the page itself or an ancestor) whose restriction keeps the viewer out, or null. */
export function blockingRestriction<P extends Pick<PageMeta, 'restriction'>>(
  chain: P[],
  viewer: PolicyViewer,
): P | null {
  return chain.find((p) => !restrictionAdmits(p.restriction, viewer)) ?? null;
}

/** Whether the page (with its ancestors, root first) is readable for a viewer with this role. */
export function canReadPage(
  role: SpaceRole | null,
  page: Pick<PageMeta, 'restriction'>,
  ancestors: Pick<PageMeta, 'restriction'>[],
  viewer: PolicyViewer,
): boolean {
  if (!atLeast(role, 'reader')) return false;
  if (role === 'admin') return true;
  return blockingRestriction([...ancestors, page], viewer) === null;
}

const NONE: PageAbilities = {
  read: false,
  comment: false,
  edit: false,
  organise: false,
  restrict: false,
  review: false,
  viewDraft: false,
  restore: false,
};

/** What the viewer may do with a page, given its role in the space and the page's ancestors. */
export function pageAbilities(
  role: SpaceRole | null,
  page: PageLike,
  ancestors: Pick<PageMeta, 'restriction'>[],
  viewer: PolicyViewer,
): PageAbilities {
  if (!canReadPage(role, page, ancestors, viewer)) return NONE;
  const admin = role === 'admin';
  const editor = atLeast(role, 'editor');
  const live = !page.archived;
  return {
    read: true,
    comment: live && atLeast(role, 'commenter'),
    edit: live && editor,
    organise: live && editor,
    restrict: live && (admin || (editor && page.ownerId === viewer.id)),
    review:
      live && admin && page.review.state === 'pending' && page.review.requestedBy !== viewer.id,
    viewDraft: editor,
    // Editors restore what they archived themselves; space admins anything.
    restore: page.archived && (admin || (editor && page.archivedBy === viewer.id)),
  };
}

/** Creating spaces: administrators, editors (internal communications) and digital movers. */
export const canCreateSpace = (roles: readonly Role[]): boolean =>
  roles.some((r) => r === 'admin' || r === 'editor' || r === 'mover');
