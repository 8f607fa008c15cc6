import type { PhotoAbilities } from '@shared/people/photo';
import { isAdmin, type CurrentUser } from '../auth/current-user';
import { canViewPerson } from './people.policy';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;
type Subject = { id: string };

/** A photo is visible exactly where the profile is (inactive people only to admin, HR, oneself). */
export const canViewPhoto = (viewer: Viewer, subject: Subject & { active: boolean }) =>
  canViewPerson(viewer, subject);
/** One's own photo, through `/api/me/photo`. */
export const canChangeOwnPhoto = (viewer: Viewer, subject: Subject) => viewer.id === subject.id;
/** Anyone's photo, through `/api/people/:id/photo`: administrators only. */
export const canChangePhotoAsAdmin = (viewer: Viewer, _subject?: Subject) => isAdmin(viewer);

export const canChangePhoto = (viewer: Viewer, subject: Subject) =>
  canChangeOwnPhoto(viewer, subject) || canChangePhotoAsAdmin(viewer, subject);

export function photoAbilities(viewer: Viewer, subject: Subject): PhotoAbilities {
  const change = canChangePhoto(viewer, subject);
  return { change, remove: change };
}
