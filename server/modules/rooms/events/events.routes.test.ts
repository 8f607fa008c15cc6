import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type { RoomModules, RoomVisibility } from '@shared/rooms/schemas';
import type { AttendeeDTO, RoomEventDTO } from '@shared/rooms/types';
import type { DomainEvents } from '../../../lib/events';
import { events } from '../../../lib/events';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { RoomModel } from '../room.model';
import { changeRoomMembers } from '../member.store';
import { rememberRoom } from '../room-index';

useTestDatabase();

type Who = 'owner' | 'mod' | 'member' | 'member2' | 'leaver' | 'outsider';
let app: Express;
const ids = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;
const rooms = {} as Record<'open' | 'secret' | 'off' | 'archived', string>;

const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();
const E = (roomId: string) => `/api/rooms/${roomId}/events`;

const send = (who: Who, method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object) =>
  s[who].agent[method](path)
    .set('X-CSRF-Token', s[who].csrf)
    .send(body ?? {});
const get = (who: Who, path: string) => s[who].agent.get(path);

const eventBody = (extra: object = {}) => ({
  id: randomUUID(),
  title: 'Stand-up',
  start: at(24),
  end: at(25),
  place: 'Rathaus, Raum 101',
  ...extra,
});
const create = async (who: Who, roomId: string, extra: object = {}) =>
  (await send(who, 'post', E(roomId), eventBody(extra)).expect(201)).body.data as RoomEventDTO;

async function makeRoom(
  visibility: RoomVisibility,
  members: Who[],
  opts: { events?: boolean; archived?: boolean } = {},
) {
  const modules: RoomModules = {
    feed: true,
    chat: false,
    wiki: false,
    files: false,
    events: opts.events ?? true,
    tasks: false,
  };
  const room = await RoomModel.create({
    clientId: randomUUID(),
    name: `Raum ${visibility}`,
    visibility,
    template: 'project',
    modules,
    createdBy: ids.owner,
    archived: opts.archived ?? false,
  });
  const roomId = String(room._id);
  await changeRoomMembers(roomId, null, {
    add: members.map((who) => ({
      personId: ids[who],
      role: who === 'owner' ? 'owner' : who === 'mod' ? 'moderator' : 'member',
    })),
  });
  await rememberRoom(roomId);
  return roomId;
}

beforeAll(async () => {
  app = makeTestApp();
  for (const who of ['owner', 'mod', 'member', 'member2', 'leaver', 'outsider'] as Who[]) {
    ids[who] = (await makePerson({ username: `ev-${who}` })).id;
    s[who] = await session(app, `ev-${who}`);
  }
  const all: Who[] = ['owner', 'mod', 'member', 'member2', 'leaver'];
  rooms.open = await makeRoom('open', all);
  rooms.secret = await makeRoom('secret', all);
  rooms.off = await makeRoom('open', all, { events: false });
  rooms.archived = await makeRoom('closed', all, { archived: true });
});

