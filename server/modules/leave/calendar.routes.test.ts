import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { TeamCalendarDTO } from '@shared/leave/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { makeLeaveOrg, putRequest } from './leave-read.fixtures';
import { resetLeaveIndex } from './request-index';

useTestDatabase();
let app: Express;
let org: Awaited<ReturnType<typeof makeLeaveOrg>>;

beforeAll(async () => {
  resetLeaveIndex();
  app = makeTestApp();
  org = await makeLeaveOrg('cal');
  await putRequest({
    personId: org.colleague.id,
    typeId: org.special.id,
    from: '2026-05-11',
    to: '2026-05-13',
    status: 'approved',
    days: 3,
    counts: false,
  });
  await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: '2026-05-28',
    to: '2026-06-03',
    status: 'pending',
    days: 4,
    halfEnd: true,
  });
  await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: '2026-05-04',
    to: '2026-05-04',
    status: 'rejected',
  });
  await putRequest({
    personId: org.hrPerson.id,
    typeId: org.annual.id,
    from: '2026-05-18',
    to: '2026-05-19',
    status: 'approved',
    days: 2,
  });
});

async function calendar(username: string, query: string, status = 200): Promise<TeamCalendarDTO> {
  const { agent } = await session(app, username);
  const res = await agent.get(`/api/leave/calendar?${query}`).expect(status);
  return res.body.data as TeamCalendarDTO;
}

const absencesOf = (cal: TeamCalendarDTO, personId: string) =>
  cal.people.find((p) => p.person.id === personId)?.absences ?? [];

describe('GET /api/leave/calendar', () => {
  it('shows a colleague’s absence to a member without its type, the own with type; pending as pending', async () => {
    const cal = await calendar('cal-emp', 'month=2026-05');
    expect(cal.unit.id).toBe(String(org.units.a._id));
    expect(cal.people.map((p) => p.person.id).sort()).toEqual(
      [org.lead.id, org.emp.id, org.colleague.id].sort(),
    );
    const colleague = absencesOf(cal, org.colleague.id);
    expect(colleague).toHaveLength(1);
    expect(colleague[0]).toMatchObject({
      from: '2026-05-11',
      to: '2026-05-13',
      status: 'approved',
      type: null,
    });
    const own = absencesOf(cal, org.emp.id);
    // The rejected request is not an absence.
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ status: 'pending', halfEnd: true, days: 4 });
    expect(own[0]?.type?.key).toBe('annual');
  });

  it('shows the type to the unit’s leader, the office head (with sub-units) and HR', async () => {
    const lead = await calendar('cal-lead', `month=2026-05&unitId=${String(org.units.a._id)}`);
    expect(absencesOf(lead, org.colleague.id)[0]?.type?.key).toBe('special');
    const head = await calendar(
      'cal-head',
      `month=2026-05&unitId=${String(org.units.o._id)}&subtree=true`,
    );
    expect(absencesOf(head, org.colleague.id)[0]?.type?.key).toBe('special');
    expect(absencesOf(head, org.hrPerson.id)[0]?.type?.key).toBe('annual');
    const hr = await calendar('cal-hr', `month=2026-05&unitId=${String(org.units.a._id)}`);
    expect(absencesOf(hr, org.colleague.id)[0]?.type?.key).toBe('special');
  });

  it('marks weekends, BW holidays and the half day of 24.12.', async () => {
    const may = await calendar('cal-emp', 'month=2026-05');
    expect(may.days).toHaveLength(31);
    expect(may.days.find((d) => d.date === '2026-05-01')).toMatchObject({ kind: 'holiday' });
    expect(may.days.find((d) => d.date === '2026-05-02')?.kind).toBe('weekend');
    expect(may.days.find((d) => d.date === '2026-05-04')?.kind).toBe('work');
    const dec = await calendar('cal-emp', 'month=2026-12');
    expect(dec.days.find((d) => d.date === '2026-12-24')?.kind).toBe('half');
    expect(dec.days.find((d) => d.date === '2026-12-25')?.kind).toBe('holiday');
  });

  it('includes absences overlapping the month’s edges', async () => {
    const june = await calendar('cal-lead', `month=2026-06&unitId=${String(org.units.a._id)}`);
    expect(absencesOf(june, org.emp.id)[0]?.to).toBe('2026-06-03');
  });

  it('refuses (403, audited) another office’s unit, a member’s sub-unit view and a sibling unit', async () => {
    await calendar('cal-stranger', `month=2026-05&unitId=${String(org.units.a._id)}`, 403);
    await calendar('cal-emp', `month=2026-05&unitId=${String(org.units.a._id)}&subtree=true`, 403);
    await calendar('cal-emp', `month=2026-05&unitId=${String(org.units.b._id)}`, 403);
    await calendar('cal-lead', `month=2026-05&unitId=${String(org.units.o._id)}`, 403);
    expect(await AuditModel.countDocuments({ action: 'leave.calendar', outcome: 'denied' })).toBe(
      4,
    );
  });

  it('validates the month and answers 404 for an unknown unit', async () => {
    await calendar('cal-emp', 'month=2026-13', 400);
    await calendar('cal-hr', 'month=2026-05&unitId=000000000000000000000000', 404);
  });
});

describe('GET /api/leave/calendar/units', () => {
  it('lists the own unit for members, the led subtree for leaders, everything for HR', async () => {
    const list = async (username: string) => {
      const { agent } = await session(app, username);
      return (await agent.get('/api/leave/calendar/units').expect(200)).body.data as {
        id: string;
        subtree: boolean;
      }[];
    };
    expect(await list('cal-emp')).toEqual([
      expect.objectContaining({ id: String(org.units.a._id), subtree: false }),
    ]);
    expect((await list('cal-head')).map((u) => u.id).sort()).toEqual(
      [org.units.o, org.units.a, org.units.b].map((u) => String(u._id)).sort(),
    );
    const hr = await list('cal-hr');
    expect(hr.map((u) => u.id)).toEqual(
      expect.arrayContaining([String(org.units.p._id), String(org.units.a._id)]),
    );
    expect(hr.every((u) => u.subtree)).toBe(true);
  });
});
