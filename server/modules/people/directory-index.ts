import { PersonModel, type Person } from './person.model';
import { currentPeopleVersion } from './directory-version';

/**
 * The directory's read model: the few fields it filters and sorts by, for every person, held in
 * memory (about 14,000 small rows for the whole city). Reason: the embedded engine (FerretDB 1.x on
 * SQLite) answers nothing but `_id` lookups from an index, so every filtered or sorted people query
 * reads the whole collection (seconds at city scale). Here that read happens once per change.
 *
 * Instances stay consistent through a version counter in the database (`system` document
 * `people-version`, read by `_id` on each use): every write that touches one of these fields bumps
 * it after the write (Mongoose middleware on the Person schema), and a stale instance reloads.
 */
export interface DirectoryRow {
  id: string;
  sortKey: string;
  terms: string[];
  unitId: string | null;
  locationId: string | null;
  roles: string[];
  active: boolean;
  /** The whole stored person (without the password hash), so pages need no further reads. */
  person: Person;
}

let cache: { version: string; rows: DirectoryRow[]; byId: Map<string, DirectoryRow> } | null = null;
let loading: { version: string; promise: Promise<DirectoryRow[]> } | null = null;

export const compareRows = (
  a: Pick<DirectoryRow, 'sortKey' | 'id'>,
  b: Pick<DirectoryRow, 'sortKey' | 'id'>,
) =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

async function load(): Promise<DirectoryRow[]> {
  const people = await PersonModel.find({}).lean<Person[]>();
  return people
    .map((p) => ({
      id: String(p._id),
      sortKey: p.sortKey,
      terms: p.searchTerms ?? [],
      unitId: p.unitId ? String(p.unitId) : null,
      locationId: p.locationId ? String(p.locationId) : null,
      roles: p.roles ?? [],
      active: p.active !== false,
      person: p,
    }))
    .sort(compareRows);
}

/** Every person's directory row in alphabetical order, fresh as of the latest version. */
export async function directoryRows(): Promise<DirectoryRow[]> {
  const version = await currentPeopleVersion();
  if (cache && cache.version === version) return cache.rows;
  if (!loading || loading.version !== version) {
    const promise = load();
    loading = { version, promise };
    // The version is read before loading: a write during the load changes it again, so the next
    // request reloads rather than trusting a possibly older snapshot.
    promise
      .then((rows) => {
        cache = { version, rows, byId: new Map(rows.map((r) => [r.id, r])) };
      })
      .catch(() => undefined)
      .finally(() => {
        if (loading?.promise === promise) loading = null;
      });
  }
  return loading.promise;
}

/**
 * People by id from the read model (unknown ids are skipped). On the embedded engine even an `_id`
 * lookup scans the table in SQLite (about 0.1 s each at 14,000 people), so pages read from here.
 */
export async function peopleFromDirectory(
  ids: (string | { toString(): string })[],
): Promise<Person[]> {
  await directoryRows();
  const byId = cache?.byId;
  if (!byId) return [];
  return ids.map((id) => byId.get(String(id))?.person).filter((p): p is Person => Boolean(p));
}
