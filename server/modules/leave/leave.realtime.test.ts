import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { LeaveBalanceDTO, LeaveRequestDTO } from '@shared/leave/types';
import type { RunningServer } from '../../main';
import { TEST_PASSWORD } from '../../test/app';
import {
  client,
  next,
  open,
  record,
  signIn,
  sleep,
  startTestPortal,
  type SignedIn,
} from '../../realtime/test-support';
import { makeRequestOrg, septemberDays, uuid, type Name } from './request.fixtures';
import { resetLeaveIndex } from './request-index';

let server: RunningServer;
let base: string;
let org: Awaited<ReturnType<typeof makeRequestOrg>>;
const sockets: Socket[] = [];
const signed: Partial<Record<Name, SignedIn>> = {};
const days = septemberDays();

beforeAll(async () => {
  server = await startTestPortal('0');
  base = server.url;
  resetLeaveIndex();
  org = await makeRequestOrg(null, 'lr');
  for (const name of ['emp', 'lead', 'xemp'] as const) {
    signed[name] = await signIn(base, `lr-${name}`, TEST_PASSWORD);
  }
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await server?.close();
});

const connect = async (name: Name) => {
  const s = client(base, { cookie: signed[name]!.cookie, origin: base });
  sockets.push(s);
  expect(await open(s)).toBe('connected');
  return s;
};

const post = (name: Name, path: string, body: object) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: signed[name]!.cookie,
      'x-csrf-token': signed[name]!.csrf,
      origin: base,
    },
    body: JSON.stringify(body),
  });

describe('leave realtime', () => {
  it('owner and approver get leave:request (each with their abilities); nobody else hears anything', async () => {
    const owner = await connect('emp');
    const approver = await connect('lead');
    const stranger = await connect('xemp');
    const heard = record(stranger);
    const ownerGets = next<{ request: LeaveRequestDTO }>(owner, 'leave:request', 5000);
    const ownerBalance = next<{ balance: LeaveBalanceDTO }>(owner, 'leave:balance', 5000);
    const approverGets = next<{ request: LeaveRequestDTO }>(approver, 'leave:request', 5000);
    const approverInbox = next<{ count: number }>(approver, 'leave:inbox', 5000);
    const id = uuid();
    const res = await post('emp', '/api/leave/requests', {
      id,
      typeId: org.annual.id,
      from: days[0],
      to: days[1],
    });
    expect(res.status).toBe(201);
    const mine = await ownerGets;
    expect(mine.request).toMatchObject({ id, status: 'pending' });
    expect(mine.request.abilities).toMatchObject({ withdraw: true, decide: false });
    const theirs = await approverGets;
    expect(theirs.request.abilities).toMatchObject({ decide: true, withdraw: false });
    expect((await approverInbox).count).toBe(1);
    expect((await ownerBalance).balance.pending).toBe(2);

    const decided = next<{ request: LeaveRequestDTO }>(owner, 'leave:request', 5000);
    const emptied = next<{ count: number }>(approver, 'leave:inbox', 5000);
    const d = await post('lead', `/api/leave/requests/${id}/decision`, { decision: 'approve' });
    expect(d.status).toBe(200);
    expect((await decided).request.status).toBe('approved');
    expect((await emptied).count).toBe(0);

    await sleep(2000);
    expect(heard.filter((e) => e.event.startsWith('leave:'))).toEqual([]);
  });
});
