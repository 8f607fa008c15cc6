import type { CompletionRule } from '@shared/learning/schemas';
import {
  lessonsOf,
  type StoredContent,
  type StoredLesson,
  type StoredQuiz,
} from '../courses/content';
import type { StoredEnrolment } from './learner.model';

/**
 * The pure rules of learning progress: percent, completion, quiz grading, where to resume.
 * Progress is kept per lesson id, and lesson ids survive new versions, so these rules always look
 * at the version the learner sees now: kept lessons stay done, new ones are open, removed ones no
 * longer count.
 */

/** 0..100: lessons of the current version done (quizzes count as done once submitted). */
export function percentFor(
  enrolment: Pick<StoredEnrolment, 'done' | 'completedAt'>,
  content: StoredContent | null,
): number {
  const lessons = content ? lessonsOf(content) : [];
  if (lessons.length === 0) return enrolment.completedAt ? 100 : 0;
  const done = lessons.filter((l) => enrolment.done[l.id]).length;
  return Math.floor((done / lessons.length) * 100);
}

/**
 * Whether the completion rule holds for this content. A course without lessons never completes
 * by progress; a rule with both parts off falls back to "all lessons" (otherwise enrolling alone
 * would complete it).
 */
export function ruleHolds(
  rule: CompletionRule,
  enrolment: Pick<StoredEnrolment, 'done' | 'quizzes'>,
  content: StoredContent | null,
): boolean {
  const lessons = content ? lessonsOf(content) : [];
  if (lessons.length === 0) return false;
  const allLessons = rule.allLessons || !rule.quizzesPassed;
  if (allLessons && !lessons.every((l) => enrolment.done[l.id])) return false;
  if (rule.quizzesPassed) {
    for (const l of lessons) {
      if (l.type === 'quiz' && l.quiz && !enrolment.quizzes[l.id]?.passed) return false;
    }
  }
  return true;
}

export interface GradedQuestion {
  id: string;
  correct: boolean;
}
export interface Grade {
  score: number;
  passed: boolean;
  questions: GradedQuestion[];
}

const rightOptions = (q: StoredQuiz['questions'][number]) =>
  q.options.filter((o) => o.correct).map((o) => o.id);

/**
 * Grading on the server: single choice = exactly the one right option; multiple choice = exactly
 * the set of right options. Score = percent of questions right (rounded down); passed = score ≥
 * the passing score.
 */
export function gradeQuiz(quiz: StoredQuiz, answers: Record<string, string[]>): Grade {
  const questions = quiz.questions.map((q) => {
    const chosen = new Set(answers[q.id] ?? []);
    const right = new Set(rightOptions(q));
    const sameSet = chosen.size === right.size && [...right].every((id) => chosen.has(id));
    const correct = q.kind === 'single' ? chosen.size === 1 && sameSet : sameSet && right.size > 0;
    return { id: q.id, correct };
  });
  const n = questions.length;
  const score = n === 0 ? 0 : Math.floor((questions.filter((q) => q.correct).length / n) * 100);
  return { score, passed: score >= quiz.passingScore, questions };
}

/** Right option ids per question (revealed only once the quiz is over for the learner). */
export function rightOptionsOf(quiz: StoredQuiz): Map<string, string[]> {
  return new Map(quiz.questions.map((q) => [q.id, rightOptions(q)]));
}

export const attemptsLeft = (quiz: StoredQuiz, attempts: number): number | null =>
  quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - attempts);

/** Resume with the last lesson opened (if it still exists), else the first open lesson. */
export function resumeLessonOf(
  enrolment: Pick<StoredEnrolment, 'done' | 'lastLessonId'>,
  content: StoredContent | null,
): StoredLesson | null {
  const lessons = content ? lessonsOf(content) : [];
  const last = enrolment.lastLessonId
    ? lessons.find((l) => l.id === enrolment.lastLessonId)
    : undefined;
  return last ?? lessons.find((l) => !enrolment.done[l.id]) ?? null;
}
