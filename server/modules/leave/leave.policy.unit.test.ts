import { describe, expect, it } from 'vitest';
import { leaveStatuses, type LeaveStatus } from '@shared/leave/schemas';
import {
  canDelegate,
  canView,
  leaveAbilities,
  type LeaveFacts,
  type LeaveViewer,
} from './leave.policy';

/**
 * The whole who-can-what table. Letters: v view, d decide, e edit, w withdraw, c cancel (whole,
 * before the start), s shorten (give back the rest of a started leave). Each cell: [before the
 * leave starts, after it started].
 */
const OWNER = 'owner';
const PRIMARY = 'primary';
const DEPUTY = 'deputy';
const ABOVE = 'above';

type Cell = [string, string];
type Row = Record<LeaveStatus, Cell>;
const same = (s: string): Row => Object.fromEntries(leaveStatuses.map((st) => [st, [s, s]])) as Row;

interface Scenario {
  viewer: LeaveViewer;
  /** Changes to the base facts for this scenario. */
  facts?: Partial<LeaveFacts>;
  expected: Row;
}

const decider = { ...same('v'), pending: ['vd', 'vd'], cancel_requested: ['vd', 'vd'] } as Row;
const ownerRow: Row = {
  pending: ['vew', 'vew'],
  approved: ['vc', 'vs'],
  rejected: ['v', 'v'],
  withdrawn: ['v', 'v'],
  cancel_requested: ['v', 'v'],
  cancelled: ['v', 'v'],
};

const scenarios: Record<string, Scenario> = {
  owner: { viewer: { id: OWNER, roles: ['employee'] }, expected: ownerRow },
  'primary approver': { viewer: { id: PRIMARY, roles: ['employee'] }, expected: decider },
  'primary approver while away (may still decide)': {
    viewer: { id: PRIMARY, roles: ['employee'] },
    facts: { effective: DEPUTY },
    expected: decider,
  },
  'deputy while the manager is away or delegated': {
    viewer: { id: DEPUTY, roles: ['employee'] },
    facts: { effective: DEPUTY },
    expected: decider,
  },
  'deputy while the manager is present': {
    viewer: { id: DEPUTY, roles: ['employee'] },
    expected: same(''),
  },
  'leader above in the chain': { viewer: { id: ABOVE, roles: ['employee'] }, expected: same('v') },
  'leader of another unit': {
    viewer: { id: 'other-leader', roles: ['employee'] },
    expected: same(''),
  },
  colleague: { viewer: { id: 'colleague', roles: ['employee'] }, expected: same('') },
  HR: { viewer: { id: 'hr', roles: ['employee', 'hr'] }, expected: same('v') },
  'HR on an escalated request': {
    viewer: { id: 'hr', roles: ['employee', 'hr'] },
    facts: { escalated: true },
    expected: { ...same('v'), pending: ['vd', 'vd'] },
  },
  admin: { viewer: { id: 'admin', roles: ['employee', 'admin'] }, expected: same('') },
  editor: { viewer: { id: 'editor', roles: ['employee', 'editor'] }, expected: same('') },
  // Own request: whatever else the owner is, they never decide it.
  'own request as the recorded primary approver': {
    viewer: { id: OWNER, roles: ['employee'] },
    facts: { primary: OWNER },
    expected: ownerRow,
  },
  'own request as the deputy in charge': {
    viewer: { id: OWNER, roles: ['employee'] },
    facts: { effective: OWNER },
    expected: ownerRow,
  },
  'own escalated request as HR': {
    viewer: { id: OWNER, roles: ['employee', 'hr'] },
    facts: { escalated: true },
    expected: ownerRow,
  },
};

const base = (status: LeaveStatus, started: boolean): LeaveFacts => ({
  personId: OWNER,
  status,
  from: '2025-06-02',
  to: '2025-06-13',
  escalated: false,
  primary: PRIMARY,
  effective: PRIMARY,
  chainLeaders: [PRIMARY, ABOVE],
  today: started ? '2025-06-04' : '2025-05-20',
});

const letters = (v: LeaveViewer, f: LeaveFacts) => {
  const a = leaveAbilities(v, f);
  return [
    canView(v, f) ? 'v' : '',
    a.decide ? 'd' : '',
    a.edit ? 'e' : '',
    a.withdraw ? 'w' : '',
    a.cancel ? 'c' : '',
    a.shorten ? 's' : '',
  ].join('');
};

describe('leave policy: the full table', () => {
  for (const [name, sc] of Object.entries(scenarios)) {
    for (const status of leaveStatuses) {
      for (const [i, started] of [false, true].entries()) {
        it(`${name} · ${status} · ${started ? 'started' : 'not started'}`, () => {
          const f = { ...base(status, started), ...sc.facts };
          expect(letters(sc.viewer, f)).toBe(sc.expected[status][i]);
        });
      }
    }
  }
});

describe('leave policy: edges', () => {
  const owner = { id: OWNER, roles: ['employee'] };
  it('a leave started today cannot be shortened on its first day only', () => {
    const f = {
      ...base('approved', true),
      from: '2025-06-04',
      to: '2025-06-04',
      today: '2025-06-04',
    };
    expect(leaveAbilities(owner, f).shorten).toBe(false);
    expect(leaveAbilities(owner, f).cancel).toBe(false);
    expect(leaveAbilities(owner, { ...f, to: '2025-06-05' }).shorten).toBe(true);
  });
  it('a leave that is over cannot be shortened', () => {
    const f = { ...base('approved', true), today: '2025-06-14' };
    expect(leaveAbilities(owner, f).shorten).toBe(false);
  });
  it('a deputy who is the owner of the request does not decide it as effective approver', () => {
    const f = { ...base('pending', false), effective: OWNER, primary: PRIMARY };
    expect(leaveAbilities(owner, f).decide).toBe(false);
  });
  it('only leaders delegate', () => {
    expect(canDelegate({ leads: [] })).toBe(false);
    expect(canDelegate({ leads: ['u1'] })).toBe(true);
  });
});
