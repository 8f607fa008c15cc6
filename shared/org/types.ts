import type { PersonRef } from '../people/types';
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
  memberCount: number;
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
