import type { Types } from 'mongoose';
import { PersonModel, type Person } from './person.model';
import { peopleFromDirectory } from './directory-index';

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
 * Active people by id, from the directory read model (see `directory-index.ts`): references
 * shown to everyone (manager, deputy, unit leader) never point at someone who has left.
 */
export async function findActivePeopleByIds(ids: (Types.ObjectId | string)[]): Promise<Person[]> {
  return (await peopleFromDirectory(ids)).filter((p) => p.active !== false);
}
