import { describe, expect, it } from 'vitest';
import type { CourseAbilities } from '@shared/learning/types';
import type { CourseMeta } from './course-index';
import {
  canCreateCourse,
  canManageCategories,
  courseAbilities,
  isAuthor,
  mayKnowCourse,
  type CourseFacts,
  type CourseViewer,
} from './course.policy';

const TRAINER = 'a00000000000000000000001';
const OTHER_TRAINER = 'a00000000000000000000002';

function course(over: Partial<CourseMeta>): CourseMeta {
  return {
    id: 'c00000000000000000000001',
    clientId: 'x',
    kind: 'course',
    status: 'published',
    title: 'T',
    summary: '',
    description: '',
    categoryId: null,
    tags: [],
    language: 'de',
    estimatedMinutes: null,
    imageId: null,
    audience: { units: [], roles: [], locationIds: [] },
    trainerIds: [TRAINER],
    completion: { allLessons: true, quizzesPassed: true },
    costCents: 0,
    hrConfirmationAlways: false,
    version: 1,
    publishedAt: new Date(),
    publishedBy: null,
    createdBy: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    rev: 0,
    lessonCount: 1,
    searchKey: 't',
    ...over,
  };
}

const courses = {
  draft: course({ status: 'draft', version: 0, publishedAt: null, lessonCount: 0 }),
  published: course({}),
  // Abilities do not depend on the draft's content: a newer draft changes nothing for learners.
  publishedWithDraft: course({ version: 2, rev: 7 }),
  archived: course({ status: 'archived' }),
};
type CourseCase = keyof typeof courses;

const none: CourseFacts = { inAudience: false, assigned: false, enrolled: false };
const viewers: Record<string, { viewer: CourseViewer; facts: CourseFacts }> = {
  hr: { viewer: { id: 'h1', roles: ['employee', 'hr'] }, facts: none },
  trainerOfThis: { viewer: { id: TRAINER, roles: ['employee'] }, facts: none },
  trainerOfOther: { viewer: { id: OTHER_TRAINER, roles: ['employee'] }, facts: none },
  learnerInAudience: {
    viewer: { id: 'l1', roles: ['employee'] },
    facts: { ...none, inAudience: true },
  },
  learnerOutside: { viewer: { id: 'l2', roles: ['employee'] }, facts: none },
  learnerAssigned: {
    viewer: { id: 'l3', roles: ['employee'] },
    facts: { ...none, assigned: true },
  },
  enrolled: {
    viewer: { id: 'l4', roles: ['employee'] },
    facts: { inAudience: true, assigned: false, enrolled: true },
  },
  adminWithoutHr: {
    viewer: { id: 'ad', roles: ['employee', 'admin'] },
    facts: { ...none, inAudience: true },
  },
  manager: { viewer: { id: 'm1', roles: ['employee'] }, facts: { ...none, inAudience: true } },
};

const ALL: (keyof CourseAbilities)[] = [
  'view',
  'enrol',
  'edit',
  'publish',
  'archive',
  'administer',
  'seeLearners',
  'announce',
  'discuss',
  'manageSessions',
];

const HR_LIVE = [
  'view',
  'edit',
  'publish',
  'archive',
  'administer',
  'seeLearners',
  'announce',
  'discuss',
];
const TRAINER_LIVE = ['view', 'edit', 'publish', 'seeLearners', 'announce', 'discuss'];

// viewer → course → the abilities granted (everything else must be false).
const expected: Record<string, Record<CourseCase, string[]>> = {
  hr: {
    draft: ['view', 'edit', 'publish', 'archive', 'administer', 'seeLearners'],
    published: HR_LIVE,
    publishedWithDraft: HR_LIVE,
    archived: ['view', 'archive', 'seeLearners'],
  },
  trainerOfThis: {
    draft: ['view', 'edit', 'publish', 'seeLearners'],
    published: TRAINER_LIVE,
    publishedWithDraft: TRAINER_LIVE,
    archived: ['view', 'seeLearners'],
  },
  trainerOfOther: { draft: [], published: [], publishedWithDraft: [], archived: [] },
  learnerInAudience: {
    draft: [],
    published: ['view', 'enrol'],
    publishedWithDraft: ['view', 'enrol'],
    archived: [],
  },
  learnerOutside: { draft: [], published: [], publishedWithDraft: [], archived: [] },
  learnerAssigned: {
    draft: [],
    published: ['view', 'enrol'],
    publishedWithDraft: ['view', 'enrol'],
    archived: [],
  },
  enrolled: {
    draft: [],
    published: ['view', 'enrol', 'discuss'],
    publishedWithDraft: ['view', 'enrol', 'discuss'],
    archived: ['view'],
  },
  adminWithoutHr: {
    draft: [],
    published: ['view', 'enrol'],
    publishedWithDraft: ['view', 'enrol'],
    archived: [],
  },
  manager: {
    draft: [],
    published: ['view', 'enrol'],
    publishedWithDraft: ['view', 'enrol'],
    archived: [],
  },
};

describe('courseAbilities: the full table', () => {
  for (const [who, { viewer, facts }] of Object.entries(viewers)) {
    for (const which of Object.keys(courses) as CourseCase[]) {
      it(`${who} × ${which}`, () => {
        const a = courseAbilities(viewer, courses[which], facts);
        const granted = expected[who]?.[which] ?? [];
        for (const ability of ALL) {
          expect({ ability, value: a[ability] }).toEqual({
            ability,
            value: granted.includes(ability),
          });
        }
        // 404 rule: nobody learns about a course they may neither view nor edit.
        expect(mayKnowCourse(a)).toBe(granted.includes('view') || granted.includes('edit'));
      });
    }
  }
});

describe('courseAbilities: trainings', () => {
  const training = course({ kind: 'training' });
  it('authors manage sessions; nobody enrols (registration instead)', () => {
    const hr = courseAbilities(viewers.hr!.viewer, training, none);
    const trainer = courseAbilities(viewers.trainerOfThis!.viewer, training, none);
    const learner = courseAbilities(viewers.learnerInAudience!.viewer, training, {
      ...none,
      inAudience: true,
    });
    expect(hr.manageSessions).toBe(true);
    expect(trainer.manageSessions).toBe(true);
    expect(learner.manageSessions).toBe(false);
    expect(learner.enrol).toBe(false);
    expect(learner.view).toBe(true);
  });
  it('no session management on an archived training', () => {
    const a = courseAbilities(
      viewers.hr!.viewer,
      course({ kind: 'training', status: 'archived' }),
      none,
    );
    expect(a.manageSessions).toBe(false);
  });
});

describe('role checks', () => {
  it('only HR creates courses and manages categories', () => {
    expect(canCreateCourse(['employee', 'hr'])).toBe(true);
    expect(canManageCategories(['hr'])).toBe(true);
    for (const roles of [['employee'], ['admin'], ['editor'], ['mover'], []]) {
      expect(canCreateCourse(roles)).toBe(false);
      expect(canManageCategories(roles)).toBe(false);
    }
  });
  it('authors are HR and the course trainers', () => {
    expect(isAuthor(viewers.hr!.viewer, courses.published)).toBe(true);
    expect(isAuthor(viewers.trainerOfThis!.viewer, courses.published)).toBe(true);
    expect(isAuthor(viewers.trainerOfOther!.viewer, courses.published)).toBe(false);
    expect(isAuthor(viewers.adminWithoutHr!.viewer, courses.published)).toBe(false);
  });
});