describe('room events', () => {
  it('401 without a session on every route', async () => {
    const anon = request(app);
    const ev = `${E(rooms.open)}/${randomUUID()}`;
    for (const path of [E(rooms.open), `${E(rooms.open)}.ics`, `${ev}/attendees`, `${ev}/ics`]) {
      await anon.get(path).expect(401);
    }
    const guest = await session(app);
    for (const [m, path] of [
      ['post', E(rooms.open)],
      ['patch', ev],
      ['delete', ev],
      ['put', `${ev}/attendance`],
    ] as const) {
      await guest.agent[m](path).set('X-CSRF-Token', guest.csrf).send({}).expect(401);
    }
  });

  it('creates idempotently by UUID: 201, the same person again 200, someone else 409', async () => {
    const seen: DomainEvents['rooms.content_changed'][] = [];
    const off = events.on('rooms.content_changed', (e) => void seen.push(e));
    const body = eventBody({ videoUrl: 'https://meet.example.org/abc' });
    const first = await send('member', 'post', E(rooms.open), body).expect(201);
    const again = await send('member', 'post', E(rooms.open), body).expect(200);
    expect(again.body.data.id).toBe(first.body.data.id);
    const other = await send('member2', 'post', E(rooms.open), body).expect(409);
    expect(other.body.error.code).toBe('client_id_reused');
    off();
    const ev = first.body.data as RoomEventDTO;
    expect(ev).toMatchObject({
      title: 'Stand-up',
      place: 'Rathaus, Raum 101',
      videoUrl: 'https://meet.example.org/abc',
      myAnswer: null,
      attendance: { yes: 0, no: 0, maybe: 0 },
      abilities: { edit: true, delete: true, answer: true },
    });
    expect(ev.createdBy.id).toBe(ids.member);
    expect(seen).toEqual([
      expect.objectContaining({
        roomId: rooms.open,
        module: 'event',
        kind: 'created',
        activity: true,
      }),
    ]);
  });

  it('refuses bad input: end before start, javascript: or http: links, unknown fields', async () => {
    const bad = await send(
      'member',
      'post',
      E(rooms.open),
      eventBody({ start: at(5), end: at(4) }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'end' })]);
    const same = at(5);
    await send('member', 'post', E(rooms.open), eventBody({ start: same, end: same })).expect(400);
    for (const videoUrl of ['javascript:alert(1)', 'http://meet.example.org/x', 'ftp://x.org']) {
      const res = await send('member', 'post', E(rooms.open), eventBody({ videoUrl })).expect(400);
      expect(res.body.error.details[0].path).toBe('videoUrl');
    }
    await send('member', 'post', E(rooms.open), eventBody({ createdBy: ids.owner })).expect(400);
    await get('member', `${E(rooms.open)}?past=maybe`).expect(400);
  });

  it('404 for a secret room outsider on every route (ICS too), 403 for an open room outsider', async () => {
    const ev = await create('member', rooms.secret);
    const p = `${E(rooms.secret)}/${ev.id}`;
    for (const path of [E(rooms.secret), `${E(rooms.secret)}.ics`, `${p}/attendees`, `${p}/ics`]) {
      await get('outsider', path).expect(404);
    }
    await send('outsider', 'post', E(rooms.secret), eventBody()).expect(404);
    await send('outsider', 'patch', p, { rev: 0, title: 'x' }).expect(404);
    await send('outsider', 'delete', `${p}?rev=0`).expect(404);
    await send('outsider', 'put', `${p}/attendance`, { answer: 'yes' }).expect(404);

    const open = await create('member', rooms.open);
    const q = `${E(rooms.open)}/${open.id}`;
    for (const path of [E(rooms.open), `${E(rooms.open)}.ics`, `${q}/attendees`, `${q}/ics`]) {
      await get('outsider', path).expect(403);
    }
    await send('outsider', 'post', E(rooms.open), eventBody()).expect(403);
    await send('outsider', 'put', `${q}/attendance`, { answer: 'yes' }).expect(403);
  });

  it('404 when the module is off or the event unknown; 409 room_archived for writes', async () => {
    await get('member', E(rooms.off)).expect(404);
    await send('member', 'post', E(rooms.off), eventBody()).expect(404);
    await get('member', `${E(rooms.open)}/${randomUUID()}/attendees`).expect(404);
    await get('member', `${E(rooms.open)}/${randomUUID()}/ics`).expect(404);
    await send('member', 'put', `${E(rooms.open)}/${randomUUID()}/attendance`, {
      answer: 'yes',
    }).expect(404);
    await get('member', E(rooms.archived)).expect(200);
    const arch = await send('member', 'post', E(rooms.archived), eventBody()).expect(409);
    expect(arch.body.error.code).toBe('room_archived');
  });

  it('lists upcoming soonest first and past latest first', async () => {
    const roomId = await makeRoom('closed', ['owner', 'member']);
    const later = await create('member', roomId, { title: 'Später', start: at(48), end: at(49) });
    const soon = await create('member', roomId, { title: 'Bald', start: at(2), end: at(3) });
    const running = await create('member', roomId, { title: 'Läuft', start: at(-1), end: at(1) });
    const old = await create('member', roomId, { title: 'Alt', start: at(-50), end: at(-49) });
    const older = await create('member', roomId, { title: 'Älter', start: at(-90), end: at(-89) });
    const upcoming = (await get('member', E(roomId)).expect(200)).body.data as RoomEventDTO[];
    expect(upcoming.map((e) => e.id)).toEqual([running.id, soon.id, later.id]);
    const past = (await get('member', `${E(roomId)}?past=true`).expect(200)).body
      .data as RoomEventDTO[];
    expect(past.map((e) => e.id)).toEqual([old.id, older.id]);
    expect(past[0]?.abilities.answer).toBe(false);
  });

  it('stores all-day events as whole days', async () => {
    const ev = await create('member', rooms.open, {
      allDay: true,
      start: '2099-03-10T00:00:00+01:00',
      end: '2099-03-11T00:00:00+01:00',
    });
    expect(ev.start).toBe('2099-03-10T00:00:00.000Z');
    expect(ev.end).toBe('2099-03-12T00:00:00.000Z');
  });

  it('answers: set semantics, members only, counted for current members, not after the event', async () => {
    const ev = await create('owner', rooms.secret);
    const p = `${E(rooms.secret)}/${ev.id}`;
    const yes = await send('member', 'put', `${p}/attendance`, { answer: 'yes' }).expect(200);
    expect(yes.body.data).toMatchObject({
      myAnswer: 'yes',
      attendance: { yes: 1, no: 0, maybe: 0 },
    });
    await send('member', 'put', `${p}/attendance`, { answer: 'yes' }).expect(200);
    await send('leaver', 'put', `${p}/attendance`, { answer: 'maybe' }).expect(200);
    await send('mod', 'put', `${p}/attendance`, { answer: 'no' }).expect(200);
    const changed = await send('mod', 'put', `${p}/attendance`, { answer: 'yes' }).expect(200);
    expect(changed.body.data.attendance).toEqual({ yes: 2, no: 0, maybe: 1 });
    await send('member', 'put', `${p}/attendance`, { answer: 'perhaps' }).expect(400);

    const list = (await get('member2', `${p}/attendees`).expect(200)).body.data as AttendeeDTO[];
    // Yes first, then maybe (by name within an answer: Person2 < Person3).
    expect(list.map((a) => [a.person.id, a.answer])).toEqual([
      [ids.mod, 'yes'],
      [ids.member, 'yes'],
      [ids.leaver, 'maybe'],
    ]);

    // Removed: the answer stops counting and every route answers 404 at once.
    await changeRoomMembers(rooms.secret, ids.owner, { remove: [ids.leaver] });
    const after = (await get('member', E(rooms.secret)).expect(200)).body.data as RoomEventDTO[];
    expect(after.find((e) => e.id === ev.id)?.attendance).toEqual({ yes: 2, no: 0, maybe: 0 });
    const names = (
      (await get('member', `${p}/attendees`).expect(200)).body.data as AttendeeDTO[]
    ).map((a) => a.person.id);
    expect(names).not.toContain(ids.leaver);
    await get('leaver', E(rooms.secret)).expect(404);
    await get('leaver', `${p}/ics`).expect(404);
    await get('leaver', `${E(rooms.secret)}.ics`).expect(404);
    await send('leaver', 'put', `${p}/attendance`, { answer: 'yes' }).expect(404);

    const past = await create('member', rooms.secret, { start: at(-3), end: at(-2) });
    const late = await send('member', 'put', `${E(rooms.secret)}/${past.id}/attendance`, {
      answer: 'yes',
    }).expect(409);
    expect(late.body.error.code).toBe('invalid_transition');
  });

  it('edits and deletes by the creator or moderators, rev-guarded', async () => {
    const ev = await create('member', rooms.open);
    const p = `${E(rooms.open)}/${ev.id}`;
    const seen = (await get('member2', E(rooms.open)).expect(200)).body.data as RoomEventDTO[];
    expect(seen.find((e) => e.id === ev.id)?.abilities).toEqual({
      edit: false,
      delete: false,
      answer: true,
    });
    await send('member2', 'patch', p, { rev: 0, title: 'Nope' }).expect(403);
    await send('member2', 'delete', `${p}?rev=0`).expect(403);
    const edited = await send('member', 'patch', p, { rev: 0, title: 'Daily, neu; jetzt' }).expect(
      200,
    );
    expect(edited.body.data).toMatchObject({ title: 'Daily, neu; jetzt', rev: 1, place: ev.place });
    const stale = await send('mod', 'patch', p, { rev: 0, place: 'Online' }).expect(409);
    expect(stale.body.error.code).toBe('stale_copy');
    await send('mod', 'patch', p, { rev: 1, place: 'Online', videoUrl: null }).expect(200);
    const bad = await send('member', 'patch', p, { rev: 2, end: at(1) }).expect(400);
    expect(bad.body.error.details[0].path).toBe('end');
    await send('member', 'patch', p, { rev: 2, videoUrl: 'javascript:alert(1)' }).expect(400);
    await send('mod', 'delete', p).expect(400);
    const staleDel = await send('mod', 'delete', `${p}?rev=1`).expect(409);
    expect(staleDel.body.error.code).toBe('stale_copy');
    await send('mod', 'delete', `${p}?rev=2`).expect(204);
    await get('member', `${p}/attendees`).expect(404);
    await send('member', 'patch', p, { rev: 3, title: 'x' }).expect(404);
    const list = (await get('member', E(rooms.open)).expect(200)).body.data as RoomEventDTO[];
    expect(list.some((e) => e.id === ev.id)).toBe(false);
  });
});

