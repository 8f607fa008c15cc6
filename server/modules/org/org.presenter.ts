import type { Types } from 'mongoose';
import type { LocationDTO, UnitDTO } from '@shared/org/types';
import type { UnitKind } from '@shared/org/schemas';
import type { Unit } from './unit.model';
import type { Location } from './location.model';
import type { CurrentUser } from '../auth/current-user';
import { presentPersonRef } from '../people/people.presenter';
import type { Person } from '../people/person.model';
import { locationAbilities, unitAbilities } from './org.policy';

export interface UnitCounts {
  /** Active direct members. */
  memberCount: number;
  /** All direct members, inactive included (deletion needs none). */
  peopleCount: number;
  childCount: number;
}

type LeaderSource = Pick<Person, '_id' | 'displayName' | 'position' | 'unitId' | 'photoFileId'>;

export function presentUnit(
  unit: Unit,
  counts: UnitCounts,
  leader: LeaderSource | null,
  viewer: CurrentUser,
): UnitDTO {
  return {
    id: String(unit._id),
    name: unit.name,
    number: unit.number ?? null,
    kind: unit.kind as UnitKind,
    parentId: unit.parentId ? String(unit.parentId) : null,
    path: (unit.path ?? []).map((id: Types.ObjectId) => String(id)),
    leader: leader ? presentPersonRef(leader) : null,
    locationId: unit.locationId ? String(unit.locationId) : null,
    memberCount: counts.memberCount,
    childCount: counts.childCount,
    abilities: unitAbilities(viewer, counts),
  };
}

export function presentLocation(location: Location, viewer: CurrentUser): LocationDTO {
  return {
    id: String(location._id),
    name: location.name,
    street: location.street ?? null,
    postalCode: location.postalCode ?? null,
    city: location.city ?? null,
    abilities: locationAbilities(viewer),
  };
}
