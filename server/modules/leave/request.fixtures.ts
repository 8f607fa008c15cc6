// Test data for the request workflow: a small org with a leader above, a deputy, HR and strangers.
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Types } from 'mongoose';
import { addDays, isoWeekday } from '@shared/leave/days';
import { UnitModel } from '../org/unit.model';
import { PersonModel } from '../people/person.model';
import { makePerson, session, type Session } from '../../test/app';
import { ensureDefaultLeaveTypes, leaveTypes } from './leave-type.model';
import { todayInBerlin } from './holidays';

async function unit(name: string, parent?: { _id: Types.ObjectId; path: Types.ObjectId[] }) {
  return UnitModel.create({
    name,
    kind: parent ? 'department' : 'office',
    parentId: parent?._id ?? null,
    path: parent ? [...parent.path, parent._id] : [],
    sortKey: name.toLowerCase(),
  });
}

export const NAMES = [
  'head',
  'lead',
  'dep',
  'emp',
  'emp2',
  'col',
  'xlead',
  'xemp',
  'hr',
  'admin',
] as const;
export type Name = (typeof NAMES)[number];

/**
 * Office O (leader `head`) › unit A (leader `lead`, deputy `dep`; `emp`, `emp2`, `col`);
 * office X (leader `xlead`, `xemp`); `hr` (role hr) and `admin` in office H.
 */
export async function makeRequestOrg(app: Express | null, prefix: string) {
  const o = await unit(`${prefix} O`);
  const a = await unit(`${prefix} A`, o);
  const x = await unit(`${prefix} X`);
  const h = await unit(`${prefix} H`);
  const where: Record<Name, Types.ObjectId> = {
    head: o._id,
    lead: a._id,
    dep: a._id,
    emp: a._id,
    emp2: a._id,
    col: a._id,
    xlead: x._id,
    xemp: x._id,
    hr: h._id,
    admin: h._id,
  };
  const ids = {} as Record<Name, string>;
  for (const n of NAMES) {
    const roles =
      n === 'hr'
        ? (['employee', 'hr'] as const)
        : n === 'admin'
          ? (['employee', 'admin'] as const)
          : (['employee'] as const);
    ids[n] = (
      await makePerson({ username: `${prefix}-${n}`, unitId: String(where[n]), roles: [...roles] })
    ).id;
  }
  await UnitModel.updateOne({ _id: o._id }, { $set: { leaderId: ids.head } });
  await UnitModel.updateOne({ _id: a._id }, { $set: { leaderId: ids.lead } });
  await UnitModel.updateOne({ _id: x._id }, { $set: { leaderId: ids.xlead } });
  await PersonModel.updateOne({ _id: ids.lead }, { $set: { deputyId: ids.dep } });
  await ensureDefaultLeaveTypes();
  const types = await leaveTypes();
  const annual = types.find((t) => t.key === 'annual')!;
  const special = types.find((t) => t.key === 'special')!;
  const s = {} as Record<Name, Session>;
  if (app) for (const n of NAMES) s[n] = await session(app, `${prefix}-${n}`);
  return { ids, s, annual, special, units: { o, a, x, h } };
}

/** Next year's September weekdays (no public holiday in BW): safe single working days. */
export function septemberDays(): string[] {
  const year = Number(todayInBerlin().slice(0, 4)) + 1;
  const out: string[] = [];
  for (let d = `${year}-09-01`; d <= `${year}-09-30`; d = addDays(d, 1))
    if (isoWeekday(d) <= 5) out.push(d);
  return out;
}

export const uuid = () => randomUUID();
