import type { Audience } from '@shared/org/audience';
import { isAdmin, type CurrentUser } from '../auth/current-user';
import { inAudience, type AudienceSubject } from '../org/audience';

type Viewer = Pick<CurrentUser, 'roles'>;

/** Administrators maintain the catalogue. */
export const canManageApps = (viewer: Viewer) => isAdmin(viewer);

/**
 * A person sees (and may pin) only the apps whose audience includes them; administrators too,
 * on their own start page (they see all apps in the catalogue administration).
 */
export const canSeeApp = (subject: AudienceSubject, app: { audience: Audience }) =>
  inAudience(app.audience, subject);

export const appAbilities = (viewer: Viewer) => ({
  update: canManageApps(viewer),
  delete: canManageApps(viewer),
});

/**
 * The pinned apps in order: the person's own arrangement (unavailable apps dropped), or while
 * they have none, the suggested apps they can see.
 */
export function pinnedIds(
  ownPins: readonly string[] | null,
  visible: readonly { id: string; suggested: boolean }[],
): string[] {
  if (ownPins === null) return visible.filter((a) => a.suggested).map((a) => a.id);
  const ids = new Set(visible.map((a) => a.id));
  return ownPins.filter((id) => ids.has(id));
}
