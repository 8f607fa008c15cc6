import type { Types } from 'mongoose';
import type { PhotoDTO } from '@shared/people/photo';
import type { CurrentUser } from '../auth/current-user';
import { photoAbilities } from './photo.policy';

/** The photo's URL, versioned by file id so caches never show a replaced photo. */
export function photoUrl(personId: string, fileId: Types.ObjectId | string | null): string | null {
  return fileId ? `/api/people/${personId}/photo?v=${String(fileId)}` : null;
}

export function presentPhoto(
  personId: string,
  fileId: Types.ObjectId | string | null,
  viewer: CurrentUser,
): PhotoDTO {
  return {
    personId,
    photoUrl: photoUrl(personId, fileId),
    abilities: photoAbilities(viewer, { id: personId }),
  };
}
