import type { Types } from 'mongoose';
import type { Person } from './person.model';
import { peopleFromDirectory } from './directory-index';

/**
 * Active people by id, from the directory read model (see `directory-index.ts`): references
 * shown to everyone (manager, deputy, unit leader) never point at someone who has left.
 */
export async function findActivePeopleByIds(ids: (Types.ObjectId | string)[]): Promise<Person[]> {
  return (await peopleFromDirectory(ids)).filter((p) => p.active !== false);
}
