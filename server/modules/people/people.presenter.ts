import type { Types } from 'mongoose';
import type { MeDTO, PersonDTO, PersonRef } from '@shared/people/types';
import type { AbsenceDTO } from '@shared/leave/types';
import type { Role } from '@shared/people/roles';
import { defaultSettings, type Settings } from '@shared/people/schemas';
import type { Person } from './person.model';
import type { CurrentUser } from '../auth/current-user';
import { canSeeRoles, meAbilities, personAbilities } from './people.policy';
import { initials } from '../../lib/text';
import { photoUrl } from './photo.presenter';

type RefSource = Pick<Person, '_id' | 'displayName' | 'position' | 'unitId' | 'photoFileId'>;

export function presentPersonRef(p: RefSource): PersonRef {
  return {
    id: String(p._id),
    displayName: p.displayName,
    position: p.position ?? null,
    unitId: p.unitId ? String(p.unitId) : null,
    initials: initials(p.displayName),
    photoUrl: photoUrl(String(p._id), p.photoFileId ?? null),
  };
}

export interface PersonContext {
  unit: { _id: Types.ObjectId; name: string; number?: string | null } | null;
  location: { _id: Types.ObjectId; name: string } | null;
  manager: RefSource | null;
  deputy: RefSource | null;
  leads: { _id: Types.ObjectId; name: string }[];
  /** Approved leave covering today (leave card hand-over). */
  absence?: AbsenceDTO | null;
}

export function presentPerson(p: Person, ctx: PersonContext, viewer: CurrentUser): PersonDTO {
  const subject = { id: String(p._id) };
  return {
    ...presentPersonRef(p),
    username: p.username,
    givenName: p.givenName,
    familyName: p.familyName,
    email: p.email,
    phone: p.phone ?? null,
    unit: ctx.unit
      ? { id: String(ctx.unit._id), name: ctx.unit.name, number: ctx.unit.number ?? null }
      : null,
    location: ctx.location ? { id: String(ctx.location._id), name: ctx.location.name } : null,
    languages: p.languages ?? [],
    responsibilities: p.responsibilities ?? [],
    roles: canSeeRoles(viewer, subject) ? (p.roles as Role[]) : [],
    manager: ctx.manager ? presentPersonRef(ctx.manager) : null,
    deputy: ctx.deputy ? presentPersonRef(ctx.deputy) : null,
    leads: ctx.leads.map((u) => ({ id: String(u._id), name: u.name })),
    active: p.active,
    absence: ctx.absence ?? null,
    abilities: personAbilities(viewer, subject),
  };
}

export function presentMe(p: Person, user: CurrentUser): MeDTO {
  const settings = { ...defaultSettings, ...(p.settings ?? {}) } as Settings;
  return {
    id: String(p._id),
    username: p.username,
    displayName: p.displayName,
    initials: initials(p.displayName),
    email: p.email,
    roles: p.roles as Role[],
    isManager: user.leads.length > 0,
    unitId: p.unitId ? String(p.unitId) : null,
    settings: {
      language: settings.language,
      textSize: settings.textSize,
      contrast: settings.contrast,
      reducedMotion: settings.reducedMotion,
    },
    abilities: meAbilities(user),
  };
}
