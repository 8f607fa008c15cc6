import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { changeRoomMembers } from './member.store';
import { RoomMembersModel, type RoomMembers } from './member.model';
import { makeTestRoom } from './members/members.fixtures';
import { roomIndex } from './room-index';

useTestDatabase();

const newId = () => new Types.ObjectId().toHexString();
const stored = async (roomId: string) =>
  (await RoomMembersModel.findById(roomId).lean<RoomMembers>()) as RoomMembers;
const owners = (doc: RoomMembers) =>
  Object.entries(doc.members)
    .filter(([, m]) => m.role === 'owner')
    .map(([id]) => id);

/** Another instance's write (same store code there: it bumps the rev), behind this one's back. */
const elsewhere = (roomId: string, update: Record<string, unknown>) =>
  RoomMembersModel.updateOne({ _id: roomId }, { ...update, $inc: { rev: 1 } });

describe('changeRoomMembers across instances', () => {
  it('two owners demoting each other on two instances: the later one re-reads and is refused', async () => {
    const [a, b] = [newId(), newId()];
    const roomId = await makeTestRoom(a, 'open', [
      { personId: a, role: 'owner' },
      { personId: b, role: 'owner' },
    ]);
    let checks = 0;
    const demoteB = changeRoomMembers(roomId, a, {
      roles: [{ personId: b, role: 'member' }],
      check: async (members) => {
        checks += 1;
        // Between this instance's read and write, B demotes A on another instance.
        if (checks === 1) await elsewhere(roomId, { $set: { [`members.${a}.role`]: 'member' } });
        if (members.get(a)?.role !== 'owner') throw new Error('not an owner any more');
      },
    });
    await expect(demoteB).rejects.toThrow();
    expect(checks).toBeGreaterThanOrEqual(2);
    expect(owners(await stored(roomId))).toEqual([b]);
  });

  it('the last-owner rule holds on the stored members, not on what this instance read first', async () => {
    const [a, b] = [newId(), newId()];
    const roomId = await makeTestRoom(a, 'open', [
      { personId: a, role: 'owner' },
      { personId: b, role: 'owner' },
    ]);
    // The room index here still shows two owners; another instance already demoted A.
    await elsewhere(roomId, { $set: { [`members.${a}.role`]: 'member' } });
    expect((await roomIndex()).rooms.get(roomId)?.ownerCount).toBe(2);
    await expect(
      changeRoomMembers(roomId, b, { roles: [{ personId: b, role: 'member' }] }),
    ).rejects.toMatchObject({ status: 409, code: 'last_owner' });
    expect(owners(await stored(roomId))).toEqual([b]);
  });

  it('a race lost to an unrelated change is retried: both changes stay, the check ran again', async () => {
    const [a, c, d] = [newId(), newId(), newId()];
    const roomId = await makeTestRoom(a, 'open', [{ personId: a, role: 'owner' }]);
    const before = (await stored(roomId)).rev ?? 0;
    let checks = 0;
    const { added } = await changeRoomMembers(roomId, a, {
      add: [{ personId: d, role: 'member' }],
      check: async () => {
        checks += 1;
        const entry = { role: 'member', joinedAt: new Date() };
        if (checks === 1) await elsewhere(roomId, { $set: { [`members.${c}`]: entry } });
      },
    });
    expect(checks).toBe(2);
    expect(added).toEqual([d]);
    const doc = await stored(roomId);
    expect(Object.keys(doc.members).sort()).toEqual([a, c, d].sort());
    expect(doc.rev).toBe(before + 2);
    expect((await roomIndex()).rooms.get(roomId)?.members.has(c)).toBe(true);
  });

  it('a members document from before revs gets one at its first change', async () => {
    const [a, b] = [newId(), newId()];
    const roomId = await makeTestRoom(a, 'open', [{ personId: a, role: 'owner' }]);
    await RoomMembersModel.updateOne({ _id: roomId }, { $unset: { rev: '' } });
    await changeRoomMembers(roomId, a, { add: [{ personId: b, role: 'member' }] });
    const doc = await stored(roomId);
    expect(doc.rev).toBe(1);
    expect(doc.members[b]?.role).toBe('member');
  });
});
