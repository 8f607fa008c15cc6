import type {
  AssessmentResultDTO,
  CertificateDTO,
  EnrolmentDTO,
  QuizAttemptSummaryDTO,
  QuizResultDTO,
} from '@shared/learning/types';
import { lessonsOf, type StoredContent, type StoredQuiz } from '../courses/content';
import type { StoredAttempt } from './attempt.model';
import type { StoredCertificate } from './certificate.model';
import type { StoredAssessment, StoredEnrolment } from './learner.model';
import { attemptsLeft, percentFor, rightOptionsOf } from './progress.rules';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** My enrolment, measured against the content I see now. */
export function presentEnrolment(
  courseId: string,
  e: StoredEnrolment,
  content: StoredContent | null,
): EnrolmentDTO {
  const quizLessons = new Map(
    (content ? lessonsOf(content) : [])
      .filter((l) => l.type === 'quiz' && l.quiz)
      .map((l) => [l.id, l.quiz as StoredQuiz]),
  );
  const quizzes: Record<string, QuizAttemptSummaryDTO> = {};
  for (const [lessonId, q] of Object.entries(e.quizzes)) {
    const quiz = quizLessons.get(lessonId);
    quizzes[lessonId] = {
      attempts: q.attempts,
      bestScore: q.best,
      passed: q.passed,
      attemptsLeft: quiz ? attemptsLeft(quiz, q.attempts) : null,
    };
  }
  return {
    courseId,
    enrolledAt: new Date(e.enrolledAt).toISOString(),
    lastLessonId: e.lastLessonId,
    lessonsDone: { ...e.done },
    positions: { ...e.positions },
    quizzes,
    percent: percentFor(e, content),
    completedAt: iso(e.completedAt),
    completedVersion: e.completedVersion,
    certificateCode: e.certificateCode,
  };
}

/**
 * The result of one attempt. Feedback per question always; the right options only once the quiz
 * is over for the learner (passed at some point, or no attempts left).
 */
export function presentQuizResult(
  attempt: StoredAttempt,
  quiz: StoredQuiz,
  enrolment: EnrolmentDTO,
): QuizResultDTO {
  const summary = enrolment.quizzes[attempt.lessonId];
  const attempts = summary?.attempts ?? 0;
  const left = attemptsLeft(quiz, attempts);
  const over = !!summary?.passed || left === 0;
  const right = over ? rightOptionsOf(quiz) : null;
  const feedback = new Map(quiz.questions.map((q) => [q.id, q.feedback]));
  return {
    attemptId: attempt._id,
    lessonId: attempt.lessonId,
    at: new Date(attempt.at).toISOString(),
    answers: attempt.answers,
    olderVersion: false,
    score: attempt.score,
    passed: attempt.passed,
    attempts,
    attemptsLeft: left,
    questions: attempt.results.map((r) => ({
      id: r.id,
      correct: r.correct,
      feedback: feedback.get(r.id) ?? '',
      correctOptionIds: right ? (right.get(r.id) ?? []) : null,
    })),
    enrolment,
  };
}

/** Area averages (1..5, one decimal), areas in the order of the content. */
export function presentAssessment(
  courseId: string,
  a: StoredAssessment,
  content: StoredContent | null,
): AssessmentResultDTO {
  const areas = new Map<string, { sum: number; items: number }>();
  for (const item of content?.assessment ?? []) {
    const value = a.answers[item.id];
    const row = areas.get(item.area) ?? { sum: 0, items: 0 };
    if (typeof value === 'number') {
      row.sum += value;
      row.items += 1;
    }
    areas.set(item.area, row);
  }
  return {
    courseId,
    answeredAt: new Date(a.answeredAt).toISOString(),
    areas: [...areas.entries()]
      .filter(([, r]) => r.items > 0)
      .map(([area, r]) => ({
        area,
        score: Math.round((r.sum / r.items) * 10) / 10,
        items: r.items,
      })),
  };
}

export const certificatePath = (code: string) => `/learning/certificates/${code}`;

export function presentCertificate(c: StoredCertificate): CertificateDTO {
  return {
    code: c._id,
    courseId: c.courseId,
    courseTitle: c.courseTitle,
    person: { id: c.personId, displayName: c.personName },
    completedAt: new Date(c.completedAt).toISOString(),
    version: c.version,
    verifyUrl: certificatePath(c._id),
  };
}
