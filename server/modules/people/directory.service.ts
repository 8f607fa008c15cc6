import type { Request } from 'express';
import type { QueryFilter, Types } from 'mongoose';
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
import { escapeRegex } from '../../lib/text';
import { notFound } from '../../lib/errors';

/**
 * One page of people in alphabetical order (`sortKey`, then `_id`). The cursor is the last
 * person's id; its sort key is looked up, so the cursor stays short and opaque.
 */
export async function pageBySortKey(
  filter: QueryFilter<Person>,
  cursor: string | undefined,
  limit: number,
): Promise<{ page: Person[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor);
  let query: QueryFilter<Person> = filter;
  if (after) {
    const last = await PersonModel.findById(after).select({ sortKey: 1 }).lean();
    if (last) {
      query = {
        $and: [
          filter,
          {
            $or: [
              { sortKey: { $gt: last.sortKey } },
              { sortKey: last.sortKey, _id: { $gt: after } },
            ],
          },
        ],
      };
    }
  }
  const rows = await PersonModel.find(query)
    .sort({ sortKey: 1, _id: 1 })
    .limit(limit + 1)
    .lean<Person[]>();
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const lastRow = page[page.length - 1];
  return { page, nextCursor: hasMore && lastRow ? encodeCursor(lastRow._id) : null };
}

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

/** Builds the directory filter from named fields only (never from the raw query object). */
export async function directoryFilter(query: DirectoryQuery): Promise<QueryFilter<Person>> {
  const and: QueryFilter<Person>[] = [];
  const active = query.active ?? 'true';
  if (active !== 'all') and.push({ active: active === 'true' });
  if (query.q) {
    for (const term of queryTerms(query.q)) {
      and.push({ searchTerms: { $regex: new RegExp('^' + escapeRegex(term)) } });
    }
  }
  if (query.unitId) {
    const scope = await unitScope(query.unitId, query.includeSubunits === 'true');
    and.push({ unitId: { $in: scope } });
  }
  if (query.locationId) and.push({ locationId: query.locationId });
  if (query.role) and.push({ roles: query.role });
  return and.length === 1 ? (and[0] as QueryFilter<Person>) : { $and: and };
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
  const filter = await directoryFilter(query);
  const { page, nextCursor } = await pageBySortKey(filter, query.cursor, query.limit);
  return { data: await presentPeople(page, viewer), nextCursor };
}

/** A profile; inactive people are invisible (404) to everyone but admin, HR and themselves. */
export async function getPersonProfile(viewer: CurrentUser, id: string): Promise<PersonDTO> {
  const person = await PersonModel.findById(id).lean<Person>();
  if (!person || !canViewPerson(viewer, { id: String(person._id), active: person.active })) {
    throw notFound();
  }
  const [dto] = await presentPeople([person], viewer);
  if (!dto) throw notFound();
  return dto;
}
