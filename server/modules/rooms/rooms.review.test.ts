import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { makePerson } from '../../test/app';
import { NotificationModel } from '../notifications/notification.model';
import { setPendingRequestCount } from './access';
import { changeRoomMembers } from './member.store';
import { refreshRoom, resetRoomIndex, roomIndex, roomRoleOf } from './room-index';
import { RoomModel } from './room.model';
import { createRoom, updateRoom } from './room.service';
import { remindDueRooms } from './rooms.review-reminder';
import { roomsWidget } from './rooms.widget';

useTestDatabase();

const people = {} as Record<
  'mover' | 'co' | 'member',
  { id: string; roles: ['employee', 'mover'] | ['employee'] }
>;

const newRoom = async (name: string, reviewBy: string | null = null) =>
  (
    await createRoom(people.mover, {
      clientId: randomUUID(),
      name,
      visibility: 'closed',
      template: 'blank',
      reviewBy,
    })
  ).roomId;

beforeAll(async () => {
  people.mover = {
    id: (await makePerson({ roles: ['employee', 'mover'] })).id,
    roles: ['employee', 'mover'],
  };
  people.co = { id: (await makePerson()).id, roles: ['employee'] };
  people.member = { id: (await makePerson()).id, roles: ['employee'] };
});

describe('review reminder', () => {
  it('notifies every owner once per review date; a new date reminds again', async () => {
    const roomId = await newRoom('Prüfraum', '2020-01-01');
    await changeRoomMembers(roomId, people.mover.id, {
      add: [{ personId: people.co.id, role: 'owner' }],
    });
    const notes = () => NotificationModel.find({ kind: 'rooms.review_due' }).lean();
    // Two sweeps at once, then another: exactly one reminder per owner.
    await Promise.all([remindDueRooms('2026-01-01'), remindDueRooms('2026-01-01')]);
    await remindDueRooms('2026-01-01');
    const sent = await notes();
    expect(sent.map((n) => String(n.userId)).sort()).toEqual(
      [people.mover.id, people.co.id].sort(),
    );
    expect(sent[0]?.link).toBe(`/rooms/${roomId}/settings`);
    const rev = (await roomIndex()).rooms.get(roomId)?.rev ?? -1;
    await updateRoom(people.mover, roomId, { rev, reviewBy: '2025-06-01' });
    await remindDueRooms('2026-01-01');
    expect(await notes()).toHaveLength(4);
  });

  it('leaves rooms alone whose date has not come', async () => {
    const before = await NotificationModel.countDocuments({ kind: 'rooms.review_due' });
    await newRoom('Zukunft', '2099-01-01');
    expect(await remindDueRooms('2026-01-01')).toBe(0);
    expect(await NotificationModel.countDocuments({ kind: 'rooms.review_due' })).toBe(before);
  });
});

describe('room index', () => {
  it('loads rooms and memberships from the database after a reset, and refreshes one room by id', async () => {
    const roomId = await newRoom('Neu geladen');
    await changeRoomMembers(roomId, people.mover.id, {
      add: [{ personId: people.member.id, role: 'member' }],
    });
    resetRoomIndex();
    expect(roomRoleOf(roomId, people.member.id)).toBeNull(); // nothing loaded yet
    const index = await roomIndex();
    expect(index.rooms.get(roomId)?.members.get(people.member.id)?.role).toBe('member');
    expect(roomRoleOf(roomId, people.mover.id)).toBe('owner');
    // Another instance wrote: a refresh by id picks it up.
    await RoomModel.updateOne(
      { _id: roomId },
      { $set: { name: 'Woanders umbenannt' }, $inc: { rev: 1 } },
    );
    await refreshRoom(roomId);
    expect((await roomIndex()).rooms.get(roomId)?.name).toBe('Woanders umbenannt');
  });
});

describe('rooms widget', () => {
  it('lists my live rooms (at most six), the total and join requests in rooms I moderate', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push(await newRoom(`Widget ${i}`));
    const archivedId = ids[6] as string;
    await RoomModel.updateOne({ _id: archivedId }, { $set: { archived: true }, $inc: { rev: 1 } });
    await refreshRoom(archivedId);
    await changeRoomMembers(ids[0] as string, people.mover.id, {
      add: [{ personId: people.member.id, role: 'member' }],
    });
    setPendingRequestCount((roomId) => (roomId === ids[0] || roomId === ids[1] ? 2 : 0));
    const mine = await roomsWidget(people.mover);
    expect(mine.rooms.length).toBeLessThanOrEqual(6);
    expect(mine.rooms.some((r) => r.id === archivedId)).toBe(false);
    expect(mine.total).toBeGreaterThanOrEqual(6);
    expect(mine.pendingRequests).toBe(4);
    const member = await roomsWidget(people.member);
    expect(member.rooms.map((r) => r.id)).toContain(ids[0]);
    // A plain member decides nothing.
    expect(member.pendingRequests).toBe(0);
    setPendingRequestCount(() => 0);
  });
});
