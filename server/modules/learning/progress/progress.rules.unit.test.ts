import { describe, expect, it } from 'vitest';
import type { StoredContent, StoredLesson, StoredQuiz } from '../courses/content';
import { gradeQuiz, percentFor, resumeLessonOf, ruleHolds } from './progress.rules';

const quiz: StoredQuiz = {
  passingScore: 50,
  maxAttempts: 2,
  questions: [
    {
      id: 'q-single',
      kind: 'single',
      text: 'One',
      feedback: '',
      options: [
        { id: 'o-a', text: 'A', correct: true },
        { id: 'o-b', text: 'B', correct: false },
      ],
    },
    {
      id: 'q-multi',
      kind: 'multiple',
      text: 'Many',
      feedback: '',
      options: [
        { id: 'o-c', text: 'C', correct: true },
        { id: 'o-d', text: 'D', correct: true },
        { id: 'o-e', text: 'E', correct: false },
      ],
    },
  ],
};

const lesson = (id: string, type: StoredLesson['type'] = 'text'): StoredLesson => ({
  id,
  type,
  title: id,
  html: '',
  mediaFileId: null,
  captionsFileId: null,
  transcript: '',
  fileIds: [],
  url: null,
  quiz: type === 'quiz' ? quiz : null,
});

const content = (lessons: StoredLesson[]): StoredContent => ({
  courseId: 'c',
  version: 1,
  modules: [{ id: 'module-1', title: 'M', lessons }],
  assessment: [],
  rev: 0,
  updatedAt: new Date(0),
  updatedBy: null,
  baseVersion: 0,
  publishedAt: null,
  publishedBy: null,
});

const enrolment = (done: string[], passed: string[] = []) => ({
  done: Object.fromEntries(done.map((id) => [id, '2026-01-01T00:00:00.000Z'])),
  quizzes: Object.fromEntries(passed.map((id) => [id, { attempts: 1, best: 100, passed: true }])),
  completedAt: null,
  lastLessonId: null,
});

describe('gradeQuiz', () => {
  it('single choice: exactly the right option', () => {
    expect(gradeQuiz(quiz, { 'q-single': ['o-a'] }).questions[0]?.correct).toBe(true);
    expect(gradeQuiz(quiz, { 'q-single': ['o-a', 'o-b'] }).questions[0]?.correct).toBe(false);
    expect(gradeQuiz(quiz, { 'q-single': ['o-b'] }).questions[0]?.correct).toBe(false);
    expect(gradeQuiz(quiz, {}).questions[0]?.correct).toBe(false);
  });
  it('multiple choice: exactly the set of right options', () => {
    const g = (ids: string[]) => gradeQuiz(quiz, { 'q-multi': ids }).questions[1]?.correct;
    expect(g(['o-d', 'o-c'])).toBe(true);
    expect(g(['o-c'])).toBe(false);
    expect(g(['o-c', 'o-d', 'o-e'])).toBe(false);
  });
  it('score = percent right; passed = score ≥ passing score', () => {
    expect(gradeQuiz(quiz, { 'q-single': ['o-a'] })).toMatchObject({ score: 50, passed: true });
    expect(gradeQuiz(quiz, { 'q-single': ['o-b'] })).toMatchObject({ score: 0, passed: false });
    expect(gradeQuiz(quiz, { 'q-single': ['o-a'], 'q-multi': ['o-c', 'o-d'] }).score).toBe(100);
  });
});

describe('percent and completion against the version seen now', () => {
  const v1 = content([lesson('lesson-1'), lesson('lesson-2'), lesson('quiz-1', 'quiz')]);
  const v2 = content([
    lesson('lesson-1'),
    lesson('lesson-2'),
    lesson('quiz-1', 'quiz'),
    lesson('lesson-3'),
  ]);
  it('counts only lessons of the current version', () => {
    const e = enrolment(['lesson-1', 'lesson-2', 'quiz-1', 'removed-1']);
    expect(percentFor(e, v1)).toBe(100);
    expect(percentFor(e, v2)).toBe(75);
    expect(percentFor(e, null)).toBe(0);
  });
  it('all lessons and passed quizzes', () => {
    const rule = { allLessons: true, quizzesPassed: true };
    expect(ruleHolds(rule, enrolment(['lesson-1', 'lesson-2', 'quiz-1']), v1)).toBe(false);
    expect(ruleHolds(rule, enrolment(['lesson-1', 'lesson-2', 'quiz-1'], ['quiz-1']), v1)).toBe(
      true,
    );
    expect(ruleHolds(rule, enrolment(['lesson-1', 'lesson-2', 'quiz-1'], ['quiz-1']), v2)).toBe(
      false,
    );
  });
  it('quizzes only; both off falls back to all lessons; no lessons never completes', () => {
    expect(
      ruleHolds({ allLessons: false, quizzesPassed: true }, enrolment([], ['quiz-1']), v1),
    ).toBe(true);
    expect(
      ruleHolds({ allLessons: false, quizzesPassed: false }, enrolment(['lesson-1']), v1),
    ).toBe(false);
    expect(ruleHolds({ allLessons: true, quizzesPassed: true }, enrolment([]), content([]))).toBe(
      false,
    );
  });
});

describe('resumeLessonOf', () => {
  const c = content([lesson('lesson-1'), lesson('lesson-2'), lesson('lesson-3')]);
  it('the last lesson opened, else the first open one', () => {
    expect(resumeLessonOf({ ...enrolment(['lesson-1']), lastLessonId: 'lesson-3' }, c)?.id).toBe(
      'lesson-3',
    );
    expect(resumeLessonOf({ ...enrolment(['lesson-1']), lastLessonId: 'gone-111' }, c)?.id).toBe(
      'lesson-2',
    );
    expect(resumeLessonOf(enrolment(['lesson-1', 'lesson-2', 'lesson-3']), c)).toBeNull();
  });
});
