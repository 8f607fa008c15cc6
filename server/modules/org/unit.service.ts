import type { Request } from 'express';
import { type Types } from 'mongoose';
import type { CreateUnitInput, UpdateUnitInput } from '@shared/org/schemas';
import type { UnitDetailDTO, UnitDTO } from '@shared/org/types';
import { UnitModel, type Unit } from './unit.model';
import { LocationModel } from './location.model';
import { canManageUnits } from './org.policy';
import { presentUnit, type UnitCounts } from './org.presenter';
import { unitSortKey } from './unit-sort';
import { PersonModel } from '../people/person.model';
import { pageOfDirectory, presentPeople } from '../people/directory.service';
import { directoryRows } from '../people/directory-index';
import { findActivePeopleByIds } from '../people/by-ids';
import type { CurrentUser } from '../auth/current-user';
import { audit } from '../audit/audit.service';
import { deny } from '../audit/deny';
import { events } from '../../lib/events';
import { badRequest, conflict, notFound } from '../../lib/errors';

/**
 * Direct member counts per unit in one `$group` (no N+1), active and all. `unitIds` limits the
 * scan; without it every unit is counted.
 */
async function countMembers(unitIds?: Types.ObjectId[]): Promise<Map<string, UnitCounts>> {
  // From the directory's in-memory read model: a $group over people reads the whole collection
  // on the embedded engine (seconds at city scale).
  const wanted = unitIds ? new Set(unitIds.map(String)) : null;
  const counts = new Map<string, UnitCounts>();
  for (const row of await directoryRows()) {
    if (!row.unitId || (wanted && !wanted.has(row.unitId))) continue;
    const c = counts.get(row.unitId) ?? { memberCount: 0, peopleCount: 0, childCount: 0 };
    c.peopleCount += 1;
    if (row.active) c.memberCount += 1;
    counts.set(row.unitId, c);
  }
  return counts;
}

/** Presents units with counts and leaders loaded in batches. `all` is used for child counts. */
async function presentUnits(units: Unit[], viewer: CurrentUser, all?: Unit[]): Promise<UnitDTO[]> {
  const scoped = all ? undefined : units.map((u) => u._id);
  const [counts, children, leaders] = await Promise.all([
    countMembers(scoped),
    all
      ? Promise.resolve(all.map((u) => ({ parentId: u.parentId })))
      : UnitModel.find({ parentId: { $in: units.map((u) => u._id) } })
          .select({ parentId: 1 })
          .lean(),
    findActivePeopleByIds(units.map((u) => u.leaderId).filter((id): id is Types.ObjectId => !!id)),
  ]);
  const childCounts = new Map<string, number>();
  for (const c of children) {
    if (c.parentId)
      childCounts.set(String(c.parentId), (childCounts.get(String(c.parentId)) ?? 0) + 1);
  }
  const leadersById = new Map(leaders.map((l) => [String(l._id), l]));
  return units.map((u) => {
    const c = counts.get(String(u._id)) ?? { memberCount: 0, peopleCount: 0, childCount: 0 };
    const leader = u.leaderId ? (leadersById.get(String(u.leaderId)) ?? null) : null;
    return presentUnit(
      u,
      { ...c, childCount: childCounts.get(String(u._id)) ?? 0 },
      leader,
      viewer,
    );
  });
}

/** The whole tree as a flat list ordered by sort key; the client builds the tree from parentId. */
export async function listUnits(viewer: CurrentUser): Promise<UnitDTO[]> {
  const units = await UnitModel.find({}).sort({ sortKey: 1 }).lean<Unit[]>();
  return presentUnits(units, viewer, units);
}

export async function getUnit(
  viewer: CurrentUser,
  id: string,
  page: { cursor?: string; limit: number },
): Promise<{ data: UnitDetailDTO; nextCursor: string | null }> {
  const unit = await UnitModel.findById(id).lean<Unit>();
  if (!unit) throw notFound();
  const [ancestors, children, members] = await Promise.all([
    UnitModel.find({ _id: { $in: unit.path } })
      .select({ name: 1, number: 1 })
      .lean(),
    UnitModel.find({ parentId: unit._id }).sort({ sortKey: 1 }).lean<Unit[]>(),
    pageOfDirectory(
      (row) => row.active && row.unitId === String(unit._id),
      page.cursor,
      page.limit,
    ),
  ]);
  const byId = new Map(ancestors.map((a) => [String(a._id), a]));
  const [unitDto, ...childDtos] = await presentUnits([unit, ...children], viewer);
  if (!unitDto) throw notFound();
  return {
    data: {
      unit: unitDto,
      ancestors: unit.path
        .map((p) => byId.get(String(p)))
        .filter((a) => a !== undefined)
        .map((a) => ({ id: String(a._id), name: a.name, number: a.number ?? null })),
      children: childDtos,
      members: await presentPeople(members.page, viewer),
    },
    nextCursor: members.nextCursor,
  };
}

const issue = (path: string, code: string, message: string) =>
  badRequest('The request is not valid.', [{ path, code, message }]);

async function assertUnitRefs(input: UpdateUnitInput): Promise<void> {
  if (input.leaderId && !(await PersonModel.exists({ _id: input.leaderId, active: true }))) {
    throw issue('leaderId', 'unknown_reference', 'Unknown person.');
  }
  if (input.locationId && !(await LocationModel.exists({ _id: input.locationId }))) {
    throw issue('locationId', 'unknown_reference', 'Unknown location.');
  }
}

