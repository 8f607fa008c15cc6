import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { LeaveReportRowDTO } from '@shared/leave/types';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session } from '../../test/app';
import { AuditModel } from '../audit/audit.model';
import { UnitModel } from '../org/unit.model';
import type { CurrentUser } from '../auth/current-user';
import { makeLeaveOrg, putRequest } from './leave-read.fixtures';
import { resetLeaveIndex } from './request-index';
import { setLedgerEntry } from './ledger.service';
import { leaveReport, MIN_GROUP } from './report.service';

useTestDatabase();
let app: Express;
let org: Awaited<ReturnType<typeof makeLeaveOrg>>;
const YEAR = 2026;

beforeAll(async () => {
  resetLeaveIndex();
  app = makeTestApp();
  org = await makeLeaveOrg('rep');
  // Office O has 5 people (head, lead, emp, colleague, hr); office P only the stranger.
  await UnitModel.updateOne({ _id: org.units.o._id }, { $set: { name: '=HYPERLINK("x")' } });
  const book = async (
    personId: string,
    from: string,
    to: string,
    days: number,
    state: 'approved' | 'pending',
  ) => {
    const r = await putRequest({ personId, typeId: org.annual.id, from, to, status: state, days });
    await setLedgerEntry({
      personId,
      requestId: r._id,
      state,
      charges: [{ year: YEAR, days, upToExpiry: 0 }],
      previousYears: [],
    });
  };
  await book(org.emp.id, '2026-03-09', '2026-03-13', 5, 'approved'); // Mon–Fri
  await book(org.emp.id, '2026-08-03', '2026-08-07', 5, 'approved');
  await book(org.colleague.id, '2026-09-07', '2026-09-08', 2, 'pending');
  await book(org.stranger.id, '2026-02-02', '2026-02-03', 2, 'approved');
  // Not counting: no effect on the figures.
  await putRequest({
    personId: org.lead.id,
    typeId: org.special.id,
    from: '2026-04-13',
    to: '2026-04-14',
    status: 'approved',
    counts: false,
    days: 2,
  });
});

const hrUser = (): CurrentUser => ({
  id: org.hrPerson.id,
  username: 'rep-hr',
  displayName: 'HR',
  roles: ['employee', 'hr'],
  unitId: String(org.units.b._id),
  leads: [],
  sessionId: 's',
});

describe('leave report', () => {
  it('sums per office: taken up to today, planned after it plus pending, remaining', async () => {
    const rows = await leaveReport(hrUser(), { year: YEAR }, undefined, '2026-06-30');
    const o = rows.find((r) => r.office?.id === String(org.units.o._id));
    expect(o).toEqual({
      office: { id: String(org.units.o._id), name: '=HYPERLINK("x")' },
      people: 5,
      entitlement: 150,
      taken: 5,
      planned: 7,
      remaining: 138,
    });
    // The office below the group size is only part of "other offices".
    expect(MIN_GROUP).toBe(5);
    expect(rows.find((r) => r.office?.id === String(org.units.p._id))).toBeUndefined();
    const other = rows.find((r) => r.office === null);
    expect(other).toMatchObject({
      people: 1,
      entitlement: 30,
      taken: 2,
      planned: 0,
      remaining: 28,
    });
    // After the year everything approved was taken.
    const later = await leaveReport(hrUser(), { year: YEAR }, undefined, '2027-01-10');
    expect(later.find((r) => r.office?.id === String(org.units.o._id))).toMatchObject({
      taken: 10,
      planned: 2,
    });
    // One office only; a too-small office gives no row.
    const only = await leaveReport(
      hrUser(),
      { year: YEAR, officeId: String(org.units.o._id) },
      undefined,
      '2026-06-30',
    );
    expect(only).toHaveLength(1);
    expect(await leaveReport(hrUser(), { year: YEAR, officeId: String(org.units.p._id) })).toEqual(
      [],
    );
  });

  it('answers HR over REST and refuses others (403)', async () => {
    const hr = await session(app, 'rep-hr');
    const rows = (await hr.agent.get(`/api/leave/reports?year=${YEAR}`).expect(200)).body
      .data as LeaveReportRowDTO[];
    expect(rows.map((r) => r.people).reduce((a, b) => a + b, 0)).toBe(6);
    const lead = await session(app, 'rep-lead');
    await lead.agent.get(`/api/leave/reports?year=${YEAR}`).expect(403);
    await lead.agent.get(`/api/leave/reports.csv?year=${YEAR}`).expect(403);
    await hr.agent.get('/api/leave/reports?year=1900').expect(400);
  });

  it('exports a formula-safe CSV and audits the export', async () => {
    const hr = await session(app, 'rep-hr');
    const res = await hr.agent.get(`/api/leave/reports.csv?year=${YEAR}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('urlaub-2026.csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Amt;Beschäftigte;Anspruch;Genommen;Geplant;Rest');
    // The office name that looks like a formula is defused with a leading quote.
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK(""x"")";5;150;`))).toBe(true);
    expect(lines.some((l) => l.startsWith('Sonstige'))).toBe(true);
    const entry = await AuditModel.findOne({ action: 'leave.report_exported' }).lean();
    expect(String(entry?.actorId)).toBe(org.hrPerson.id);
  });
});
