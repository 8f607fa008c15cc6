import type { AbsenceDTO } from '../leave/types';
import type { Role } from './roles';
import type { Settings } from './schemas';

export interface PersonRef {
  id: string;
  displayName: string;
  position: string | null;
  unitId: string | null;
  /** Initials for the avatar when there is no photo. */
  initials: string;
  photoUrl: string | null;
}

export interface PersonAbilities {
  update: boolean;
  updateRoles: boolean;
  deactivate: boolean;
  updateOwnProfile: boolean;
  resetPassword: boolean;
}

export interface PersonDTO extends PersonRef {
  username: string;
  givenName: string;
  familyName: string;
  email: string;
  phone: string | null;
  unit: { id: string; name: string; number: string | null } | null;
  location: { id: string; name: string } | null;
  languages: string[];
  responsibilities: string[];
  /** Shown only to administrators and the person themselves; empty otherwise. */
  roles: Role[];
  manager: PersonRef | null;
  deputy: PersonRef | null;
  leads: { id: string; name: string }[];
  active: boolean;
  /** Hand-over: "on leave until …, deputy …" while on approved leave (null otherwise). */
  absence?: AbsenceDTO | null;
  abilities: PersonAbilities;
}

export interface MeDTO {
  id: string;
  username: string;
  displayName: string;
  initials: string;
  email: string;
  roles: Role[];
  /** True when the person leads at least one unit. */
  isManager: boolean;
  unitId: string | null;
  settings: Settings;
  abilities: {
    admin: boolean;
    manageNews: boolean;
    manageRooms: boolean;
    manageHr: boolean;
    viewAudit: boolean;
  };
}

/** Answer of `POST /api/people`: the one-time password is returned only here, only when generated. */
export interface CreatedPersonDTO {
  person: PersonDTO;
  initialPassword: string | null;
}

/** Answer of `POST /api/people/:id/password`. */
export interface PasswordResetDTO {
  /** The generated one-time password; null when the admin set one. */
  initialPassword: string | null;
}
