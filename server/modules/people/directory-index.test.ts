import { describe, it, expect } from 'vitest';
import mongoose from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { makePerson } from '../../test/app';
import { PersonModel } from './person.model';
import { directoryRows } from './directory-index';
import { bumpPeopleVersion, currentPeopleVersion } from './directory-version';

useTestDatabase();

describe('directory read model', () => {
  it('reflects writes through the model at once, in alphabetical order', async () => {
    const a = await makePerson({ username: 'zed' });
    const b = await makePerson({ username: 'amy' });
    await PersonModel.updateOne({ _id: a.id }, { $set: { sortKey: 'aaa' } });
    await PersonModel.updateOne({ _id: b.id }, { $set: { sortKey: 'zzz' } });
    const rows = await directoryRows();
    expect(rows.map((r) => r.id)).toEqual([a.id, b.id]);
    await PersonModel.updateOne({ _id: a.id }, { $set: { active: false } });
    expect((await directoryRows()).find((r) => r.id === a.id)?.active).toBe(false);
  });

  it('reloads when another instance changed people (version in the database)', async () => {
    const before = await directoryRows();
    // A write this process's middleware never saw, as on another app instance:
    const other = new mongoose.Types.ObjectId();
    await mongoose.connection.db?.collection('people').insertOne({
      _id: other,
      username: 'remote',
      sortKey: 'mmm',
      searchTerms: ['remote'],
      active: true,
      roles: ['employee'],
    });
    expect(await directoryRows()).toBe(before); // not yet told: same snapshot
    await bumpPeopleVersion();
    expect((await directoryRows()).some((r) => r.id === String(other))).toBe(true);
  });

  it('is not invalidated by writes that do not touch its fields (e.g. a login)', async () => {
    const p = await makePerson({ username: 'loginer' });
    const version = await currentPeopleVersion();
    await PersonModel.updateOne(
      { _id: p.id },
      { $set: { lastLoginAt: new Date(), failedLogins: 0 } },
    );
    await PersonModel.updateOne({ _id: p.id }, { $set: { 'settings.textSize': 150 } });
    expect(await currentPeopleVersion()).toBe(version);
    await PersonModel.updateOne({ _id: p.id }, { $set: { roles: ['employee', 'hr'] } });
    expect(await currentPeopleVersion()).not.toBe(version);
  });
});