describe('room events ICS', () => {
  it('exports one event with UTC times, place, link and escaped text', async () => {
    const ev = await create('member', rooms.open, {
      title: 'Planung, Teil 1; Raum B\\C',
      description: 'Agenda: a, b; c\nEnde',
      start: '2099-05-04T08:00:00+02:00',
      end: '2099-05-04T09:30:00+02:00',
      place: 'Marktplatz 1, Stuttgart',
      videoUrl: 'https://meet.example.org/planung',
    });
    const res = await get('member', `${E(rooms.open)}/${ev.id}/ics`).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
    const text = res.text;
    expect(text).toContain(`UID:${ev.id}@staff-portal\r\n`);
    expect(text).toContain('DTSTART:20990504T060000Z\r\n');
    expect(text).toContain('DTEND:20990504T073000Z\r\n');
    expect(text).toContain('SUMMARY:Planung\\, Teil 1\\; Raum B\\\\C\r\n');
    expect(text).toContain('DESCRIPTION:Agenda: a\\, b\\; c\\nEnde\r\n');
    expect(text).toContain('LOCATION:Marktplatz 1\\, Stuttgart\r\n');
    expect(text).toContain('URL:https://meet.example.org/planung\r\n');
    expect(text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
  });

  it('exports every upcoming event of the room; all-day ones as dates', async () => {
    const roomId = await makeRoom('closed', ['owner', 'member']);
    const day = await create('member', roomId, {
      title: 'Klausur',
      allDay: true,
      start: '2099-07-01T00:00:00+02:00',
      end: '2099-07-02T00:00:00+02:00',
    });
    const next = await create('member', roomId, { title: 'Bald' });
    const old = await create('member', roomId, { title: 'Vorbei', start: at(-5), end: at(-4) });
    const res = await get('member', `${E(roomId)}.ics`).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.text).toContain(`UID:${day.id}@staff-portal`);
    expect(res.text).toContain(`UID:${next.id}@staff-portal`);
    expect(res.text).not.toContain(old.id);
    expect(res.text).toContain('DTSTART;VALUE=DATE:20990701\r\nDTEND;VALUE=DATE:20990703\r\n');
    expect(res.text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});
