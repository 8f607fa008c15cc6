// Test data for the leave read side (calendar, ICS, reports, hand-over): a small org and requests
// written straight into the collections (the request workflow has its own tests).
import { randomUUID } from 'node:crypto';
import type { Types } from 'mongoose';
import type { LeaveStatus } from '@shared/leave/schemas';
import { UnitModel } from '../org/unit.model';
import { PersonModel } from '../people/person.model';
import { makePerson } from '../../test/app';
import { ensureDefaultLeaveTypes, leaveTypes } from './leave-type.model';
import { LeaveRequestModel, type LeaveRequest } from './request.model';
import { rememberLeave } from './request-index';

export async function makeUnit(
  name: string,
  parent?: { _id: Types.ObjectId; path: Types.ObjectId[] },
) {
  const unit = await UnitModel.create({
    name,
    kind: parent ? 'department' : 'office',
    parentId: parent?._id ?? null,
    path: parent ? [...parent.path, parent._id] : [],
    sortKey: name.toLowerCase(),
  });
  return unit;
}

export async function setLeader(unitId: Types.ObjectId, personId: string) {
  await UnitModel.updateOne({ _id: unitId }, { $set: { leaderId: personId } });
}

/**
 * Office O (head `head`) with departments A (leader `lead`, members `emp`, `colleague`) and B
 * (member `hrPerson` with role hr); office P with `stranger`.
 */
export async function makeLeaveOrg(prefix: string) {
  const o = await makeUnit(`${prefix} Amt O`);
  const a = await makeUnit(`${prefix} Abteilung A`, o);
  const b = await makeUnit(`${prefix} Abteilung B`, o);
  const p = await makeUnit(`${prefix} Amt P`);
  const mk = (name: string, unit: { _id: Types.ObjectId }, roles?: ('hr' | 'employee')[]) =>
    makePerson({ username: `${prefix}-${name}`, unitId: String(unit._id), roles });
  const head = await mk('head', o);
  const lead = await mk('lead', a);
  const emp = await mk('emp', a);
  const colleague = await mk('colleague', a);
  const hrPerson = await mk('hr', b, ['employee', 'hr']);
  const stranger = await mk('stranger', p);
  await setLeader(o._id, head.id);
  await setLeader(a._id, lead.id);
  await PersonModel.updateOne({ _id: lead.id }, { $set: { deputyId: emp.id } });
  await ensureDefaultLeaveTypes();
  const types = await leaveTypes();
  const annual = types.find((t) => t.key === 'annual');
  const special = types.find((t) => t.key === 'special');
  if (!annual || !special) throw new Error('default leave types missing');
  return { units: { o, a, b, p }, head, lead, emp, colleague, hrPerson, stranger, annual, special };
}

/** Stores a request as the workflow would have left it, and puts it into the read model. */
export async function putRequest(input: {
  personId: string;
  typeId: string;
  from: string;
  to: string;
  status: LeaveStatus;
  days?: number;
  counts?: boolean;
  halfStart?: boolean;
  halfEnd?: boolean;
  deputyId?: string | null;
  comment?: string;
}): Promise<LeaveRequest> {
  const id = randomUUID();
  await LeaveRequestModel.create({
    _id: id,
    personId: input.personId,
    typeId: input.typeId,
    counts: input.counts ?? true,
    from: input.from,
    to: input.to,
    halfStart: input.halfStart ?? false,
    halfEnd: input.halfEnd ?? false,
    days: input.days ?? 1,
    charges: [],
    status: input.status,
    comment: input.comment ?? '',
    deputyId: input.deputyId ?? null,
    history: [],
    rev: 1,
  });
  const doc = await LeaveRequestModel.findById(id).lean<LeaveRequest>();
  if (!doc) throw new Error('request not stored');
  rememberLeave(doc);
  return doc;
}
