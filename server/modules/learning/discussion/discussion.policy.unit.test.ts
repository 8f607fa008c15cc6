import { describe, expect, it } from 'vitest';
import type { CourseStatus } from '@shared/learning/schemas';
import { abilitiesWithStatus } from '../courses/course.policy';
import {
  canAnnounce,
  canDeleteItem,
  canPostInDiscussion,
  canReadDiscussion,
  isTrainerVoice,
  threadAbilities,
  type DiscussionFacts,
} from './discussion.policy';

const TRAINER = 'a'.repeat(24);
const course = { trainerIds: [TRAINER], kind: 'course' as const, version: 1 };

type Who = 'hr' | 'trainer' | 'enrolled' | 'audience' | 'outsider';
const viewers: Record<
  Who,
  { id: string; roles: string[]; enrolled: boolean; inAudience: boolean }
> = {
  hr: { id: 'h'.repeat(24), roles: ['employee', 'hr'], enrolled: false, inAudience: false },
  trainer: { id: TRAINER, roles: ['employee'], enrolled: false, inAudience: false },
  enrolled: { id: 'e'.repeat(24), roles: ['employee'], enrolled: true, inAudience: true },
  audience: { id: 'b'.repeat(24), roles: ['employee'], enrolled: false, inAudience: true },
  outsider: {
    id: 'c'.repeat(24),
    roles: ['employee', 'admin'],
    enrolled: false,
    inAudience: false,
  },
};

/** The facts as `discussion.access.ts` builds them (S1's abilities for the status). */
function factsFor(who: Who, status: CourseStatus): DiscussionFacts {
  const v = viewers[who];
  const abilities = abilitiesWithStatus(v, course, status, {
    inAudience: v.inAudience,
    assigned: false,
    enrolled: v.enrolled,
  });
  return {
    abilities,
    status,
    enrolled: v.enrolled,
    author: v.roles.includes('hr') || course.trainerIds.includes(v.id),
  };
}

// [who, status, read, post, announce, delete own, delete someone else's]
const table: [Who, CourseStatus, boolean, boolean, boolean, boolean, boolean][] = [
  ['hr', 'published', true, true, true, true, true],
  ['trainer', 'published', true, true, true, true, true],
  ['enrolled', 'published', true, true, false, true, false],
  ['audience', 'published', false, false, false, false, false],
  ['outsider', 'published', false, false, false, false, false],
  ['hr', 'archived', true, false, false, true, true],
  ['trainer', 'archived', true, false, false, true, true],
  ['enrolled', 'archived', true, false, false, false, false],
  ['audience', 'archived', false, false, false, false, false],
  ['outsider', 'archived', false, false, false, false, false],
  ['hr', 'draft', false, false, false, false, false],
  ['trainer', 'draft', false, false, false, false, false],
  ['enrolled', 'draft', false, false, false, false, false],
  ['audience', 'draft', false, false, false, false, false],
  ['outsider', 'draft', false, false, false, false, false],
];

describe('discussion policy (full table)', () => {
  it.each(table)(
    '%s on a %s course: read %s, post %s, announce %s, delete own %s, delete others %s',
    (who, status, read, post, announce, delOwn, delOther) => {
      const f = factsFor(who, status);
      const me = viewers[who];
      expect(canReadDiscussion(f)).toBe(read);
      expect(canPostInDiscussion(f)).toBe(post);
      expect(canAnnounce(f)).toBe(announce);
      expect(canDeleteItem(me, f, { authorId: me.id })).toBe(delOwn);
      expect(canDeleteItem(me, f, { authorId: 'f'.repeat(24) })).toBe(delOther);
      expect(threadAbilities(me, f, { authorId: me.id })).toEqual({ reply: post, delete: delOwn });
    },
  );

  it('a trainer voice is a trainer of this course or HR, decided at reading time', () => {
    expect(isTrainerVoice({ id: TRAINER, roles: ['employee'] }, course)).toBe(true);
    expect(isTrainerVoice({ id: 'h'.repeat(24), roles: ['hr'] }, course)).toBe(true);
    expect(isTrainerVoice({ id: 'e'.repeat(24), roles: ['employee', 'admin'] }, course)).toBe(
      false,
    );
    expect(isTrainerVoice({ id: TRAINER, roles: ['employee'] }, { trainerIds: [] })).toBe(false);
  });
});
