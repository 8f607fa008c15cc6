import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { makePerson } from '../../test/app';
import { bumpStamp, readStamp, readStamps, stampReads, STAMP } from '../../lib/stamps';
import { loadCurrentUser } from '../auth/authenticate';
import { PersonModel } from '../people/person.model';
import { UnitModel } from './unit.model';
import { officeOf, subtreeIds, unitById, unitIndex, unitsLedBy } from './unit-index';

useTestDatabase();

async function tree() {
  const office = await UnitModel.create({ name: 'Amt A', kind: 'office', sortKey: 'amt a' });
  const dept = await UnitModel.create({
    name: 'Abteilung A1',
    kind: 'department',
    sortKey: 'abteilung a1',
    parentId: office._id,
    path: [office._id],
  });
  const team = await UnitModel.create({
    name: 'Sachgebiet A1a',
    kind: 'team',
    sortKey: 'sachgebiet a1a',
    parentId: dept._id,
    path: [office._id, dept._id],
  });
  return { office: String(office._id), dept: String(dept._id), team: String(team._id) };
}

describe('units read model', () => {
  it('answers offices, subtrees and leaders from memory', async () => {
    const t = await tree();
    expect((await officeOf(t.team))?.id).toBe(t.office);
    expect((await officeOf(t.office))?.id).toBe(t.office);
    expect(await officeOf(null)).toBeNull();
    expect(new Set(await subtreeIds(t.office))).toEqual(new Set([t.office, t.dept, t.team]));
    expect(await subtreeIds(t.team)).toEqual([t.team]);
    expect((await unitById(t.dept))?.chain).toEqual([t.office, t.dept]);
    expect(await unitById('000000000000000000000000')).toBeNull();
  });

  it('sees a leader change and a new unit at once (stamp replaced by the write)', async () => {
    const t = await tree();
    const boss = await makePerson();
    const before = await unitIndex();
    expect(await unitsLedBy(boss.id)).toEqual([]);
    await UnitModel.updateOne({ _id: t.dept }, { $set: { leaderId: boss.id } });
    expect(await unitsLedBy(boss.id)).toEqual([t.dept]);
    const user = await loadCurrentUser(boss.id, 'sid');
    expect(user?.leads).toEqual([t.dept]);
    expect((await unitIndex()).version).not.toBe(before.version);
    const added = await UnitModel.create({ name: 'Neu', kind: 'office', sortKey: 'neu' });
    expect(await unitById(String(added._id))).not.toBeNull();
    await UnitModel.deleteOne({ _id: added._id });
    expect(await unitById(String(added._id))).toBeNull();
  });
});

describe('current user from the read models', () => {
  it('applies deactivation and role changes to the next request', async () => {
    const p = await makePerson({ roles: ['employee'] });
    expect((await loadCurrentUser(p.id, 's1'))?.roles).toEqual(['employee']);
    await PersonModel.updateOne({ _id: p.id }, { $set: { roles: ['employee', 'editor'] } });
    expect((await loadCurrentUser(p.id, 's1'))?.roles).toEqual(['employee', 'editor']);
    await PersonModel.updateOne({ _id: p.id }, { $set: { active: false } });
    expect(await loadCurrentUser(p.id, 's1')).toBeNull();
    expect(await loadCurrentUser('not-an-id', 's1')).toBeNull();
  });

  it('costs one stamp read for people and units together', async () => {
    const p = await makePerson();
    await loadCurrentUser(p.id, 's1'); // warm both read models
    const reads = stampReads();
    await Promise.all([1, 2, 3, 4, 5].map(() => loadCurrentUser(p.id, 's1')));
    expect(stampReads() - reads).toBe(1);
  });
});

describe('stamps', () => {
  it('never answers from a read that started before the caller asked', async () => {
    const first = readStamp('test-stamp'); // read in flight with the old value
    await Promise.resolve();
    await bumpStamp('test-stamp');
    const after = readStamp('test-stamp');
    const [old, fresh] = await Promise.all([first, after]);
    const [current] = await readStamps(['test-stamp']);
    expect(fresh).toBe(current);
    expect(old === 'initial' || old === current).toBe(true);
    expect(current).not.toBe('initial');
    expect(await readStamp(STAMP.units)).toBeTypeOf('string');
  });
});
