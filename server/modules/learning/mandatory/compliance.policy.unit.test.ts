import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/people/roles';
import {
  assignmentAbilities,
  canManageAssignments,
  canSeeDashboard,
  canSeeOfficePeople,
  canSeeOfficeRow,
  peopleScope,
  type ComplianceViewer,
} from './compliance.policy';

// Org: city > officeA > teamA1 > groupA11 ; city > officeB > teamB1
const chains = new Map<string, string[]>([
  ['officeA', ['officeA']],
  ['teamA1', ['officeA', 'teamA1']],
  ['groupA11', ['officeA', 'teamA1', 'groupA11']],
  ['officeB', ['officeB']],
  ['teamB1', ['officeB', 'teamB1']],
]);
const officeOf = (u: string) => chains.get(u)?.[0] ?? '';

const viewer = (roles: Role[], leads: string[] = []): ComplianceViewer => ({
  id: 'v',
  roles,
  leads,
});
const ledOffices = (v: ComplianceViewer) => new Set(v.leads.map(officeOf));
const ledChains = (v: ComplianceViewer) =>
  new Map(v.leads.map((id) => [id, chains.get(id) ?? [id]] as const));

const hr = viewer(['employee', 'hr']);
const admin = viewer(['employee', 'admin']);
const employee = viewer(['employee']);
const officeALeader = viewer(['employee'], ['officeA']);
const teamA1Leader = viewer(['employee'], ['teamA1']);
const groupLeader = viewer(['employee'], ['groupA11']);
const hrAndLeader = viewer(['employee', 'hr'], ['teamB1']);

describe('compliance policy: table', () => {
  const cases: {
    name: string;
    v: ComplianceViewer;
    manage: boolean;
    dashboard: boolean;
    rows: Record<'officeA' | 'officeB', boolean>;
    people: Record<string, string[] | null>;
  }[] = [
    {
      name: 'hr',
      v: hr,
      manage: true,
      dashboard: true,
      rows: { officeA: true, officeB: true },
      people: {
        officeA: ['officeA'],
        teamA1: ['teamA1'],
        groupA11: ['groupA11'],
        officeB: ['officeB'],
        teamB1: ['teamB1'],
      },
    },
    {
      name: 'admin (no learning rights by that role)',
      v: admin,
      manage: false,
      dashboard: false,
      rows: { officeA: false, officeB: false },
      people: { officeA: null, teamA1: null, groupA11: null, officeB: null, teamB1: null },
    },
    {
      name: 'employee',
      v: employee,
      manage: false,
      dashboard: false,
      rows: { officeA: false, officeB: false },
      people: { officeA: null, teamA1: null, groupA11: null, officeB: null, teamB1: null },
    },
    {
      name: 'office leader',
      v: officeALeader,
      manage: false,
      dashboard: true,
      rows: { officeA: true, officeB: false },
      people: {
        officeA: ['officeA'],
        teamA1: ['teamA1'],
        groupA11: ['groupA11'],
        officeB: null,
        teamB1: null,
      },
    },
    {
      name: 'team leader inside an office',
      v: teamA1Leader,
      manage: false,
      dashboard: true,
      rows: { officeA: true, officeB: false },
      people: {
        officeA: ['teamA1'],
        teamA1: ['teamA1'],
        groupA11: ['groupA11'],
        officeB: null,
        teamB1: null,
      },
    },
    {
      name: 'group leader',
      v: groupLeader,
      manage: false,
      dashboard: true,
      rows: { officeA: true, officeB: false },
      people: {
        officeA: ['groupA11'],
        teamA1: ['groupA11'],
        groupA11: ['groupA11'],
        officeB: null,
        teamB1: null,
      },
    },
    {
      name: 'hr who also leads a team',
      v: hrAndLeader,
      manage: true,
      dashboard: true,
      rows: { officeA: true, officeB: true },
      people: {
        officeA: ['officeA'],
        teamA1: ['teamA1'],
        groupA11: ['groupA11'],
        officeB: ['officeB'],
        teamB1: ['teamB1'],
      },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      expect(canManageAssignments(c.v)).toBe(c.manage);
      expect(assignmentAbilities(c.v).edit).toBe(c.manage);
      expect(canSeeDashboard(c.v)).toBe(c.dashboard);
      expect(assignmentAbilities(c.v).seePeople).toBe(c.dashboard);
      for (const office of ['officeA', 'officeB'] as const) {
        expect(canSeeOfficeRow(c.v, office, ledOffices(c.v)), office).toBe(c.rows[office]);
        expect(canSeeOfficePeople(c.v, office, ledOffices(c.v)), office).toBe(c.rows[office]);
      }
      for (const [unit, expected] of Object.entries(c.people)) {
        const scope = peopleScope(c.v, chains.get(unit) ?? [], ledChains(c.v));
        expect(scope?.roots ?? null, unit).toEqual(expected);
      }
    });
  }

  it('an empty target chain is nobody', () => {
    expect(peopleScope(hr, [], new Map())).toBeNull();
  });
});
