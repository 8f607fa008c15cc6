import type { Request } from 'express';
import type { QuizAttemptInput } from '@shared/learning/schemas';
import type { QuizResultDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, notFound } from '../../../lib/errors';
import { withKeyLock } from '../../../lib/keyed-lock';
import { requireCourse } from '../access';
import { contentVersion, lessonsOf, publishedContent, type StoredQuiz } from '../courses/content';
import { AttemptModel, type StoredAttempt } from './attempt.model';
import { enrolmentOf } from './learner-index';
import type { StoredEnrolment } from './learner.model';
import { changeLearnerLocked, learnerLockKey, readLearner } from './learner.store';
import { presentEnrolment, presentQuizResult } from './progress.presenter';
import { attemptsLeft, gradeQuiz } from './progress.rules';
import {
  afterWrite,
  learningWrite,
  newEnrolment,
  withCompletion,
  type Learning,
} from './progress.service';

/**
 * Quiz attempts. Graded here (the learner never had the answers). Idempotent by the client's
 * attemptId: the attempt document is inserted first (its `_id` claims the id), so a repeated
 * submit returns the stored result and another person's reuse is refused. The attempt limit is
 * checked and the counter raised under the person's lock, on a fresh read of their document.
 */
const noAttemptsLeft = () =>
  new HttpError(409, 'no_attempts_left', 'No attempts left for this quiz.');
const reused = () =>
  new HttpError(409, 'client_id_reused', 'This attempt id belongs to someone else.');
const isDuplicateKey = (err: unknown) => (err as { code?: unknown } | null)?.code === 11000;

/** A stored attempt of mine, shown against the quiz I see now (or the one it was made on). */
async function presentStored(
  user: CurrentUser,
  ctx: Learning,
  stored: StoredAttempt,
): Promise<QuizResultDTO> {
  const content =
    stored.version === ctx.content.version
      ? ctx.content
      : ((await contentVersion(ctx.course.id, stored.version)) ?? ctx.content);
  const quiz = lessonsOf(content).find((l) => l.id === stored.lessonId)?.quiz;
  const current = lessonsOf(ctx.content).find((l) => l.id === stored.lessonId)?.quiz;
  const shown = current ?? quiz;
  if (!shown) throw notFound();
  const e = enrolmentOf(user.id, ctx.course.id) ?? newEnrolment();
  return presentQuizResult(stored, shown, presentEnrolment(ctx.course.id, e, ctx.content));
}

async function replay(
  user: CurrentUser,
  ctx: Learning,
  stored: StoredAttempt,
): Promise<QuizResultDTO> {
  if (stored.personId !== user.id) throw reused();
  return presentStored(user, ctx, stored);
}

/**
 * My newest attempt at a quiz, so a learner who comes back sees what they answered, the feedback
 * and (once the quiz is over for them) the right options. null: not enrolled or no attempt yet.
 * Only ever the signed-in person's own attempt. An attempt on an earlier version keeps only its
 * score and result: its answers would be drawn on questions that may have changed.
 */
export async function latestAttempt(
  user: CurrentUser,
  courseId: string,
  lessonId: string,
  req?: Request,
): Promise<QuizResultDTO | null> {
  const access = await requireCourse(user, courseId, 'view', req);
  const content = await publishedContent(courseId);
  if (!content) throw notFound();
  const lesson = lessonsOf(content).find((l) => l.id === lessonId);
  if (!lesson) throw notFound('No such lesson in this course.');
  if (lesson.type !== 'quiz' || !lesson.quiz) throw badRequest('This lesson is not a quiz.');
  const state = access.enrolled ? enrolmentOf(user.id, courseId)?.quizzes[lessonId] : undefined;
  // States written before `lastAttemptId` was kept show no last attempt (as before).
  if (!state?.lastAttemptId) return null;
  const stored = await AttemptModel.findById(state.lastAttemptId).lean<StoredAttempt>();
  if (!stored || stored.personId !== user.id) return null;
  const enrolment = presentEnrolment(
    courseId,
    enrolmentOf(user.id, courseId) ?? newEnrolment(),
    content,
  );
  const current = content.version ?? access.course.version;
  if (stored.version === current) return presentQuizResult(stored, lesson.quiz, enrolment);
  const outline = { ...stored, answers: {}, results: [] };
  return { ...presentQuizResult(outline, lesson.quiz, enrolment), olderVersion: true };
}

