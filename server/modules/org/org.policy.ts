import { isAdmin, type CurrentUser } from '../auth/current-user';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;

/** Everyone signed in reads the organisation; only administrators change it. Pure. */
export const canViewOrg = (_viewer: Viewer) => true;
export const canManageUnits = (viewer: Viewer) => isAdmin(viewer);
export const canManageLocations = (viewer: Viewer) => isAdmin(viewer);
/** A unit can be deleted only when nobody belongs to it and it has no sub-units. */
export const canDeleteUnit = (viewer: Viewer, unit: { peopleCount: number; childCount: number }) =>
  canManageUnits(viewer) && unit.peopleCount === 0 && unit.childCount === 0;

export const unitAbilities = (
  viewer: Viewer,
  unit: { peopleCount: number; childCount: number },
) => ({ update: canManageUnits(viewer), delete: canDeleteUnit(viewer, unit) });

export const locationAbilities = (viewer: Viewer) => ({ update: canManageLocations(viewer) });
