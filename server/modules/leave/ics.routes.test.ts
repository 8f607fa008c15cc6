import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import request from 'supertest';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session } from '../../test/app';
import { makeLeaveOrg, putRequest } from './leave-read.fixtures';
import { resetLeaveIndex } from './request-index';
import { resetIcsState } from './ics.service';
import { LeaveTypeModel, forgetLeaveTypes } from './leave-type.model';

useTestDatabase();
let app: Express;
let org: Awaited<ReturnType<typeof makeLeaveOrg>>;

beforeAll(async () => {
  resetLeaveIndex();
  resetIcsState();
  app = makeTestApp();
  org = await makeLeaveOrg('ics');
  // A type name with characters that need escaping, long enough to be folded.
  await LeaveTypeModel.updateOne(
    { _id: org.special.id },
    {
      $set: {
        'name.de':
          'Sonderurlaub; Umzug, Hochzeit\\Geburt – eine sehr lange Bezeichnung für die Faltung',
      },
    },
  );
  forgetLeaveTypes();
  await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: '2026-07-06',
    to: '2026-07-17',
    status: 'approved',
    days: 10,
  });
  await putRequest({
    personId: org.emp.id,
    typeId: org.special.id,
    from: '2026-09-01',
    to: '2026-09-01',
    status: 'approved',
    counts: false,
    halfStart: true,
    days: 0.5,
  });
  await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: '2026-08-03',
    to: '2026-08-07',
    status: 'pending',
    days: 5,
  });
  await putRequest({
    personId: org.emp.id,
    typeId: org.annual.id,
    from: '2026-10-05',
    to: '2026-10-09',
    status: 'cancelled',
    days: 5,
  });
  await putRequest({
    personId: org.colleague.id,
    typeId: org.annual.id,
    from: '2026-07-20',
    to: '2026-07-24',
    status: 'approved',
    days: 5,
  });
});

const pathOf = (url: string) => new URL(url).pathname;

describe('ICS feed', () => {
  it('gives the same address twice, and a feed of only the approved leave as all-day events', async () => {
    const { agent } = await session(app, 'ics-emp');
    const first = (await agent.get('/api/leave/ics').expect(200)).body.data.url as string;
    const again = (await agent.get('/api/leave/ics').expect(200)).body.data.url as string;
    expect(pathOf(again)).toBe(pathOf(first));
    expect(first).toMatch(/\/api\/leave\/feed\/[0-9a-f]{24}\.[A-Za-z0-9_-]{43}\.ics$/);

    const res = await request(app).get(pathOf(first)).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const text = res.text;
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain('DTSTART;VALUE=DATE:20260706\r\n');
    expect(text).toContain('DTEND;VALUE=DATE:20260718\r\n');
    expect(text).not.toContain('20260803'); // pending
    expect(text).not.toContain('20261005'); // cancelled
    expect(text).not.toContain('20260720'); // someone else's
    // Escaped and folded: unfolding gives the escaped summary back.
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:Sonderurlaub\\; Umzug\\, Hochzeit\\\\Geburt – eine sehr lange Bezeichnung für die Faltung\r\n',
    );
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // Stable UIDs: the same events on the next fetch.
    const uids = (t: string) => t.match(/^UID:.*$/gm);
    expect(uids((await request(app).get(pathOf(first))).text)).toEqual(uids(text));
  });

  it('answers 404 for unknown, malformed and replaced tokens; a new token works', async () => {
    const { agent, csrf } = await session(app, 'ics-colleague');
    const old = (await agent.get('/api/leave/ics').expect(200)).body.data.url as string;
    await request(app).get(pathOf(old)).expect(200);
    const renewed = (await agent.post('/api/leave/ics').set('X-CSRF-Token', csrf).expect(200)).body
      .data.url as string;
    expect(pathOf(renewed)).not.toBe(pathOf(old));
    await request(app).get(pathOf(old)).expect(404);
    const feed = await request(app).get(pathOf(renewed)).expect(200);
    expect(feed.text).toContain('DTSTART;VALUE=DATE:20260720');
    expect(pathOf((await agent.get('/api/leave/ics').expect(200)).body.data.url as string)).toBe(
      pathOf(renewed),
    );

    const token = pathOf(renewed).split('/').pop() ?? '';
    const forged = `${token.slice(0, 25)}${'A'.repeat(43)}.ics`;
    await request(app).get(`/api/leave/feed/${forged}`).expect(404);
    await request(app)
      .get(`/api/leave/feed/${org.emp.id}.${'A'.repeat(43)}.ics`)
      .expect(404);
    await request(app).get('/api/leave/feed/nonsense.ics').expect(404);
  });

  it('needs a session for the address', async () => {
    await request(app).get('/api/leave/ics').expect(401);
  });
});