export async function submitAttempt(
  user: CurrentUser,
  courseId: string,
  lessonId: string,
  input: QuizAttemptInput,
  req?: Request,
): Promise<QuizResultDTO> {
  const ctx = await learningWrite(user, courseId, req);
  const lesson = lessonsOf(ctx.content).find((l) => l.id === lessonId);
  if (!lesson) throw notFound('No such lesson in this course.');
  if (lesson.type !== 'quiz' || !lesson.quiz) throw badRequest('This lesson is not a quiz.');
  const quiz: StoredQuiz = lesson.quiz;
  const known = new Set(quiz.questions.map((q) => q.id));
  for (const questionId of Object.keys(input.answers)) {
    if (!known.has(questionId)) {
      throw badRequest('Unknown question.', [
        { path: `answers.${questionId}`, code: 'invalid_value', message: 'Unknown question.' },
      ]);
    }
  }

  type Outcome =
    | { replayOf: StoredAttempt }
    | { attempt: StoredAttempt; next: StoredEnrolment; justCompleted: boolean };
  const outcome = await withKeyLock(learnerLockKey(user.id), async (): Promise<Outcome> => {
    const earlier = await AttemptModel.findById(input.attemptId).lean<StoredAttempt>();
    if (earlier) return { replayOf: earlier };

    const read = await readLearner(user.id);
    const stateOf = (e: StoredEnrolment | undefined) => e?.quizzes[lessonId];
    const before = read?.courses?.[courseId];
    if (!before) throw new HttpError(409, 'not_enrolled', 'You are not enrolled in this course.');
    if (attemptsLeft(quiz, stateOf(before)?.attempts ?? 0) === 0) throw noAttemptsLeft();

    const grade = gradeQuiz(quiz, input.answers);
    const attempt: StoredAttempt = {
      _id: input.attemptId,
      personId: user.id,
      courseId,
      lessonId,
      version: ctx.content.version ?? ctx.course.version,
      answers: input.answers,
      score: grade.score,
      passed: grade.passed,
      results: grade.questions,
      at: new Date(),
    };
    try {
      await AttemptModel.collection.insertOne(attempt as never);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const other = await AttemptModel.findById(input.attemptId).lean<StoredAttempt>();
      if (!other) throw err;
      return { replayOf: other };
    }
    try {
      const result = await changeLearnerLocked(user.id, (doc) => {
        const e = doc.courses[courseId];
        if (!e) throw new HttpError(409, 'not_enrolled', 'You are not enrolled in this course.');
        const q = stateOf(e) ?? { attempts: 0, best: 0, passed: false };
        // Read again: another instance may have counted an attempt since the check above.
        if (attemptsLeft(quiz, q.attempts) === 0) throw noAttemptsLeft();
        const planned: StoredEnrolment = {
          ...e,
          lastLessonId: lessonId,
          done: e.done[lessonId] ? e.done : { ...e.done, [lessonId]: attempt.at.toISOString() },
          quizzes: {
            ...e.quizzes,
            [lessonId]: {
              attempts: q.attempts + 1,
              best: Math.max(q.best, grade.score),
              passed: q.passed || grade.passed,
              lastAttemptId: attempt._id,
            },
          },
        };
        const done = withCompletion(planned, ctx);
        return { result: done, courses: { [courseId]: done.next } };
      });
      return { attempt, ...result };
    } catch (err) {
      // Not counted: free the id again, so the same submit can be retried.
      await AttemptModel.deleteOne({ _id: attempt._id }).catch(() => undefined);
      throw err;
    }
  });

  if ('replayOf' in outcome) return replay(user, ctx, outcome.replayOf);
  await afterWrite(user.id, ctx, outcome.next, outcome.justCompleted);
  const e = enrolmentOf(user.id, courseId) ?? outcome.next;
  return presentQuizResult(outcome.attempt, quiz, presentEnrolment(courseId, e, ctx.content));
}
