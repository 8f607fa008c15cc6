import { readStamp, STAMP } from '../../lib/stamps';
import { UnitModel, type Unit } from './unit.model';

/**
 * The units read model: the whole org tree (about 370 units for the city) in memory, so that the
 * per-request work (who leads what, which office a person belongs to, audience matching) costs no
 * database read. Fresh through the `system/units-version` stamp, replaced by Mongoose middleware
 * on the Unit model after every write (see `unit.model.ts`), so leader changes apply at once.
 */
export interface UnitRow {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  /** Ancestors root first, then the unit itself. */
  chain: string[];
  leaderId: string | null;
  locationId: string | null;
  sortKey: string;
  unit: Unit;
}

export interface UnitIndex {
  version: string;
  /** Every unit in `sortKey` order. */
  rows: UnitRow[];
  byId: Map<string, UnitRow>;
  /** Ids of the units a person leads. */
  ledBy(personId: string): string[];
  /** The top-level ancestor (office) of a unit, or the unit itself when it is top-level. */
  officeOf(unitId: string | null | undefined): UnitRow | null;
  /** The unit and every unit below it. */
  subtreeIds(unitId: string): string[];
}

const str = (v: unknown): string | null => (v ? String(v) : null);

export function buildUnitIndex(units: Unit[], version: string): UnitIndex {
  const rows = units
    .map<UnitRow>((u) => {
      const id = String(u._id);
      return {
        id,
        name: u.name,
        kind: u.kind,
        parentId: str(u.parentId),
        chain: [...(u.path ?? []).map(String), id],
        leaderId: str(u.leaderId),
        locationId: str(u.locationId),
        sortKey: u.sortKey,
        unit: u,
      };
    })
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const led = new Map<string, string[]>();
  const below = new Map<string, string[]>();
  for (const r of rows) {
    if (r.leaderId) led.set(r.leaderId, [...(led.get(r.leaderId) ?? []), r.id]);
    for (const ancestor of r.chain) below.set(ancestor, [...(below.get(ancestor) ?? []), r.id]);
  }
  return {
    version,
    rows,
    byId,
    ledBy: (personId) => led.get(personId) ?? [],
    officeOf: (unitId) => {
      if (!unitId) return null;
      const top = byId.get(unitId)?.chain[0];
      return top ? (byId.get(top) ?? null) : null;
    },
    subtreeIds: (unitId) => below.get(unitId) ?? [],
  };
}

let cache: UnitIndex | null = null;
let loading: { version: string; promise: Promise<UnitIndex> } | null = null;

/** The org tree as of the latest units stamp (one shared stamp read, a reload only after a change). */
export async function unitIndex(): Promise<UnitIndex> {
  const version = await readStamp(STAMP.units);
  if (cache && cache.version === version) return cache;
  if (!loading || loading.version !== version) {
    // The stamp is read before loading: a write during the load changes it again, so the next
    // call reloads rather than trusting a possibly older snapshot.
    const promise = UnitModel.find({})
      .lean<Unit[]>()
      .then((units) => buildUnitIndex(units, version));
    loading = { version, promise };
    promise
      .then((index) => {
        cache = index;
      })
      .catch(() => undefined)
      .finally(() => {
        if (loading?.promise === promise) loading = null;
      });
  }
  return loading.promise;
}

export const unitRows = async (): Promise<UnitRow[]> => (await unitIndex()).rows;

export const unitById = async (id: string): Promise<UnitRow | null> =>
  (await unitIndex()).byId.get(id) ?? null;

export const unitsLedBy = async (personId: string): Promise<string[]> =>
  (await unitIndex()).ledBy(personId);

export const officeOf = async (unitId: string | null | undefined): Promise<UnitRow | null> =>
  (await unitIndex()).officeOf(unitId);

export const subtreeIds = async (unitId: string): Promise<string[]> =>
  (await unitIndex()).subtreeIds(unitId);
