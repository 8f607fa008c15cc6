import { Types } from 'mongoose';
import type { UnitKind } from '@shared/org/schemas';
import type { Role } from '@shared/people/roles';
import { derivedPersonFields } from '../../modules/people/person-fields';
import { unitSortKey } from '../../modules/org/unit-sort';
import { fold } from '../../lib/text';

/** Plain documents for insertMany: ids are assigned up front so paths and leaders link at once. */
export interface UnitRow {
  _id: Types.ObjectId;
  name: string;
  number: string | null;
  kind: UnitKind;
  parentId: Types.ObjectId | null;
  path: Types.ObjectId[];
  leaderId: Types.ObjectId | null;
  locationId: Types.ObjectId | null;
  sortKey: string;
}

export function unitRow(
  name: string,
  number: string | null,
  kind: UnitKind,
  parent: UnitRow | null,
  locationId: Types.ObjectId | null,
): UnitRow {
  return {
    _id: new Types.ObjectId(),
    name,
    number,
    kind,
    parentId: parent?._id ?? null,
    path: parent ? [...parent.path, parent._id] : [],
    leaderId: null,
    locationId,
    sortKey: unitSortKey(number, name),
  };
}

/** ASCII user-name part: "Ayşe" → "ayse", "Yıldız" → "yildiz", "Müller" → "mueller". */
export const asciiName = (s: string) =>
  fold(s)
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]/g, '');

export interface PersonSeedInput {
  username: string;
  givenName: string;
  familyName: string;
  position: string | null;
  unitId: Types.ObjectId;
  locationId: Types.ObjectId | null;
  phone: string | null;
  roles: Role[];
  languages: string[];
  responsibilities: string[];
  passwordHash: string | null;
  emailLocal?: string;
}

export interface PersonRow extends PersonSeedInput {
  _id: Types.ObjectId;
  email: string;
  displayName: string;
  sortKey: string;
  searchTerms: string[];
  deputyId: Types.ObjectId | null;
  active: boolean;
  settings: Record<string, never>;
}

/** A person document with every derived field (display name, sort key, search terms) set. */
export function personRow(p: PersonSeedInput): PersonRow {
  const local = p.emailLocal ?? `${asciiName(p.givenName)}.${asciiName(p.familyName)}`;
  return {
    ...p,
    _id: new Types.ObjectId(),
    email: `${local}@stuttgart.example`,
    roles: [...new Set<Role>(['employee', ...p.roles])].sort(),
    deputyId: null,
    active: true,
    settings: {},
    ...derivedPersonFields(p),
  };
}
