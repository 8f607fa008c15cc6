import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '@shared/people/roles';
import type { SpaceRole } from '@shared/wiki/schemas';
import type { PageAbilities } from '@shared/wiki/types';
import type { PageMeta, SpaceMeta } from './page-index';
import {
  pageAbilities,
  setRoomRoleResolver,
  spaceAbilities,
  spaceRole,
  type PolicyViewer,
  type RoomRole,
} from './wiki.policy';

const UNIT_OFFICE = 'a'.repeat(24);
const UNIT_DEPT = 'b'.repeat(24);
const UNIT_OTHER = 'c'.repeat(24);

const viewer = (
  id: string,
  unitChain: string[] = [],
  roles: Role[] = ['employee'],
): PolicyViewer => ({
  id,
  roles,
  subject: {
    id,
    unitId: unitChain.at(-1) ?? null,
    unitChain,
    roles,
    locationId: null,
    isManager: false,
  },
});

// The audience: the office with its sub-units, default role commenter.
const space: SpaceMeta = {
  id: 's1',
  key: 'k',
  name: 'S',
  description: '',
  kind: 'office',
  roomId: null,
  audience: { units: [{ unitId: UNIT_OFFICE, withSubunits: true }], roles: [], locationIds: [] },
  defaultRole: 'commenter',
  approvalRequired: true,
  members: [
    { personId: 'spaceadmin', role: 'admin' },
    { personId: 'editor', role: 'editor' },
    { personId: 'reader-x', role: 'reader' },
    { personId: 'outside-editor', role: 'editor' },
  ],
  createdBy: null,
  updatedAt: new Date(),
  rev: 0,
};

const people = {
  admin: viewer('admin', [UNIT_OTHER], ['employee', 'admin']),
  spaceadmin: viewer('spaceadmin', [UNIT_OFFICE]),
  editor: viewer('editor', [UNIT_OFFICE, UNIT_DEPT]),
  commenter: viewer('commenter', [UNIT_OFFICE, UNIT_DEPT]),
  readerX: viewer('reader-x', [UNIT_OFFICE]),
  outsideEditor: viewer('outside-editor', [UNIT_OTHER]),
  outsider: viewer('outsider', [UNIT_OTHER]),
};

const page = (over: Partial<PageMeta> = {}): PageMeta => ({
  id: 'p',
  spaceId: 's1',
  parentId: null,
  order: 0,
  title: 't',
  ownerId: null,
  reviewBy: null,
  reviewRemindedFor: null,
  restriction: null,
  archived: false,
  archivedAt: null,
  archivedBy: null,
  archiveRootId: null,
  isTemplate: false,
  review: { state: 'none', requestedBy: null, requestedAt: null, comment: null },
  publishedAt: null,
  createdAt: new Date(),
  createdBy: 'editor',
  updatedAt: new Date(),
  updatedBy: null,
  links: [],
  rev: 0,
  ...over,
});

type Flags = Array<keyof PageAbilities>;
const only = (...flags: Flags): PageAbilities => {
  const all: PageAbilities = {
    read: false,
    comment: false,
    edit: false,
    organise: false,
    restrict: false,
    review: false,
    viewDraft: false,
    restore: false,
  };
  for (const f of flags) all[f] = true;
  return all;
};

const abilitiesOf = (v: PolicyViewer, p: PageMeta, ancestors: PageMeta[] = []) =>
  pageAbilities(spaceRole(space, v), p, ancestors, v);

afterEach(() => setRoomRoleResolver(null));

describe('space roles', () => {
  it.each<[keyof typeof people, SpaceRole | null]>([
    ['admin', 'admin'],
    ['spaceadmin', 'admin'],
    ['editor', 'editor'],
    ['commenter', 'commenter'], // via audience default
    ['readerX', 'reader'], // explicit role below the default wins
    ['outsideEditor', 'editor'], // explicit member outside the audience
    ['outsider', null],
  ])('%s → %s', (who, role) => {
    expect(spaceRole(space, people[who])).toBe(role);
  });

  it('space abilities follow the role', () => {
    expect(spaceAbilities(null)).toEqual({
      read: false,
      comment: false,
      edit: false,
      manage: false,
    });
    expect(spaceAbilities('reader')).toEqual({
      read: true,
      comment: false,
      edit: false,
      manage: false,
    });
    expect(spaceAbilities('commenter')).toEqual({
      read: true,
      comment: true,
      edit: false,
      manage: false,
    });
    expect(spaceAbilities('editor')).toEqual({
      read: true,
      comment: true,
      edit: true,
      manage: false,
    });
    expect(spaceAbilities('admin')).toEqual({
      read: true,
      comment: true,
      edit: true,
      manage: true,
    });
  });

  it('an empty audience is everyone', () => {
    const open = { ...space, audience: { units: [], roles: [], locationIds: [] } };
    expect(spaceRole(open, people.outsider)).toBe('commenter');
  });
});

describe('page abilities on a normal page', () => {
  const p = page({ ownerId: 'editor' });
  it.each<[keyof typeof people, PageAbilities]>([
    ['admin', only('read', 'comment', 'edit', 'organise', 'restrict', 'viewDraft')],
    ['spaceadmin', only('read', 'comment', 'edit', 'organise', 'restrict', 'viewDraft')],
    // The owner with the editor role may restrict.
    ['editor', only('read', 'comment', 'edit', 'organise', 'restrict', 'viewDraft')],
    ['commenter', only('read', 'comment')],
    ['readerX', only('read')],
    ['outsideEditor', only('read', 'comment', 'edit', 'organise', 'viewDraft')],
    ['outsider', only()],
  ])('%s', (who, expected) => {
    expect(abilitiesOf(people[who], p)).toEqual(expected);
  });

  it('a commenter who owns a page cannot restrict it', () => {
    expect(abilitiesOf(people.commenter, page({ ownerId: 'commenter' })).restrict).toBe(false);
  });
});

