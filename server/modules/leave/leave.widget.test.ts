import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { HomeBoardDTO } from '@shared/home/types';
import { addDays } from '@shared/leave/days';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session } from '../../test/app';
import { makeLeaveOrg, putRequest } from './leave-read.fixtures';
import { resetLeaveIndex } from './request-index';
import { todayInBerlin } from './holidays';
import { setLedgerEntry } from './ledger.service';
import { LedgerModel } from './ledger.model';

useTestDatabase();
let app: Express;
let org: Awaited<ReturnType<typeof makeLeaveOrg>>;
const today = todayInBerlin();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  resetLeaveIndex();
  app = makeTestApp();
  org = await makeLeaveOrg('wid');
  const later = await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: addDays(today, 20),
    to: addDays(today, 21),
    status: 'approved',
    days: 2,
  });
  await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: addDays(today, 5),
    to: addDays(today, 6),
    status: 'approved',
    days: 2,
  });
  await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: addDays(today, 1),
    to: addDays(today, 1),
    status: 'pending',
    days: 1,
  });
  await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: addDays(today, -30),
    to: addDays(today, -29),
    status: 'approved',
    days: 2,
  });
  await setLedgerEntry({
    personId: org.emp.id,
    requestId: later._id,
    state: 'approved',
    charges: [{ year, days: 2, upToExpiry: 0 }],
    previousYears: [],
  });
});

const board = async (username: string) => {
  const { agent } = await session(app, username);
  return (await agent.get('/api/home').expect(200)).body.data as HomeBoardDTO;
};

describe('start page widget leave', () => {
  it('shows the own balance and the next approved leave that has not ended', async () => {
    const { leave } = (await board('wid-emp')).data;
    expect(leave?.balance).toMatchObject({ year, entitlement: 30, approved: 2, available: 28 });
    expect(leave?.next).toMatchObject({ from: addDays(today, 5), type: { key: 'annual' } });
    // The leader's standing deputy may decide (while the leader is away): nothing waits now.
    expect(leave?.inbox).toBe(0);
    // Not a decider at all: no inbox.
    expect((await board('wid-colleague')).data.leave?.inbox).toBeNull();
  });

  it('gives leaders their inbox count, and never writes a ledger for the start page', async () => {
    const { leave } = (await board('wid-lead')).data;
    expect(leave?.inbox).toBe(1);
    expect(leave?.balance?.available).toBe(30);
    expect(leave?.next).toBeNull();
    expect(await LedgerModel.countDocuments({ personId: org.lead.id })).toBe(0);
  });
});
