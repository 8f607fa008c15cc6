import type { Request } from 'express';
import type { Types } from 'mongoose';
import type { DirectoryQuery } from '@shared/people/schemas';
import type { PersonDTO } from '@shared/people/types';
import { PersonModel, type Person } from './person.model';
import { UnitModel } from '../org/unit.model';
import { loadPersonContexts } from './people.context';
import { presentPerson } from './people.presenter';
import { canSeeInactive, canViewPerson } from './people.policy';
import { queryTerms } from './person-fields';
import { isAdmin, type CurrentUser } from '../auth/current-user';
import { deny } from '../audit/deny';
import { decodeCursor, encodeCursor } from '../../lib/pagination';
import { notFound } from '../../lib/errors';
import {
  compareRows,
  directoryRows,
  peopleFromDirectory,
  type DirectoryRow,
} from './directory-index';

/** Presents people with their context loaded in one batch. */
export async function presentPeople(people: Person[], viewer: CurrentUser): Promise<PersonDTO[]> {
  const contexts = await loadPersonContexts(people);
  return people.map((p) => {
    const ctx = contexts.get(String(p._id));
    if (!ctx) throw new Error('person context missing');
    return presentPerson(p, ctx, viewer);
  });
}

/** Ids of a unit and, optionally, every unit below it (materialised path). */
export async function unitScope(unitId: string, withSubunits: boolean): Promise<Types.ObjectId[]> {
  const unit = await UnitModel.findById(unitId).select({ _id: 1 }).lean();
  if (!unit) return [];
  if (!withSubunits) return [unit._id];
  const below = await UnitModel.find({ path: unit._id }).select({ _id: 1 }).lean();
  return [unit._id, ...below.map((u) => u._id)];
}

/** Builds the directory's row test from named fields only (never from the raw query object). */
export async function directoryMatcher(
  query: DirectoryQuery,
): Promise<(row: DirectoryRow) => boolean> {
  const active = query.active ?? 'true';
  const terms = query.q ? queryTerms(query.q) : [];
  const scope = query.unitId
    ? new Set((await unitScope(query.unitId, query.includeSubunits === 'true')).map(String))
    : null;
  return (row) =>
    (active === 'all' || row.active === (active === 'true')) &&
    terms.every((term) => row.terms.some((t) => t.startsWith(term))) &&
    (!scope || (row.unitId !== null && scope.has(row.unitId))) &&
    (!query.locationId || row.locationId === query.locationId) &&
    (!query.role || row.roles.includes(query.role));
}

/**
 * One page of matching people in alphabetical order (`sortKey`, then id), from the in-memory
 * read model; the page's people are then read by `_id`. The cursor is the last person's id.
 */
export async function pageOfDirectory(
  matches: (row: DirectoryRow) => boolean,
  cursor: string | undefined,
  limit: number,
): Promise<{ page: Person[]; nextCursor: string | null }> {
  const rows = await directoryRows();
  const after = decodeCursor(cursor);
  let start = 0;
  if (after) {
    const id = String(after);
    const last =
      rows.find((r) => r.id === id) ??
      (await PersonModel.findById(after)
        .select({ sortKey: 1 })
        .lean()
        .then((p) => p && { id, sortKey: p.sortKey }));
    if (last) {
      start = rows.findIndex((r) => compareRows(r, last) > 0);
      if (start < 0) start = rows.length;
    }
  }
  const picked: DirectoryRow[] = [];
  let hasMore = false;
  for (let i = start; i < rows.length; i += 1) {
    const row = rows[i] as DirectoryRow;
    if (!matches(row)) continue;
    if (picked.length === limit) {
      hasMore = true;
      break;
    }
    picked.push(row);
  }
  const page = picked.map((r) => r.person);
  const lastRow = picked[picked.length - 1];
  return { page, nextCursor: hasMore && lastRow ? encodeCursor(lastRow.id) : null };
}

export async function listDirectory(
  viewer: CurrentUser,
  query: DirectoryQuery,
  req?: Request,
): Promise<{ data: PersonDTO[]; nextCursor: string | null }> {
  if ((query.active ?? 'true') !== 'true' && !canSeeInactive(viewer)) {
    throw await deny(viewer, 'people.list_inactive', { type: 'person' }, req);
  }
  // Roles of others are visible to admins only (canSeeRoles), so filtering by them is too.
  if (query.role && !isAdmin(viewer)) {
    throw await deny(viewer, 'people.filter_role', { type: 'person' }, req);
  }
  // A query without any searchable word (e.g. only punctuation) matches nobody.
  if (query.q && queryTerms(query.q).length === 0) return { data: [], nextCursor: null };
  const matches = await directoryMatcher(query);
  const { page, nextCursor } = await pageOfDirectory(matches, query.cursor, query.limit);
  return { data: await presentPeople(page, viewer), nextCursor };
}

/** A profile; inactive people are invisible (404) to everyone but admin, HR and themselves. */
export async function getPersonProfile(viewer: CurrentUser, id: string): Promise<PersonDTO> {
  const [cached] = await peopleFromDirectory([id]);
  const person = cached ?? (await PersonModel.findById(id).lean<Person>());
  if (!person || !canViewPerson(viewer, { id: String(person._id), active: person.active })) {
    throw notFound();
  }
  const [dto] = await presentPeople([person], viewer);
  if (!dto) throw notFound();
  return dto;
}
