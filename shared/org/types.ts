import type { PersonDTO, PersonRef } from '../people/types';
import type { UnitKind } from './schemas';

export interface UnitDTO {
  id: string;
  name: string;
  number: string | null;
  kind: UnitKind;
  parentId: string | null;
  /** Ancestor ids from the root down, excluding the unit itself. */
  path: string[];
  leader: PersonRef | null;
  locationId: string | null;
  /** Direct members (active people whose unit this is). */
  memberCount: number;
  /** Number of direct sub-units. */
  childCount: number;
  abilities: { update: boolean; delete: boolean };
}

export interface LocationDTO {
  id: string;
  name: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  abilities: { update: boolean };
}

/** `GET /api/units/:id`: the unit, its ancestors (root first), sub-units and one page of members. */
export interface UnitDetailDTO {
  unit: UnitDTO;
  ancestors: { id: string; name: string; number: string | null }[];
  children: UnitDTO[];
  members: PersonDTO[];
}
