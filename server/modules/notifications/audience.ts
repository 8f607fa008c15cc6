import { Types } from 'mongoose';
import type { BroadcastInput } from '@shared/notifications/types';
import { PersonModel } from '../people/person.model';
import { UnitModel } from '../org/unit.model';

/** Ids of the active people an admin notice reaches: everyone, units (with sub-units), people. */
export async function resolveAudience(audience: BroadcastInput['audience']): Promise<string[]> {
  const ids = new Set<string>();
  const add = (rows: { _id: Types.ObjectId }[]) => rows.forEach((r) => ids.add(String(r._id)));

  if (audience.all) {
    add(await PersonModel.find({ active: true }).select({ _id: 1 }).lean());
    return [...ids];
  }
  if (audience.unitIds?.length) {
    const unitIds = audience.unitIds.map((id) => new Types.ObjectId(id));
    let units = unitIds;
    if (audience.includeSubunits) {
      // Materialised path: a sub-unit lists every ancestor in `path`.
      const below = await UnitModel.find({ path: { $in: unitIds } })
        .select({ _id: 1 })
        .lean();
      units = [...unitIds, ...below.map((u) => u._id)];
    }
    add(
      await PersonModel.find({ active: true, unitId: { $in: units } })
        .select({ _id: 1 })
        .lean(),
    );
  }
  if (audience.userIds?.length) {
    add(
      await PersonModel.find({
        active: true,
        _id: { $in: audience.userIds.map((id) => new Types.ObjectId(id)) },
      })
        .select({ _id: 1 })
        .lean(),
    );
  }
  return [...ids];
}