describe('archived page', () => {
  const p = page({ archived: true, archivedBy: 'outside-editor', archiveRootId: 'p' });
  it.each<[keyof typeof people, PageAbilities]>([
    ['spaceadmin', only('read', 'viewDraft', 'restore')],
    ['editor', only('read', 'viewDraft')], // archived by someone else
    ['outsideEditor', only('read', 'viewDraft', 'restore')], // archived it
    ['commenter', only('read')],
    ['readerX', only('read')],
    ['outsider', only()],
  ])('%s', (who, expected) => {
    expect(abilitiesOf(people[who], p)).toEqual(expected);
  });
});

describe('template page', () => {
  const p = page({ isTemplate: true });
  it('editors manage templates, commenters only read and comment', () => {
    expect(abilitiesOf(people.editor, p).edit).toBe(true);
    expect(abilitiesOf(people.editor, p).organise).toBe(true);
    expect(abilitiesOf(people.commenter, p)).toEqual(only('read', 'comment'));
    expect(abilitiesOf(people.outsider, p)).toEqual(only());
  });
});

describe('review pending', () => {
  const review = {
    state: 'pending' as const,
    requestedBy: 'spaceadmin',
    requestedAt: new Date(),
    comment: null,
  };
  it('another space admin may review, the requester may not', () => {
    expect(abilitiesOf(people.admin, page({ review })).review).toBe(true);
    expect(abilitiesOf(people.spaceadmin, page({ review })).review).toBe(false);
    expect(abilitiesOf(people.editor, page({ review })).review).toBe(false);
    expect(abilitiesOf(people.commenter, page({ review })).review).toBe(false);
  });
  it('nothing to review without a pending request', () => {
    expect(abilitiesOf(people.admin, page()).review).toBe(false);
    const rejected = { ...review, state: 'rejected' as const };
    expect(abilitiesOf(people.admin, page({ review: rejected })).review).toBe(false);
  });
});

describe('restrictions along the ancestor chain', () => {
  const restricted = page({
    id: 'root',
    restriction: { personIds: ['commenter'], unitIds: [UNIT_DEPT] },
  });
  const child = page({ id: 'child', parentId: 'root' });

  it.each<[string, PolicyViewer, boolean]>([
    ['listed person', people.commenter, true],
    ['member of a listed unit', people.editor, true],
    [
      'member of a sub-unit of a listed unit',
      viewer('sub', [UNIT_OFFICE, UNIT_DEPT, 'd'.repeat(24)]),
      true,
    ],
    ['in the audience but not listed', people.readerX, false],
    ['explicit editor not listed', people.outsideEditor, false],
    ['space admin not listed', people.spaceadmin, true],
    ['portal admin', people.admin, true],
    ['outsider even if listed', viewer('outsider', [UNIT_DEPT]), false],
  ])('%s: reads page %s', (_label, v, reads) => {
    expect(abilitiesOf(v, restricted).read).toBe(reads);
    // Sub-pages inherit the restriction.
    expect(abilitiesOf(v, child, [restricted]).read).toBe(reads);
  });

  it('a restriction deeper down narrows further', () => {
    const deeper = page({
      id: 'deep',
      parentId: 'root',
      restriction: { personIds: ['commenter'], unitIds: [] },
    });
    expect(abilitiesOf(people.commenter, deeper, [restricted]).read).toBe(true);
    expect(abilitiesOf(people.editor, deeper, [restricted]).read).toBe(false);
  });

  it('listed readers still need the editor role to edit', () => {
    expect(abilitiesOf(people.commenter, restricted)).toEqual(only('read', 'comment'));
    expect(abilitiesOf(people.editor, restricted).edit).toBe(true);
  });
});

describe('room spaces', () => {
  const room = { ...space, roomId: 'room1', members: [], audience: space.audience };
  const resolver =
    (roles: Record<string, RoomRole | 'viewer'>) => (roomId: string, personId: string) =>
      roomId === 'room1' ? (roles[personId] ?? null) : null;

  it('without a resolver nobody has a role, not even portal admins', () => {
    expect(spaceRole(room, people.admin)).toBeNull();
    expect(spaceRole(room, people.commenter)).toBeNull();
  });

  it.each<[RoomRole | 'viewer' | 'none', SpaceRole | null, Flags]>([
    ['owner', 'admin', ['read', 'comment', 'edit', 'organise', 'restrict', 'viewDraft']],
    ['moderator', 'admin', ['read', 'comment', 'edit', 'organise', 'restrict', 'viewDraft']],
    ['member', 'editor', ['read', 'comment', 'edit', 'organise', 'viewDraft']],
    // Any member of an archived room: reads only.
    ['viewer', 'reader', ['read']],
    ['none', null, []],
  ])('room %s → %s', (roomRole, role, flags) => {
    setRoomRoleResolver(resolver(roomRole === 'none' ? {} : { x: roomRole }));
    const v = viewer('x', [UNIT_OFFICE]);
    expect(spaceRole(room, v)).toBe(role);
    expect(pageAbilities(spaceRole(room, v), page(), [], v)).toEqual(only(...flags));
  });

  it('portal admins are not admins of room spaces', () => {
    setRoomRoleResolver(resolver({}));
    expect(spaceRole(room, people.admin)).toBeNull();
  });
});
