import { describe, it, expect } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { seedScale, clearOrganisation } from './scale';
import { PersonModel } from '../../modules/people/person.model';
import { UnitModel } from '../../modules/org/unit.model';

useTestDatabase();

describe('scale seed', () => {
  it('builds ~50 offices with departments, a leader for every unit and exactly N people', async () => {
    const result = await seedScale(600, () => undefined, 200);
    expect(result.people).toBe(600);
    expect(await PersonModel.countDocuments()).toBe(600);
    expect(
      await UnitModel.countDocuments({ kind: { $in: ['office', 'enterprise'] } }),
    ).toBeGreaterThanOrEqual(45);
    expect(result.units).toBeGreaterThan(250);
    expect(await UnitModel.countDocuments({ leaderId: null })).toBe(0);
    expect(await PersonModel.exists({ username: 'manager' })).not.toBeNull();
    const usernames = await PersonModel.distinct('username');
    expect(usernames.length).toBe(600);
    await clearOrganisation();
    expect(await PersonModel.countDocuments()).toBe(0);
    expect(await UnitModel.countDocuments()).toBe(0);
  });
});
