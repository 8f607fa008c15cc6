import { beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import type { Express } from 'express';
import type { JoinRequestDTO, RoomMemberDTO } from '@shared/rooms/types';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';
import { UnitModel } from '../../org/unit.model';
import { AuditModel } from '../../audit/audit.model';
import { RoomMembersModel } from '../member.model';
import { roomIndex } from '../room-index';
import { makeTestRoom, sender } from './members.fixtures';
import { JoinRequestModel } from './join-request.model';
import { repairApprovedJoins } from './join-requests.service';

useTestDatabase();

type Who = 'owner' | 'owner2' | 'mod' | 'member' | 'outsider' | 'asker';
let app: Express;
const ids = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;
const M = (roomId: string) => `/api/rooms/${roomId}/members`;
const roleOf = async (roomId: string, personId: string) =>
  (await roomIndex()).rooms.get(roomId)?.members.get(personId)?.role ?? null;

const staff = (extra: Who[] = []) => [
  { personId: ids.owner, role: 'owner' as const },
  { personId: ids.mod, role: 'moderator' as const },
  { personId: ids.member, role: 'member' as const },
  ...extra.map((w) => ({ personId: ids[w], role: 'member' as const })),
];

beforeAll(async () => {
  app = makeTestApp();
  for (const who of Object.keys({
    owner: 1,
    owner2: 1,
    mod: 1,
    member: 1,
    outsider: 1,
    asker: 1,
  }) as Who[]) {
    ids[who] = (await makePerson({ username: `rm-${who}` })).id;
    s[who] = await session(app, `rm-${who}`);
  }
});

describe('members list', () => {
  it('401 without a session, 404 for outsiders of secret rooms, 403 for outsiders of open rooms', async () => {
    const secret = await makeTestRoom(ids.owner, 'secret', staff());
    const open = await makeTestRoom(ids.owner, 'open', staff());
    await request(app).get(M(secret)).expect(401);
    await s.outsider.agent.get(M(secret)).expect(404);
    await s.outsider.agent.get(M(open)).expect(403);
    await s.outsider.agent.get(M('0123456789abcdef01234567')).expect(404);
    await s.member.agent.get(`${M(open)}?limit=0`).expect(400);
  });

  it('lists members with roles, filters by role and name, pages with a cursor', async () => {
    const roomId = await makeTestRoom(ids.owner, 'closed', staff());
    const all = (await s.member.agent.get(M(roomId)).expect(200)).body as {
      data: RoomMemberDTO[];
    };
    expect(all.data.map((m) => m.person.id).sort()).toEqual(
      [ids.owner, ids.mod, ids.member].sort(),
    );
    const mods = (await s.member.agent.get(`${M(roomId)}?role=moderator`).expect(200)).body.data;
    expect(mods.map((m: RoomMemberDTO) => m.person.id)).toEqual([ids.mod]);
    const first = (await s.member.agent.get(`${M(roomId)}?limit=2`).expect(200)).body;
    expect(first.data).toHaveLength(2);
    const second = (
      await s.member.agent.get(`${M(roomId)}?limit=2&cursor=${first.nextCursor}`).expect(200)
    ).body;
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const name = all.data[0]?.person.displayName ?? '';
    const hits = (
      await s.member.agent.get(`${M(roomId)}?q=${encodeURIComponent(name)}`).expect(200)
    ).body.data;
    expect(hits.map((m: RoomMemberDTO) => m.person.displayName)).toContain(name);
    // Members see but may not manage; moderators may remove members but not owners.
    const asMod = (await s.mod.agent.get(M(roomId)).expect(200)).body.data as RoomMemberDTO[];
    expect(asMod.find((m) => m.person.id === ids.owner)?.abilities.remove).toBe(false);
    expect(asMod.find((m) => m.person.id === ids.member)?.abilities.remove).toBe(true);
    expect(all.data.every((m) => !m.abilities.remove)).toBe(true);
  });
});

describe('invite', () => {
  it('adds people and units with sub-units (active people only), idempotent, audited', async () => {
    const parent = await UnitModel.create({ name: 'Amt P', kind: 'office', sortKey: 'amt p' });
    const child = await UnitModel.create({
      name: 'Abteilung C',
      kind: 'department',
      sortKey: 'abt c',
      parentId: parent._id,
      path: [parent._id],
    });
    const inParent = await makePerson({ unitId: String(parent._id) });
    const inChild = await makePerson({ unitId: String(child._id) });
    const inactive = await makePerson({ unitId: String(child._id), active: false });
    const roomId = await makeTestRoom(ids.owner, 'closed', staff());
    const send = sender(s.mod);
    const only = await send('post', M(roomId), { unitIds: [String(parent._id)] }).expect(200);
    expect(only.body.data).toEqual({ added: 1, alreadyMembers: 0, skipped: 0 });
    expect(await roleOf(roomId, inChild.id)).toBeNull();
    const withSub = await send('post', M(roomId), {
      unitIds: [String(parent._id)],
      withSubunits: true,
      personIds: [inactive.id, ids.member],
    }).expect(200);
    expect(withSub.body.data).toEqual({ added: 1, alreadyMembers: 2, skipped: 1 });
    expect(await roleOf(roomId, inChild.id)).toBe('member');
    expect(await roleOf(roomId, inParent.id)).toBe('member');
    expect(await roleOf(roomId, inactive.id)).toBeNull();
    const again = await send('post', M(roomId), { personIds: [inChild.id] }).expect(200);
    expect(again.body.data.added).toBe(0);
    const audits = await AuditModel.find({
      action: 'rooms.member.invite_units',
      subjectId: roomId,
    });
    expect(audits).toHaveLength(2);
  });

  it('403 for members, 409 in archived rooms, 400 for bad ids', async () => {
    const roomId = await makeTestRoom(ids.owner, 'open', staff());
    await sender(s.member)('post', M(roomId), { personIds: [ids.outsider] }).expect(403);
    await sender(s.mod)('post', M(roomId), { personIds: ['nope'] }).expect(400);
    const archived = await makeTestRoom(ids.owner, 'open', staff(), { archived: true });
    const res = await sender(s.owner)('post', M(archived), { personIds: [ids.outsider] }).expect(
      409,
    );
    expect(res.body.error.code).toBe('room_archived');
  });
});

describe('roles and removal', () => {
  it('owners hand over: make another owner, then step down; the last owner cannot', async () => {
    const roomId = await makeTestRoom(ids.owner, 'closed', staff());
    const send = sender(s.owner);
    const last = await send('patch', `${M(roomId)}/${ids.owner}`, { role: 'member' }).expect(409);
    expect(last.body.error.code).toBe('last_owner');
    await send('patch', `${M(roomId)}/${ids.member}`, { role: 'owner' }).expect(200);
    await send('patch', `${M(roomId)}/${ids.owner}`, { role: 'moderator' }).expect(200);
    expect(await roleOf(roomId, ids.owner)).toBe('moderator');
    expect(await roleOf(roomId, ids.member)).toBe('owner');
    expect(
      await AuditModel.countDocuments({ action: 'rooms.member.role', subjectId: roomId }),
    ).toBe(2);
  });

  it('moderators cannot touch owners nor make owners; members change nothing', async () => {
    const roomId = await makeTestRoom(ids.owner, 'closed', staff(['owner2']));
    await sender(s.member)('patch', `${M(roomId)}/${ids.owner2}`, { role: 'moderator' }).expect(
      403,
    );
    await sender(s.mod)('patch', `${M(roomId)}/${ids.owner}`, { role: 'member' }).expect(403);
    await sender(s.mod)('patch', `${M(roomId)}/${ids.member}`, { role: 'owner' }).expect(403);
    await sender(s.mod)('patch', `${M(roomId)}/${ids.member}`, { role: 'moderator' }).expect(200);
    await sender(s.mod)('delete', `${M(roomId)}/${ids.owner}`).expect(403);
    await sender(s.mod)('patch', `${M(roomId)}/${ids.outsider}`, { role: 'member' }).expect(404);
    await sender(s.mod)('patch', `${M(roomId)}/${ids.member}`, { role: 'boss' }).expect(400);
  });

  it('moderators remove members, owners anyone; removal is audited; secret: outsiders 404', async () => {
    const roomId = await makeTestRoom(ids.owner, 'secret', staff(['owner2']));
    await sender(s.outsider)('delete', `${M(roomId)}/${ids.member}`).expect(404);
    await sender(s.member)('delete', `${M(roomId)}/${ids.owner2}`).expect(403);
    await sender(s.mod)('delete', `${M(roomId)}/${ids.owner2}`).expect(204);
    await sender(s.owner)('delete', `${M(roomId)}/${ids.mod}`).expect(204);
    expect(await roleOf(roomId, ids.mod)).toBeNull();
    expect(
      await AuditModel.countDocuments({ action: 'rooms.member.remove', subjectId: roomId }),
    ).toBe(2);
    // The removed moderator now gets 404 everywhere in the secret room.
    await s.mod.agent.get(M(roomId)).expect(404);
  });
});

describe('join and leave', () => {
  it('joins open rooms once; closed rooms 403; archived 409; secret 404', async () => {
    const open = await makeTestRoom(ids.owner, 'open', staff());
    const join = (who: Who, roomId: string) => sender(s[who])('post', `/api/rooms/${roomId}/join`);
    await request(app).post(`/api/rooms/${open}/join`).expect(403); // CSRF before the session check
    await join('outsider', open).expect(200);
    await join('outsider', open).expect(200);
    expect(await roleOf(open, ids.outsider)).toBe('member');
    const closed = await makeTestRoom(ids.owner, 'closed', staff());
    await join('outsider', closed).expect(403);
    const archived = await makeTestRoom(ids.owner, 'open', staff(), { archived: true });
    expect((await join('outsider', archived).expect(409)).body.error.code).toBe('room_archived');
    const secret = await makeTestRoom(ids.owner, 'secret', staff());
    await join('outsider', secret).expect(404);
  });

  it('leaves; the last owner gets 409 last_owner; outsiders 403', async () => {
    const roomId = await makeTestRoom(ids.owner, 'open', staff());
    const leave = (who: Who) => sender(s[who])('post', `/api/rooms/${roomId}/leave`);
    await leave('member').expect(200);
    expect(await roleOf(roomId, ids.member)).toBeNull();
    await leave('outsider').expect(403);
    expect((await leave('owner').expect(409)).body.error.code).toBe('last_owner');
  });
});

describe('join requests', () => {
  const J = (roomId: string) => `/api/rooms/${roomId}/join-requests`;

  it('create (idempotent while pending), withdraw, again; open rooms 403; members 409', async () => {
    const roomId = await makeTestRoom(ids.owner, 'closed', staff());
    const ask = sender(s.asker);
    const first = await ask('post', J(roomId), { message: 'Bitte' }).expect(201);
    const second = await ask('post', J(roomId), { message: 'Nochmal' }).expect(200);
    expect(second.body.data.id).toBe(first.body.data.id);
    expect(second.body.data.message).toBe('Bitte');
    await ask('delete', `${J(roomId)}/mine`).expect(204);
    await ask('delete', `${J(roomId)}/mine`).expect(404);
    await ask('post', J(roomId), {}).expect(201);
    const open = await makeTestRoom(ids.owner, 'open', staff());
    await ask('post', J(open), {}).expect(403);
    const res = await sender(s.member)('post', J(roomId), {}).expect(409);
    expect(res.body.error.code).toBe('already_member');
    const secret = await makeTestRoom(ids.owner, 'secret', staff());
    await ask('post', J(secret), {}).expect(404);
  });

  it('moderators list and decide exactly once; approve adds the member', async () => {
    const roomId = await makeTestRoom(ids.owner, 'closed', staff());
    const created = (await sender(s.asker)('post', J(roomId), { message: 'Hallo' }).expect(201))
      .body.data as JoinRequestDTO;
    await s.member.agent.get(J(roomId)).expect(403);
    const list = (await s.mod.agent.get(J(roomId)).expect(200)).body.data as JoinRequestDTO[];
    expect(list.map((r) => r.id)).toEqual([created.id]);
    const decide = (who: Who, decision: string) =>
      sender(s[who])('post', `${J(roomId)}/${encodeURIComponent(created.id)}/decision`, {
        decision,
        reason: 'ok',
      });
    await decide('member', 'approve').expect(403);
    await decide('mod', 'maybe').expect(400);
    const [a, b] = await Promise.all([decide('mod', 'approve'), decide('owner', 'reject')]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).body.error.code).toBe('invalid_transition');
    const winner = (a.status === 200 ? a : b).body.data as JoinRequestDTO;
    expect(await roleOf(roomId, ids.asker)).toBe(winner.status === 'approved' ? 'member' : null);
    expect((await s.mod.agent.get(J(roomId)).expect(200)).body.data).toEqual([]);
    await sender(s.mod)(
      'post',
      `${J(roomId)}/${encodeURIComponent(`${roomId}:${ids.outsider}`)}/decision`,
      {
        decision: 'approve',
      },
    ).expect(404);
  });

  it('an approval interrupted before the member was added is finished by the repair sweep', async () => {
    const roomId = await makeTestRoom(ids.owner, 'closed', staff());
    const req = (await sender(s.asker)('post', J(roomId), {}).expect(201)).body
      .data as JoinRequestDTO;
    // A normal approval marks the request once the member is in.
    await sender(s.mod)('post', `${J(roomId)}/${encodeURIComponent(req.id)}/decision`, {
      decision: 'approve',
    }).expect(200);
    expect((await JoinRequestModel.findById(req.id).lean())?.memberAdded).toBe(true);

    // The state a crash between the two writes leaves: approved, member not added.
    await sender(s.owner)('delete', `/api/rooms/${roomId}/members/${ids.asker}`).expect(204);
    const decidedAt = new Date(Date.now() - 5 * 60_000);
    await JoinRequestModel.updateOne(
      { _id: req.id },
      { $set: { status: 'approved', memberAdded: false, decidedAt } },
    );
    expect(await roleOf(roomId, ids.asker)).toBe(null);
    // Too young: the request that approved may still be adding the member.
    expect(await repairApprovedJoins(new Date(decidedAt.getTime() + 1000))).toBe(0);
    expect(await repairApprovedJoins()).toBe(1);
    expect(await roleOf(roomId, ids.asker)).toBe('member');
    expect((await JoinRequestModel.findById(req.id).lean())?.memberAdded).toBe(true);
    // Done once: a member who leaves later is not added again.
    await sender(s.owner)('delete', `/api/rooms/${roomId}/members/${ids.asker}`).expect(204);
    expect(await repairApprovedJoins()).toBe(0);
    expect(await roleOf(roomId, ids.asker)).toBe(null);
  });

  it('an approval whose member cannot be added (decider demoted elsewhere) leaves the request pending', async () => {
    const roomId = await makeTestRoom(ids.owner, 'closed', staff());
    const req = (await sender(s.asker)('post', J(roomId), {}).expect(201)).body
      .data as JoinRequestDTO;
    // Another instance made the moderator a plain member; this instance's index does not know yet.
    await RoomMembersModel.updateOne(
      { _id: roomId },
      { $set: { [`members.${ids.mod}.role`]: 'member' }, $inc: { rev: 1 } },
    );
    const url = `${J(roomId)}/${encodeURIComponent(req.id)}/decision`;
    await sender(s.mod)('post', url, { decision: 'approve' }).expect(403);
    expect(await roleOf(roomId, ids.asker)).toBeNull();
    const pending = (await s.owner.agent.get(J(roomId)).expect(200)).body.data as JoinRequestDTO[];
    expect(pending.map((r) => [r.id, r.status])).toEqual([[req.id, 'pending']]);
    const again = await sender(s.owner)('post', url, { decision: 'approve' }).expect(200);
    expect(again.body.data.status).toBe('approved');
    expect(await roleOf(roomId, ids.asker)).toBe('member');
  });

  it('approval adds the member', async () => {
    const roomId = await makeTestRoom(ids.owner, 'closed', staff());
    const req = (await sender(s.asker)('post', J(roomId), {}).expect(201)).body
      .data as JoinRequestDTO;
    const res = await sender(s.owner)(
      'post',
      `${J(roomId)}/${encodeURIComponent(req.id)}/decision`,
      {
        decision: 'approve',
      },
    ).expect(200);
    expect(res.body.data.status).toBe('approved');
    expect(await roleOf(roomId, ids.asker)).toBe('member');
  });
});
