import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/people/roles';
import type { RoomRole, RoomVisibility } from '@shared/rooms/schemas';
import type { RoomAbilities } from '@shared/rooms/types';
import {
  canChangeRole,
  canCreateRoom,
  canJoin,
  canLeave,
  canRemoveMember,
  roomAbilities,
  roomItemAbilities,
  type RoomPolicySubject,
} from './rooms.policy';

const all: (keyof RoomAbilities)[] = [
  'view',
  'read',
  'join',
  'requestJoin',
  'leave',
  'contribute',
  'moderate',
  'manageMembers',
  'update',
  'administer',
  'archive',
  'restore',
];

interface Viewer {
  roles: Role[];
  role: RoomRole | null;
  pending: boolean;
  /** Owners in the room (the "last owner" case has 1). */
  owners: number;
}

const viewers: Record<string, Viewer> = {
  nonMember: { roles: ['employee'], role: null, pending: false, owners: 2 },
  member: { roles: ['employee'], role: 'member', pending: false, owners: 2 },
  moderator: { roles: ['employee'], role: 'moderator', pending: false, owners: 2 },
  owner: { roles: ['mover'], role: 'owner', pending: false, owners: 2 },
  lastOwner: { roles: ['mover'], role: 'owner', pending: false, owners: 1 },
  adminNonMember: { roles: ['admin', 'employee'], role: null, pending: false, owners: 2 },
  pendingRequester: { roles: ['employee'], role: null, pending: true, owners: 2 },
};

const rooms: Record<string, { visibility: RoomVisibility; archived: boolean }> = {
  open: { visibility: 'open', archived: false },
  closed: { visibility: 'closed', archived: false },
  secret: { visibility: 'secret', archived: false },
  archivedOpen: { visibility: 'open', archived: true },
  archivedSecret: { visibility: 'secret', archived: true },
};

const live = {
  member: 'view read leave contribute',
  moderator: 'view read leave contribute moderate manageMembers update',
  owner: 'view read leave contribute moderate manageMembers update administer archive',
  lastOwner: 'view read contribute moderate manageMembers update administer archive',
};
const archived = {
  member: 'view read leave',
  moderator: 'view read leave',
  owner: 'view read leave restore',
  lastOwner: 'view read restore',
};

/** room → viewer → the abilities that are true (every other one must be false). */
const expected: Record<string, Record<string, string>> = {
  open: {
    nonMember: 'view join',
    ...live,
    adminNonMember: 'view join',
    pendingRequester: 'view join',
  },
  closed: {
    nonMember: 'view requestJoin',
    ...live,
    adminNonMember: 'view requestJoin',
    pendingRequester: 'view',
  },
  secret: { nonMember: '', ...live, adminNonMember: '', pendingRequester: '' },
  archivedOpen: {
    nonMember: 'view',
    ...archived,
    adminNonMember: 'view',
    pendingRequester: 'view',
  },
  archivedSecret: { nonMember: '', ...archived, adminNonMember: '', pendingRequester: '' },
};

describe('roomAbilities: the full table', () => {
  for (const [roomName, room] of Object.entries(rooms)) {
    for (const [viewerName, v] of Object.entries(viewers)) {
      it(`${viewerName} in a ${roomName} room`, () => {
        const subject: RoomPolicySubject = { ...room, ownerCount: v.owners };
        const got = roomAbilities({ id: 'p1', roles: v.roles }, subject, v.role, v.pending);
        const want = new Set(expected[roomName]?.[viewerName]?.split(' ').filter(Boolean));
        expect(Object.keys(got).sort()).toEqual([...all].sort());
        for (const ability of all) {
          expect({ ability, allowed: got[ability] }).toEqual({
            ability,
            allowed: want.has(ability),
          });
        }
      });
    }
  }

  it('covers every room and viewer in the expectations', () => {
    for (const r of Object.keys(rooms)) {
      expect(Object.keys(expected[r] ?? {}).sort()).toEqual(Object.keys(viewers).sort());
    }
  });
});

