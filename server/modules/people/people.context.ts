import type { Types } from 'mongoose';
import type { Person } from './person.model';
import { findActivePeopleByIds } from './by-ids';
import { UnitModel } from '../org/unit.model';
import { LocationModel } from '../org/location.model';
import type { PersonContext } from './people.presenter';
import { absencesOf } from '../leave/absence.presenter';

const ids = (values: (Types.ObjectId | null | undefined)[]) => [
  ...new Map(values.filter((v): v is Types.ObjectId => !!v).map((v) => [String(v), v])).values(),
];

type UnitLite = {
  _id: Types.ObjectId;
  name: string;
  number?: string | null;
  path: Types.ObjectId[];
  leaderId?: Types.ObjectId | null;
};

/**
 * The manager of a person: the leader of their unit, or — when they lead it themselves — the
 * nearest ancestor unit's leader.
 */
export function managerIdOf(
  person: Pick<Person, '_id'>,
  unit: UnitLite | undefined,
  unitsById: Map<string, UnitLite>,
): Types.ObjectId | null {
  if (!unit) return null;
  const chain = [unit, ...[...unit.path].reverse().map((id) => unitsById.get(String(id)))];
  for (const u of chain) {
    if (u?.leaderId && String(u.leaderId) !== String(person._id)) return u.leaderId;
  }
  return null;
}

/**
 * Loads units, locations, managers, deputies and led units for a page of people in a fixed
 * number of queries (no N+1), keyed by person id.
 */
export async function loadPersonContexts(people: Person[]): Promise<Map<string, PersonContext>> {
  const out = new Map<string, PersonContext>();
  if (people.length === 0) return out;
  const units = await UnitModel.find({ _id: { $in: ids(people.map((p) => p.unitId)) } })
    .select({ name: 1, number: 1, path: 1, leaderId: 1 })
    .lean<UnitLite[]>();
  const ancestorIds = ids(units.flatMap((u) => u.path));
  const ancestors = ancestorIds.length
    ? await UnitModel.find({ _id: { $in: ancestorIds } })
        .select({ name: 1, number: 1, path: 1, leaderId: 1 })
        .lean<UnitLite[]>()
    : [];
  const unitsById = new Map([...ancestors, ...units].map((u) => [String(u._id), u]));

  const [locations, led] = await Promise.all([
    LocationModel.find({ _id: { $in: ids(people.map((p) => p.locationId)) } })
      .select({ name: 1 })
      .lean(),
    UnitModel.find({ leaderId: { $in: people.map((p) => p._id) } })
      .select({ name: 1, leaderId: 1, sortKey: 1 })
      .sort({ sortKey: 1 })
      .lean(),
  ]);
  const locationsById = new Map(locations.map((l) => [String(l._id), l]));

  const managerIds = new Map<string, Types.ObjectId | null>();
  for (const p of people) {
    const unit = p.unitId ? unitsById.get(String(p.unitId)) : undefined;
    managerIds.set(String(p._id), managerIdOf(p, unit, unitsById));
  }
  const refIds = ids([...managerIds.values(), ...people.map((p) => p.deputyId)]);
  const refs = await findActivePeopleByIds(refIds);
  const refsById = new Map(refs.map((r) => [String(r._id), r]));
  const absences = await absencesOf(people.map((p) => String(p._id)));

  for (const p of people) {
    const unit = p.unitId ? unitsById.get(String(p.unitId)) : undefined;
    const managerId = managerIds.get(String(p._id));
    out.set(String(p._id), {
      unit: unit ? { _id: unit._id, name: unit.name, number: unit.number ?? null } : null,
      location: (p.locationId && locationsById.get(String(p.locationId))) || null,
      manager: (managerId && refsById.get(String(managerId))) || null,
      deputy: (p.deputyId && refsById.get(String(p.deputyId))) || null,
      leads: led
        .filter((u) => String(u.leaderId) === String(p._id))
        .map((u) => ({ _id: u._id, name: u.name })),
      absence: absences.get(String(p._id)) ?? null,
    });
  }
  return out;
}
