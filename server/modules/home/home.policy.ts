import { builtInLayout, type WidgetPlacement } from '@shared/home/widgets';
import type { HomeBoardDTO } from '@shared/home/types';
import { isEveryone } from '@shared/org/audience';
import { isAdmin, type CurrentUser } from '../auth/current-user';
import { inAudience, type AudienceSubject } from '../org/audience';
import { canManageApps } from '../apps/apps.policy';
import type { DefaultLayout, PersonalLayout } from './home.store';

type Viewer = Pick<CurrentUser, 'roles'>;

/** Default layouts per role or office are an administrator's tool. */
export const canManageDefaults = (viewer: Viewer) => isAdmin(viewer);

/** A layout belongs to one person: only they read or change it (admins set defaults instead). */
export const canEditLayout = (viewer: Pick<CurrentUser, 'id'>, personId: string) =>
  viewer.id === personId;

export const homeAbilities = (viewer: Viewer): HomeBoardDTO['abilities'] => ({
  manageDefaults: canManageDefaults(viewer),
  manageApps: canManageApps(viewer),
});

export const defaultLayoutAbilities = (viewer: Viewer) => ({
  update: canManageDefaults(viewer),
  delete: canManageDefaults(viewer),
});

/** Defaults in the order they are tried: priority (lower first), then the older one. */
export const byPriority = (a: DefaultLayout, b: DefaultLayout) =>
  a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime();

/** Whether choosing a default needs the person's audience subject at all. */
export const needsSubject = (defaults: readonly DefaultLayout[]) =>
  defaults.some((d) => !isEveryone(d.audience));

/**
 * The layout a person sees: their own, else the first matching admin default by priority, else
 * the built-in one. `subject` may be null when no default has audience rules.
 */
export function resolveLayout(
  personal: PersonalLayout | null,
  defaults: readonly DefaultLayout[],
  subject: AudienceSubject | null,
): HomeBoardDTO['layout'] {
  if (personal) return { widgets: personal.widgets, rev: personal.rev, source: 'personal' };
  const match = [...defaults]
    .sort(byPriority)
    .find((d) => isEveryone(d.audience) || (subject !== null && inAudience(d.audience, subject)));
  if (match) return { widgets: match.widgets, rev: 0, source: 'default' };
  return {
    widgets: builtInLayout.map((w): WidgetPlacement => ({ ...w })),
    rev: 0,
    source: 'built-in',
  };
}

/** Saving is allowed only on top of the revision the person last saw (else 409). */
export const isStale = (current: PersonalLayout | null, basedOn: number) =>
  (current?.rev ?? 0) !== basedOn;