async function presentOne(viewer: CurrentUser, id: Types.ObjectId | string): Promise<UnitDTO> {
  const unit = await UnitModel.findById(id).lean<Unit>();
  if (!unit) throw notFound();
  const [dto] = await presentUnits([unit], viewer);
  if (!dto) throw notFound();
  return dto;
}

export async function createUnit(
  viewer: CurrentUser,
  input: CreateUnitInput,
  req?: Request,
): Promise<UnitDTO> {
  if (!canManageUnits(viewer)) throw await deny(viewer, 'unit.create', { type: 'unit' }, req);
  let path: Types.ObjectId[] = [];
  if (input.parentId) {
    const parent = await UnitModel.findById(input.parentId).select({ path: 1 }).lean();
    if (!parent) throw issue('parentId', 'unknown_reference', 'Unknown unit.');
    path = [...parent.path, parent._id];
  }
  await assertUnitRefs(input);
  const created = await UnitModel.create({
    name: input.name,
    number: input.number || null,
    kind: input.kind,
    parentId: input.parentId ?? null,
    path,
    leaderId: input.leaderId ?? null,
    locationId: input.locationId ?? null,
    sortKey: unitSortKey(input.number, input.name),
  });
  const id = String(created._id);
  await audit({
    action: 'unit.create',
    actorId: viewer.id,
    subjectType: 'unit',
    subjectId: id,
    req,
  });
  events.publish('unit.changed', { unitId: id, actorId: viewer.id });
  return presentOne(viewer, created._id);
}

/** Rewrites the materialised path of every unit below `unitId` after it moved to `newPath`. */
async function movePaths(unitId: Types.ObjectId, newPath: Types.ObjectId[]): Promise<number> {
  const below = await UnitModel.find({ path: unitId }).select({ path: 1 }).lean();
  if (below.length === 0) return 0;
  await UnitModel.bulkWrite(
    below.map((d) => {
      const rest = d.path.slice(d.path.findIndex((p) => p.equals(unitId)) + 1);
      return {
        updateOne: {
          filter: { _id: d._id },
          update: { $set: { path: [...newPath, unitId, ...rest] } },
        },
      };
    }),
    { ordered: false },
  );
  return below.length;
}

export async function updateUnit(
  viewer: CurrentUser,
  id: string,
  input: UpdateUnitInput,
  req?: Request,
): Promise<UnitDTO> {
  if (!canManageUnits(viewer)) throw await deny(viewer, 'unit.update', { type: 'unit', id }, req);
  const unit = await UnitModel.findById(id).lean<Unit>();
  if (!unit) throw notFound();
  await assertUnitRefs(input);
  const set: Record<string, unknown> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.number !== undefined) set.number = input.number || null;
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.leaderId !== undefined) set.leaderId = input.leaderId;
  if (input.locationId !== undefined) set.locationId = input.locationId;
  set.sortKey = unitSortKey(
    input.number !== undefined ? input.number : unit.number,
    input.name ?? unit.name,
  );

  const oldParent = unit.parentId ? String(unit.parentId) : null;
  const moving = input.parentId !== undefined && (input.parentId ?? null) !== oldParent;
  let newPath: Types.ObjectId[] = unit.path;
  if (moving) {
    if (input.parentId) {
      const parent = await UnitModel.findById(input.parentId).select({ path: 1 }).lean();
      if (!parent) throw issue('parentId', 'unknown_reference', 'Unknown unit.');
      // A unit cannot move below itself or one of its own descendants.
      if (parent._id.equals(unit._id) || parent.path.some((p) => p.equals(unit._id))) {
        throw issue('parentId', 'cycle', 'A unit cannot be moved below itself.');
      }
      newPath = [...parent.path, parent._id];
    } else {
      newPath = [];
    }
    set.parentId = input.parentId ?? null;
    set.path = newPath;
  }
  await UnitModel.updateOne({ _id: unit._id }, { $set: set });
  const moved = moving ? await movePaths(unit._id, newPath) : 0;

  const detail: Record<string, unknown> = { changed: Object.keys(input) };
  if (moving) detail.parent = { from: oldParent, to: input.parentId ?? null, subtree: moved };
  if (input.leaderId !== undefined) {
    detail.leader = { from: unit.leaderId ? String(unit.leaderId) : null, to: input.leaderId };
  }
  await audit({
    action: 'unit.update',
    actorId: viewer.id,
    subjectType: 'unit',
    subjectId: id,
    detail,
    req,
  });
  events.publish('unit.changed', { unitId: id, actorId: viewer.id });
  return presentOne(viewer, unit._id);
}

export async function deleteUnit(viewer: CurrentUser, id: string, req?: Request): Promise<void> {
  if (!canManageUnits(viewer)) throw await deny(viewer, 'unit.delete', { type: 'unit', id }, req);
  const unit = await UnitModel.findById(id).select({ _id: 1 }).lean();
  if (!unit) throw notFound();
  if (
    (await PersonModel.exists({ unitId: unit._id })) ||
    (await UnitModel.exists({ parentId: unit._id }))
  ) {
    throw conflict('The unit still has members or sub-units.');
  }
  await UnitModel.deleteOne({ _id: unit._id });
  await audit({
    action: 'unit.delete',
    actorId: viewer.id,
    subjectType: 'unit',
    subjectId: id,
    req,
  });
  events.publish('unit.changed', { unitId: id, actorId: viewer.id });
}