describe('roomItemAbilities', () => {
  const open = (role: RoomRole | null) =>
    roomAbilities(
      { id: 'me', roles: ['employee'] },
      { visibility: 'open', archived: false, ownerCount: 1 },
      role,
      false,
    );
  const shut = (role: RoomRole | null) =>
    roomAbilities(
      { id: 'me', roles: ['employee'] },
      { visibility: 'open', archived: true, ownerCount: 1 },
      role,
      false,
    );

  it('the author edits and deletes their own item', () => {
    expect(roomItemAbilities(open('member'), 'me', 'me')).toEqual({ edit: true, delete: true });
  });
  it('another member neither edits nor deletes', () => {
    expect(roomItemAbilities(open('member'), 'me', 'other')).toEqual({
      edit: false,
      delete: false,
    });
  });
  it('a moderator deletes but does not edit others’ items', () => {
    expect(roomItemAbilities(open('moderator'), 'me', 'other')).toEqual({
      edit: false,
      delete: true,
    });
    expect(roomItemAbilities(open('owner'), 'me', 'other')).toEqual({ edit: false, delete: true });
  });
  it('a non-member does nothing, even with a matching author id', () => {
    expect(roomItemAbilities(open(null), 'me', 'me')).toEqual({ edit: false, delete: false });
  });
  it('nobody edits or deletes in an archived room', () => {
    for (const role of ['member', 'moderator', 'owner'] as const) {
      expect(roomItemAbilities(shut(role), 'me', 'me')).toEqual({ edit: false, delete: false });
      expect(roomItemAbilities(shut(role), 'me', 'other')).toEqual({ edit: false, delete: false });
    }
  });
  it('an unknown author (deleted person) is nobody', () => {
    expect(roomItemAbilities(open('member'), 'me', null)).toEqual({ edit: false, delete: false });
  });
});

describe('canCreateRoom', () => {
  it.each([
    [['mover'], true],
    [['editor'], true],
    [['admin'], true],
    [['employee', 'mover'], true],
    [['employee'], false],
    [['hr'], false],
    [[], false],
  ] as [Role[], boolean][])('%j → %s', (roles, want) => {
    expect(canCreateRoom(roles)).toBe(want);
  });
});

describe('member management', () => {
  const manage = { manageMembers: true };
  const cannot = { manageMembers: false };
  it('moderators remove members and moderators, never owners', () => {
    expect(canRemoveMember(manage, 'moderator', 'member')).toBe(true);
    expect(canRemoveMember(manage, 'moderator', 'moderator')).toBe(true);
    expect(canRemoveMember(manage, 'moderator', 'owner')).toBe(false);
  });
  it('owners remove anyone', () => {
    expect(canRemoveMember(manage, 'owner', 'owner')).toBe(true);
  });
  it('without manageMembers nothing', () => {
    expect(canRemoveMember(cannot, 'owner', 'member')).toBe(false);
    expect(canChangeRole(cannot, 'owner', 'member', 'moderator')).toBe(false);
  });
  it('moderators neither make nor demote owners', () => {
    expect(canChangeRole(manage, 'moderator', 'member', 'moderator')).toBe(true);
    expect(canChangeRole(manage, 'moderator', 'moderator', 'member')).toBe(true);
    expect(canChangeRole(manage, 'moderator', 'member', 'owner')).toBe(false);
    expect(canChangeRole(manage, 'moderator', 'owner', 'member')).toBe(false);
  });
  it('owners hand over', () => {
    expect(canChangeRole(manage, 'owner', 'member', 'owner')).toBe(true);
    expect(canChangeRole(manage, 'owner', 'owner', 'member')).toBe(true);
  });
});

describe('joining and leaving (the services ask these under the membership lock)', () => {
  it.each([
    ['open', false, null, true],
    ['open', true, null, false],
    ['closed', false, null, false],
    ['secret', false, null, false],
    ['open', false, 'member', false],
  ] as [RoomVisibility, boolean, RoomRole | null, boolean][])(
    'canJoin %s room (archived %s) as %s → %s',
    (visibility, archived, role, want) => {
      expect(canJoin({ visibility, archived }, role)).toBe(want);
    },
  );
  it.each([
    [null, 2, false],
    ['member', 1, true],
    ['moderator', 1, true],
    ['owner', 2, true],
    ['owner', 1, false],
  ] as [RoomRole | null, number, boolean][])(
    'canLeave as %s with %i owners → %s',
    (role, n, want) => {
      expect(canLeave(role, n)).toBe(want);
    },
  );
});

describe('own role changes only go down', () => {
  const manage = { manageMembers: true };
  it('an owner steps down to moderator or member', () => {
    expect(canChangeRole(manage, 'owner', 'owner', 'moderator', true)).toBe(true);
    expect(canChangeRole(manage, 'owner', 'owner', 'member', true)).toBe(true);
  });
  it('a moderator steps down, never up', () => {
    expect(canChangeRole(manage, 'moderator', 'moderator', 'member', true)).toBe(true);
    expect(canChangeRole(manage, 'moderator', 'moderator', 'owner', true)).toBe(false);
  });
  it('an owner cannot raise themselves (no change anyway) and others are not "self"', () => {
    expect(canChangeRole(manage, 'owner', 'member', 'owner', true)).toBe(false);
    expect(canChangeRole(manage, 'owner', 'member', 'owner', false)).toBe(true);
  });
});
