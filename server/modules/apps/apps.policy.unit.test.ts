import { describe, expect, it } from 'vitest';
import type { AudienceSubject } from '../org/audience';
import { appAbilities, canManageApps, canSeeApp, pinnedIds } from './apps.policy';

const office = 'd'.repeat(24);
const other = 'f'.repeat(24);
const subject: AudienceSubject = {
  id: 'a'.repeat(24),
  unitId: office,
  unitChain: [office],
  roles: ['employee'],
  locationId: null,
  isManager: false,
};
const everyone = { units: [], roles: [], locationIds: [] };

describe('apps policy', () => {
  it.each([
    [['employee'], false],
    [['employee', 'editor'], false],
    [['employee', 'hr'], false],
    [['employee', 'admin'], true],
  ] as const)('roles %j may manage the catalogue: %s', (roles, allowed) => {
    expect(canManageApps({ roles: [...roles] })).toBe(allowed);
    expect(appAbilities({ roles: [...roles] })).toEqual({ update: allowed, delete: allowed });
  });

  it.each([
    ['everyone', everyone, true],
    ['my office', { ...everyone, units: [{ unitId: office, withSubunits: false }] }, true],
    ['another office', { ...everyone, units: [{ unitId: other, withSubunits: true }] }, false],
    ['HR only', { ...everyone, roles: ['hr' as const] }, false],
  ])('an app for %s is visible to an employee of the office: %s', (_n, audience, visible) => {
    expect(canSeeApp(subject, { audience })).toBe(visible);
  });

  it('pins the visible suggestions until the person arranges their own', () => {
    const visible = [
      { id: 'x', suggested: true },
      { id: 'y', suggested: false },
      { id: 'z', suggested: true },
    ];
    expect(pinnedIds(null, visible)).toEqual(['x', 'z']);
    expect(pinnedIds([], visible)).toEqual([]);
    expect(pinnedIds(['y', 'gone', 'x'], visible)).toEqual(['y', 'x']);
  });
});
