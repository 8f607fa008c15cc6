import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/people/roles';
import { canEditEntitlement, canManageLeave, canReadBalance } from './hr.policy';

const SUBJECT = 'p-subject';
const LEADER = 'p-leader';
const TOP = 'p-top';
const chainLeaderIds = [TOP, LEADER];

type Who = 'self' | 'leader' | 'top-leader' | 'colleague';
const idOf: Record<Who, string> = {
  self: SUBJECT,
  leader: LEADER,
  'top-leader': TOP,
  colleague: 'p-other',
};

const cases: { who: Who; roles: Role[]; read: boolean; manage: boolean }[] = [];
for (const who of ['self', 'leader', 'top-leader', 'colleague'] as Who[]) {
  for (const roles of [['employee'], ['hr'], ['admin'], ['editor'], ['mover']] as Role[][]) {
    const manage = roles.includes('hr');
    cases.push({ who, roles, manage, read: manage || who !== 'colleague' });
  }
}

describe('hr.policy: who manages leave and reads a balance', () => {
  it.each(cases)('$who with $roles: read $read, manage $manage', ({ who, roles, read, manage }) => {
    const viewer = { id: idOf[who], roles };
    expect(canReadBalance(viewer, { personId: SUBJECT, chainLeaderIds })).toBe(read);
    expect(canManageLeave(viewer)).toBe(manage);
    expect(canEditEntitlement(viewer)).toBe(manage);
  });

  it('a leader of another unit chain reads nothing', () => {
    expect(
      canReadBalance(
        { id: LEADER, roles: ['employee'] },
        { personId: SUBJECT, chainLeaderIds: [TOP] },
      ),
    ).toBe(false);
  });
});
