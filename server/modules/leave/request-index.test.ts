import { describe, expect, it, vi } from 'vitest';
import { Types } from 'mongoose';
import type { LeaveStatus } from '@shared/leave/schemas';
import { useTestDatabase } from '../../test/db';
import { cluster } from '../../lib/cluster';
import { LeaveRequestModel, type LeaveRequest } from './request.model';
import { leaveIndex, rememberLeave, resetLeaveIndex } from './request-index';
import { uuid } from './request.fixtures';

useTestDatabase();

const personId = String(new Types.ObjectId());

async function stored(from: string, status: LeaveStatus = 'pending'): Promise<LeaveRequest> {
  const id = uuid();
  await LeaveRequestModel.create({
    _id: id,
    personId,
    typeId: new Types.ObjectId(),
    counts: true,
    from,
    to: from,
    days: 1,
    status,
    rev: 0,
  });
  return (await LeaveRequestModel.findById(id).lean<LeaveRequest>()) as LeaveRequest;
}

describe('leave request index', () => {
  it('loads what is stored, answers by person, overlap and pending', async () => {
    const a = await stored('2030-09-02');
    const b = await stored('2030-09-03', 'rejected');
    resetLeaveIndex();
    const index = await leaveIndex();
    expect(index.get(a._id)?.status).toBe('pending');
    expect(
      index
        .byPerson(personId)
        .map((r) => r.id)
        .sort(),
    ).toEqual([a._id, b._id].sort());
    expect(index.overlapping([personId], '2030-09-01', '2030-09-30').map((r) => r.id)).toEqual([
      a._id,
    ]);
    expect(index.pending().map((r) => r.id)).toContain(a._id);
    expect(index.pending().map((r) => r.id)).not.toContain(b._id);
  });

  it('never replaces a copy with an older rev', async () => {
    const doc = await stored('2030-09-04');
    rememberLeave({ ...doc, status: 'approved', rev: 2 });
    rememberLeave({ ...doc, status: 'pending', rev: 1 });
    expect((await leaveIndex()).get(doc._id)?.status).toBe('approved');
  });

  it('reloads one request when another instance says it changed', async () => {
    const doc = await stored('2030-09-05');
    await leaveIndex();
    rememberLeave(doc);
    await LeaveRequestModel.updateOne(
      { _id: doc._id },
      { $set: { status: 'withdrawn' }, $inc: { rev: 1 } },
    );
    cluster.deliver('leave-request:changed', doc._id);
    await vi.waitFor(async () =>
      expect((await leaveIndex()).get(doc._id)?.status).toBe('withdrawn'),
    );
  });
});
