import type { Types } from 'mongoose';
import { PersonModel, type Person } from './person.model';

const CONCURRENCY = 16;

/**
 * People by id, with a projection. One `findById` per id (bounded concurrency) instead of one
 * `_id: { $in }` query: the embedded engine (FerretDB 1.x, SQLite) answers `_id` equality from its
 * primary key but scans the whole collection for `$in` (seconds at 14,000 people). On MongoDB both
 * are index lookups. Callers pass page-sized id lists (≤ a few hundred).
 */
export async function findPeopleByIds<K extends keyof Person>(
  ids: (Types.ObjectId | string)[],
  fields: Record<K, 1>,
): Promise<(Pick<Person, K> & { _id: Types.ObjectId })[]> {
  const unique = [...new Set(ids.map(String))];
  const out: (Pick<Person, K> & { _id: Types.ObjectId })[] = [];
  for (let i = 0; i < unique.length; i += CONCURRENCY) {
    const chunk = unique.slice(i, i + CONCURRENCY);
    const rows = await Promise.all(
      chunk.map((id) =>
        PersonModel.findById(id).select(fields).lean<Pick<Person, K> & { _id: Types.ObjectId }>(),
      ),
    );
    for (const row of rows) if (row) out.push(row);
  }
  return out;
}

/**
 * Like `findPeopleByIds`, but only active people: references shown to everyone (manager, deputy,
 * unit leader) never point at someone who has left.
 */
export async function findActivePeopleByIds<K extends keyof Person>(
  ids: (Types.ObjectId | string)[],
  fields: Record<K, 1>,
): Promise<(Pick<Person, K> & { _id: Types.ObjectId })[]> {
  const rows = await findPeopleByIds(ids, { ...fields, active: 1 } as Record<K | 'active', 1>);
  return rows.filter((r) => r.active !== false);
}
