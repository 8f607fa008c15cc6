import type { Request } from 'express';
import type { AssessmentAnswerInput } from '@shared/learning/schemas';
import type { AssessmentResultDTO } from '@shared/learning/types';
import type { FieldIssue } from '@shared/http/errors';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { courseAccess, requireCourse } from '../access';
import { publishedContent } from '../courses/content';
import { learnerOf } from './learner-index';
import { changeLearner } from './learner.store';
import { presentAssessment } from './progress.presenter';
import { newEnrolment } from './progress.service';

/**
 * Self-assessment: the learner rates every statement 1..5; the result (area averages) is for the
 * learner ONLY. Both routes act on the signed-in person's own answers; nothing else returns them
 * (not the learners list, not the record), so HR, trainers and managers never see them.
 * Answering completes the course for the person (no certificate); answering again replaces the
 * answers and keeps the first completion.
 */
async function assessmentCourse(user: CurrentUser, courseId: string) {
  const access = await courseAccess(user, courseId);
  if (!access || !access.abilities.view || access.course.kind !== 'self_assessment') {
    throw notFound();
  }
  const content = await publishedContent(courseId);
  if (!content) throw notFound();
  return { access, content };
}

export async function myAssessment(
  user: CurrentUser,
  courseId: string,
): Promise<AssessmentResultDTO> {
  const { content } = await assessmentCourse(user, courseId);
  const stored = learnerOf(user.id)?.assessments[courseId];
  if (!stored) throw notFound();
  return presentAssessment(courseId, stored, content);
}

export async function answerAssessment(
  user: CurrentUser,
  courseId: string,
  input: AssessmentAnswerInput,
  req?: Request,
): Promise<AssessmentResultDTO> {
  const { access, content } = await assessmentCourse(user, courseId);
  if (access.course.status === 'archived') {
    throw new HttpError(409, 'course_archived', 'The course is archived.');
  }
  if (!access.enrolled) await requireCourse(user, courseId, 'enrol', req);
  const items = new Set(content.assessment.map((i) => i.id));
  const issues: FieldIssue[] = [];
  for (const id of items) {
    if (input.answers[id] === undefined) {
      issues.push({
        path: `answers.${id}`,
        code: 'required',
        message: 'Please rate this statement.',
      });
    }
  }
  for (const id of Object.keys(input.answers)) {
    if (!items.has(id)) {
      issues.push({ path: `answers.${id}`, code: 'invalid_value', message: 'Unknown statement.' });
    }
  }
  if (items.size === 0) throw badRequest('This self-assessment has no statements.');
  if (issues.length) throw badRequest('Every statement needs a rating.', issues);

  const now = new Date();
  const { justCompleted, enrolled } = await changeLearner(user.id, (doc) => {
    const e = doc.courses[courseId];
    const next = e ? { ...e } : newEnrolment(now);
    const justCompleted = !next.completedAt;
    if (justCompleted) {
      next.completedAt = now;
      next.completedVersion = content.version ?? access.course.version;
    }
    return {
      result: { justCompleted, enrolled: !e },
      courses: { [courseId]: next },
      assessments: { [courseId]: { answeredAt: now, answers: { ...input.answers } } },
    };
  });
  if (justCompleted || enrolled) {
    events.publish('learning.progress_changed', {
      courseId,
      personId: user.id,
      completed: true,
      justCompleted,
    });
  }
  return presentAssessment(courseId, { answeredAt: now, answers: input.answers }, content);
}
