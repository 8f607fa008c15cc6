import { presentLeaveType } from './leave-type.presenter';
import type { Request } from 'express';
import { Types } from 'mongoose';
import type { LeaveTypeInput } from '@shared/leave/schemas';
import type { LeaveTypeDTO } from '@shared/leave/types';
import { HttpError, notFound } from '../../lib/errors';
import { withKeyLock } from '../../lib/keyed-lock';
import { deny } from '../audit/deny';
import type { CurrentUser } from '../auth/current-user';
import { audit } from '../audit/audit.service';
import { canManageLeave } from './hr.policy';
import { LeaveTypeModel, forgetLeaveTypes, leaveTypes } from './leave-type.model';

const keyTaken = () => new HttpError(409, 'conflict', 'A leave type with this key already exists.');

/** HR adds a leave type (keys are unique). */
export async function createLeaveType(
  actor: CurrentUser,
  input: LeaveTypeInput,
  req?: Request,
): Promise<LeaveTypeDTO> {
  if (!canManageLeave(actor))
    throw await deny(actor, 'leave.type_create', { type: 'leave_type' }, req);
  const created = await withKeyLock('leave-types', async () => {
    if ((await leaveTypes()).some((t) => t.key === input.key)) throw keyTaken();
    const doc = await LeaveTypeModel.create({
      key: input.key,
      name: { de: input.name.de, en: input.name.en },
      counts: input.counts,
      color: input.color,
      active: input.active,
    });
    forgetLeaveTypes();
    return String(doc._id);
  });
  await audit({
    action: 'leave.type_created',
    actorId: actor.id,
    subjectType: 'leave_type',
    subjectId: created,
    detail: { ...input },
    req,
  });
  const type = (await leaveTypes()).find((t) => t.id === created);
  if (!type) throw notFound();
  return presentLeaveType(type);
}

/**
 * HR changes a type's name, colour, whether it counts, or retires it (`active: false`). The key
 * is fixed. Changing `counts` applies to new requests; booked ones keep their ledger entries.
 */
export async function updateLeaveType(
  actor: CurrentUser,
  id: string,
  input: Partial<Omit<LeaveTypeInput, 'key'>>,
  req?: Request,
): Promise<LeaveTypeDTO> {
  if (!canManageLeave(actor))
    throw await deny(actor, 'leave.type_update', { type: 'leave_type', id }, req);
  if (!Types.ObjectId.isValid(id)) throw notFound();
  const before = (await leaveTypes()).find((t) => t.id === id);
  if (!before) throw notFound();
  const set: Record<string, unknown> = {};
  if (input.name) set.name = { de: input.name.de, en: input.name.en };
  if (input.counts !== undefined) set.counts = input.counts;
  if (input.color !== undefined) set.color = input.color;
  if (input.active !== undefined) set.active = input.active;
  if (Object.keys(set).length > 0) {
    await withKeyLock('leave-types', () => LeaveTypeModel.updateOne({ _id: id }, { $set: set }));
    forgetLeaveTypes();
    await audit({
      action: 'leave.type_updated',
      actorId: actor.id,
      subjectType: 'leave_type',
      subjectId: id,
      detail: { before, set },
      req,
    });
  }
  const after = (await leaveTypes()).find((t) => t.id === id);
  if (!after) throw notFound();
  return presentLeaveType(after);
}
