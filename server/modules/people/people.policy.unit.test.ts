import { describe, it, expect } from 'vitest';
import type { Role } from '@shared/people/roles';
import {
  canCreatePerson,
  canDeactivatePerson,
  canResetPassword,
  canSeeInactive,
  canSeeRoles,
  canSetRoles,
  canUpdateOwnProfile,
  canUpdatePerson,
  canUpdateRoles,
  canViewPerson,
  personAbilities,
} from './people.policy';
import { canDeleteUnit, canManageLocations, canManageUnits } from '../org/org.policy';
import { canReadAudit } from '../audit/audit.policy';

const viewers: Record<string, Role[]> = {
  employee: ['employee'],
  editor: ['employee', 'editor'],
  mover: ['employee', 'mover'],
  hr: ['employee', 'hr'],
  admin: ['employee', 'admin'],
};
const viewer = (name: string) => ({ id: name, roles: viewers[name] as Role[] });
const other = { id: 'someone-else', active: true };
const otherInactive = { id: 'someone-else', active: false };

type Row = [string, (v: ReturnType<typeof viewer>) => boolean, string[]];

/** Every action × every role against another person: which roles are allowed. */
const table: Row[] = [
  ['view an active colleague', (v) => canViewPerson(v, other), Object.keys(viewers)],
  ['view an inactive person', (v) => canViewPerson(v, otherInactive), ['hr', 'admin']],
  ['see inactive in the directory', (v) => canSeeInactive(v), ['hr', 'admin']],
  ['create a person', (v) => canCreatePerson(v), ['admin']],
  ['update a person', (v) => canUpdatePerson(v, other), ['admin']],
  ['update roles', (v) => canUpdateRoles(v, other), ['admin']],
  ['set roles (removing admin)', (v) => canSetRoles(v, other, ['employee']), ['admin']],
  ['deactivate a person', (v) => canDeactivatePerson(v, other), ['admin']],
  ['reset a password', (v) => canResetPassword(v, other), ['admin']],
  ["update someone else's profile", (v) => canUpdateOwnProfile(v, other), []],
  ["see someone else's roles", (v) => canSeeRoles(v, other), ['admin']],
  ['manage units', (v) => canManageUnits(v), ['admin']],
  ['manage locations', (v) => canManageLocations(v), ['admin']],
  ['delete an empty unit', (v) => canDeleteUnit(v, { peopleCount: 0, childCount: 0 }), ['admin']],
  ['delete a unit with people', (v) => canDeleteUnit(v, { peopleCount: 1, childCount: 0 }), []],
  ['delete a unit with sub-units', (v) => canDeleteUnit(v, { peopleCount: 0, childCount: 2 }), []],
  ['read the audit log', (v) => canReadAudit(v), ['admin']],
];

describe('people and org policy table (other person)', () => {
  for (const [action, check, allowed] of table) {
    for (const role of Object.keys(viewers)) {
      const expected = allowed.includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(check(viewer(role))).toBe(expected);
      });
    }
  }
});

describe('acting on oneself', () => {
  for (const role of Object.keys(viewers)) {
    const v = viewer(role);
    const self = { id: v.id, active: true };
    const admin = role === 'admin';
    it(`${role}: own profile, own roles visible, inactive self visible`, () => {
      expect(canUpdateOwnProfile(v, self)).toBe(true);
      expect(canSeeRoles(v, self)).toBe(true);
      expect(canViewPerson(v, { id: v.id, active: false })).toBe(true);
    });
    it(`${role}: never deactivates themselves`, () => {
      expect(canDeactivatePerson(v, self)).toBe(false);
    });
    it(`${role}: ${admin ? 'may add roles but never drop admin' : 'may not change own roles'}`, () => {
      expect(canSetRoles(v, self, ['employee'])).toBe(false);
      expect(canSetRoles(v, self, ['employee', 'admin', 'hr'])).toBe(admin);
    });
    it(`${role}: abilities match the policy`, () => {
      expect(personAbilities(v, self)).toEqual({
        update: admin,
        updateRoles: admin,
        deactivate: false,
        updateOwnProfile: true,
        resetPassword: admin,
      });
    });
  }
});
