import { describe, expect, it } from 'vitest';
import { builtInLayout } from '@shared/home/widgets';
import type { AudienceSubject } from '../org/audience';
import {
  canEditLayout,
  canManageDefaults,
  homeAbilities,
  isStale,
  needsSubject,
  resolveLayout,
} from './home.policy';
import type { DefaultLayout } from './home.store';

const employee = { id: 'a'.repeat(24), roles: ['employee' as const] };
const editor = { id: 'b'.repeat(24), roles: ['employee' as const, 'editor' as const] };
const admin = { id: 'c'.repeat(24), roles: ['employee' as const, 'admin' as const] };

const office = 'd'.repeat(24);
const subject = (over: Partial<AudienceSubject> = {}): AudienceSubject => ({
  id: employee.id,
  unitId: office,
  unitChain: [office],
  roles: ['employee'],
  locationId: null,
  isManager: false,
  ...over,
});
const def = (over: Partial<DefaultLayout>): DefaultLayout => ({
  id: 'e'.repeat(24),
  name: 'x',
  audience: { units: [], roles: [], locationIds: [] },
  priority: 100,
  widgets: [{ id: 'news', size: 'small' }],
  createdAt: new Date('2025-01-01'),
  ...over,
});

describe('home policy', () => {
  it.each([
    ['an employee', employee, false],
    ['an editor', editor, false],
    ['an administrator', admin, true],
  ])('%s may manage default layouts and the app catalogue: %s', (_who, viewer, allowed) => {
    expect(canManageDefaults(viewer)).toBe(allowed);
    expect(homeAbilities(viewer)).toEqual({ manageDefaults: allowed, manageApps: allowed });
  });

  it('lets only the person edit their own layout (not even an admin)', () => {
    expect(canEditLayout(employee, employee.id)).toBe(true);
    expect(canEditLayout(admin, employee.id)).toBe(false);
  });

  it('treats a save as stale unless it is based on the current revision', () => {
    expect(isStale(null, 0)).toBe(false);
    expect(isStale(null, 1)).toBe(true);
    expect(isStale({ widgets: [], rev: 3 }, 3)).toBe(false);
    expect(isStale({ widgets: [], rev: 3 }, 2)).toBe(true);
    expect(isStale({ widgets: [], rev: 3 }, 0)).toBe(true);
  });
});

describe('resolveLayout', () => {
  const forManagers = def({
    id: '1'.repeat(24),
    audience: { units: [], roles: ['manager'], locationIds: [] },
    priority: 10,
    widgets: [{ id: 'apps', size: 'large' }],
  });
  const forOffice = def({
    id: '2'.repeat(24),
    audience: { units: [{ unitId: office, withSubunits: true }], roles: [], locationIds: [] },
    priority: 20,
    widgets: [{ id: 'profile', size: 'medium' }],
  });
  const forAll = def({ id: '3'.repeat(24), priority: 500 });

  it.each([
    [
      'a personal layout wins',
      { widgets: [], rev: 4 },
      [forManagers, forAll],
      subject(),
      'personal',
      [],
    ],
    [
      'the first matching default by priority',
      null,
      [forAll, forOffice, forManagers],
      subject({ isManager: true }),
      'default',
      forManagers.widgets,
    ],
    [
      'a non-matching default is skipped',
      null,
      [forManagers, forOffice, forAll],
      subject(),
      'default',
      forOffice.widgets,
    ],
    [
      'an everyone default needs no subject',
      null,
      [forManagers, forAll],
      null,
      'default',
      forAll.widgets,
    ],
    ['nothing matches: built in', null, [forManagers], subject(), 'built-in', builtInLayout],
  ] as const)('%s', (_name, personal, defaults, s, source, widgets) => {
    const own = personal ? { widgets: [], rev: personal.rev } : null;
    const layout = resolveLayout(own, defaults, s);
    expect(layout.source).toBe(source);
    expect(layout.widgets).toEqual(widgets);
    expect(layout.rev).toBe(personal?.rev ?? 0);
  });

  it('asks for the audience subject only when a default has rules', () => {
    expect(needsSubject([forAll])).toBe(false);
    expect(needsSubject([forAll, forOffice])).toBe(true);
  });
});
