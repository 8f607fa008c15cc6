import type { PersonAbilities, MeDTO } from '@shared/people/types';
import type { Role } from '@shared/people/roles';
import { hasRole, isAdmin, type CurrentUser } from '../auth/current-user';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;
type Subject = { id: string; active?: boolean };

/** Who may do what to a person. Pure: the policy table test covers every cell. */
export const canSeeInactive = (viewer: Viewer) => isAdmin(viewer) || hasRole(viewer, 'hr');
/** Everyone signed in sees active colleagues; inactive ones only admin and HR (and oneself). */
export const canViewPerson = (viewer: Viewer, subject: Subject) =>
  subject.active !== false || canSeeInactive(viewer) || viewer.id === subject.id;
export const canCreatePerson = (viewer: Viewer) => isAdmin(viewer);
export const canUpdatePerson = (viewer: Viewer, _subject: Subject) => isAdmin(viewer);
export const canUpdateRoles = (viewer: Viewer, _subject: Subject) => isAdmin(viewer);
/** An admin may change their own roles, but never drop their own admin role (no lock-out). */
export const canSetRoles = (viewer: Viewer, subject: Subject, next: readonly Role[]) =>
  canUpdateRoles(viewer, subject) && (viewer.id !== subject.id || next.includes('admin'));
export const canDeactivatePerson = (viewer: Viewer, subject: Subject) =>
  isAdmin(viewer) && viewer.id !== subject.id;
export const canResetPassword = (viewer: Viewer, _subject: Subject) => isAdmin(viewer);
export const canUpdateOwnProfile = (viewer: Viewer, subject: Subject) => viewer.id === subject.id;
export const canSeeRoles = (viewer: Viewer, subject: Subject) =>
  isAdmin(viewer) || viewer.id === subject.id;

export function personAbilities(viewer: Viewer, subject: Subject): PersonAbilities {
  return {
    update: canUpdatePerson(viewer, subject),
    updateRoles: canUpdateRoles(viewer, subject),
    deactivate: canDeactivatePerson(viewer, subject),
    updateOwnProfile: canUpdateOwnProfile(viewer, subject),
    resetPassword: canResetPassword(viewer, subject),
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
