import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import type { Socket } from 'socket.io-client';
import type { PresenceDTO } from '@shared/chat/types';
import type { PersonDTO } from '@shared/people/types';
import { addDays } from '@shared/leave/days';
import type { RunningServer } from '../../main';
import { TEST_PASSWORD } from '../../test/app';
import { events } from '../../lib/events';
import {
  client,
  next,
  open,
  signIn,
  startTestPortal,
  type SignedIn,
} from '../../realtime/test-support';
import { makeLeaveOrg, putRequest } from './leave-read.fixtures';
import { resetLeaveIndex } from './request-index';
import { todayInBerlin } from './holidays';

let server: RunningServer;
let base: string;
let org: Awaited<ReturnType<typeof makeLeaveOrg>>;
const sockets: Socket[] = [];
const signed: Record<string, SignedIn> = {};
const today = todayInBerlin();

beforeAll(async () => {
  server = await startTestPortal('3762');
  base = server.url;
  resetLeaveIndex();
  org = await makeLeaveOrg('ho');
  for (const name of ['emp', 'colleague', 'stranger']) {
    signed[name] = await signIn(base, `ho-${name}`, TEST_PASSWORD);
  }
  // The leader is on approved leave (their standing deputy is `emp`); the colleague's leave is
  // only pending; the stranger's ended yesterday.
  await putRequest({
    personId: org.lead.id,
    typeId: org.annual.id,
    from: addDays(today, -2),
    to: addDays(today, 3),
    status: 'approved',
  });
  await putRequest({
    personId: org.colleague.id,
    typeId: org.annual.id,
    from: today,
    to: addDays(today, 1),
    status: 'pending',
  });
  await putRequest({
    personId: org.stranger.id,
    typeId: org.annual.id,
    from: addDays(today, -5),
    to: addDays(today, -1),
    status: 'approved',
  });
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await mongoose.connection.db?.dropDatabase().catch(() => undefined);
  await server?.close();
});

const profile = async (viewer: string, id: string): Promise<PersonDTO> => {
  const res = await fetch(`${base}/api/people/${id}`, {
    headers: { cookie: signed[viewer]!.cookie },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: PersonDTO }).data;
};

const connect = async (name: string) => {
  const s = client(base, { cookie: signed[name]!.cookie, origin: base });
  sockets.push(s);
  expect(await open(s)).toBe('connected');
  return s;
};
const watch = (s: Socket, personIds: string[]) =>
  s.timeout(2000).emitWithAck('presence:watch', { personIds }) as Promise<{
    statuses: PresenceDTO[];
  }>;

describe('hand-over: on leave until …, deputy …', () => {
  it('shows approved leave covering today on the profile, with the deputy', async () => {
    const lead = await profile('stranger', org.lead.id);
    expect(lead.absence).toEqual({
      personId: org.lead.id,
      until: addDays(today, 3),
      deputy: expect.objectContaining({ id: org.emp.id }),
    });
    expect((await profile('emp', org.colleague.id)).absence).toBeNull();
    expect((await profile('emp', org.stranger.id)).absence).toBeNull();
  });

  it('prefers the deputy named in the request', async () => {
    await putRequest({
      personId: org.head.id,
      typeId: org.annual.id,
      from: today,
      to: today,
      status: 'approved',
      deputyId: org.colleague.id,
    });
    const head = await profile('emp', org.head.id);
    expect(head.absence?.deputy?.id).toBe(org.colleague.id);
    expect(head.absence?.until).toBe(today);
  });

  it('carries onLeaveUntil in chat presence, and announces it when leave is approved', async () => {
    const watcher = await connect('stranger');
    const { statuses } = await watch(watcher, [org.lead.id, org.colleague.id]);
    expect(statuses).toEqual([
      { personId: org.lead.id, status: 'offline', onLeaveUntil: addDays(today, 3) },
      { personId: org.colleague.id, status: 'offline' },
    ]);

    const update = next<PresenceDTO>(watcher, 'presence');
    const r = await putRequest({
      personId: org.colleague.id,
      typeId: org.annual.id,
      from: addDays(today, -1),
      to: addDays(today, 2),
      status: 'approved',
    });
    events.publish('leave.changed', {
      requestId: r._id,
      personId: org.colleague.id,
      actorId: org.lead.id,
      action: 'approved',
      before: 'pending',
      after: 'approved',
      from: r.from,
      to: r.to,
    });
    expect(await update).toEqual({
      personId: org.colleague.id,
      status: 'offline',
      onLeaveUntil: addDays(today, 2),
    });
  });
});
