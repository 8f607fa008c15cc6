import type { PersonAbilities, MeDTO } from '@shared/people/types';
import { hasRole, isAdmin, type CurrentUser } from '../auth/current-user';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;
type Subject = { id: string };

/** Who may do what to a person. Pure: the route-table and policy tests cover every cell. */
export const canUpdatePerson = (viewer: Viewer, _subject: Subject) => isAdmin(viewer);
export const canUpdateRoles = (viewer: Viewer, subject: Subject) =>
  isAdmin(viewer) && viewer.id !== subject.id;
export const canDeactivatePerson = (viewer: Viewer, subject: Subject) =>
  isAdmin(viewer) && viewer.id !== subject.id;
export const canUpdateOwnProfile = (viewer: Viewer, subject: Subject) => viewer.id === subject.id;
export const canSeeRoles = (viewer: Viewer, subject: Subject) =>
  isAdmin(viewer) || viewer.id === subject.id;
export const canCreatePerson = (viewer: Viewer) => isAdmin(viewer);
export const canSeeInactive = (viewer: Viewer) => isAdmin(viewer) || hasRole(viewer, 'hr');

export function personAbilities(viewer: Viewer, subject: Subject): PersonAbilities {
  return {
    update: canUpdatePerson(viewer, subject),
    updateRoles: canUpdateRoles(viewer, subject),
    deactivate: canDeactivatePerson(viewer, subject),
    updateOwnProfile: canUpdateOwnProfile(viewer, subject),
  };
}

export function meAbilities(viewer: Viewer): MeDTO['abilities'] {
  const admin = isAdmin(viewer);
  return {
    admin,
    manageNews: admin || hasRole(viewer, 'editor'),
    manageRooms: admin || hasRole(viewer, 'editor') || hasRole(viewer, 'mover'),
    manageHr: admin || hasRole(viewer, 'hr'),
    viewAudit: admin,
  };
}
