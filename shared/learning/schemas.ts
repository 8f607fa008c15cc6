import { z } from 'zod';
import { cursor, line, objectId } from '../http/fields';
import { audienceSchema } from '../org/audience';

/**
 * E-learning and training organisation. A course has a kind:
 * - `course`: online modules and lessons, completion by rules, a certificate;
 * - `self_assessment`: scale questions whose result profile only the learner sees;
 * - `training`: classroom or online sessions with seats, registration and approval.
 * Content is edited as a draft; publishing stores version n + 1. Lesson and question ids are kept
 * across versions, so progress made on an older version still counts for the same lesson.
 */
export const courseKinds = ['course', 'self_assessment', 'training'] as const;
export type CourseKind = (typeof courseKinds)[number];

export const courseStatuses = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof courseStatuses)[number];

export const lessonTypes = ['text', 'media', 'file', 'link', 'quiz'] as const;
export type LessonType = (typeof lessonTypes)[number];

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' });
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });
/** Client-made ids of lessons, modules, questions and options: stable across versions. */
export const itemId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/, { message: 'invalid_id' });
const httpsUrl = z
  .string()
  .trim()
  .max(2000)
  .url({ message: 'invalid_url' })
  .refine((u) => /^https:\/\//i.test(u), { message: 'https_only' });
const text = (max: number) => z.string().trim().max(max);
/** Sanitised on the server (the news article allow-list); at most 200 kB. */
const richHtml = z.string().max(200_000);

// ---------------------------------------------------------------- course meta

export const courseCreateSchema = z
  .object({
    /** Repeating a create with the same clientId returns the same course (idempotent). */
    clientId: z.string().uuid({ message: 'invalid_id' }),
    kind: z.enum(courseKinds),
    title: line(120, 3),
  })
  .strict();
export type CourseCreateInput = z.input<typeof courseCreateSchema>;

export const completionRuleSchema = z
  .object({
    /** Every lesson seen (quizzes count as seen when submitted). */
    allLessons: z.boolean(),
    /** Every quiz passed. */
    quizzesPassed: z.boolean(),
  })
  .strict();
export type CompletionRule = z.infer<typeof completionRuleSchema>;

export const courseUpdateSchema = z
  .object({
    rev: z.number().int().min(0),
    title: line(120, 3).optional(),
    summary: text(500).optional(),
    description: richHtml.optional(),
    categoryId: objectId.nullable().optional(),
    tags: z.array(line(30)).max(10).optional(),
    language: z.enum(['de', 'en']).optional(),
    estimatedMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
    audience: audienceSchema.optional(),
    trainerIds: z.array(objectId).max(20).optional(),
    completion: completionRuleSchema.optional(),
    /** Costs per participant in euro cents (trainings); > 0 needs HR confirmation. */
    costCents: z.number().int().min(0).max(10_000_000).optional(),
    /** Trainings: whether HR confirms every registration even without cost or seat limit. */
    hrConfirmationAlways: z.boolean().optional(),
  })
  .strict();
export type CourseUpdateInput = z.input<typeof courseUpdateSchema>;

export const courseListQuerySchema = z
  .object({
    /** catalogue: published and visible to me; manage: what I author (HR: every course). */
    scope: z.enum(['catalogue', 'manage']).default('catalogue'),
    q: z.string().trim().max(100).optional(),
    categoryId: objectId.optional(),
    kind: z.enum(courseKinds).optional(),
    status: z.enum(courseStatuses).optional(),
    /** Only mandatory courses assigned to me. */
    mandatory: z.enum(['true', 'false']).optional(),
    language: z.enum(['de', 'en']).optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(24),
  })
  .strict();
export type CourseListQuery = z.infer<typeof courseListQuerySchema>;

export const revSchema = z.object({ rev: z.number().int().min(0) }).strict();

export const categorySchema = z
  .object({
    name: z.object({ de: line(60, 2), en: line(60, 2) }).strict(),
  })
  .strict();
export type CategoryInput = z.input<typeof categorySchema>;

// ---------------------------------------------------------------- content (draft)

export const quizOptionSchema = z
  .object({ id: itemId, text: line(300), correct: z.boolean() })
  .strict();

export const quizQuestionSchema = z
  .object({
    id: itemId,
    kind: z.enum(['single', 'multiple']),
    text: text(1000).min(1),
    options: z.array(quizOptionSchema).min(2).max(10),
    /** Shown after an attempt: why the answer is right or wrong. */
    feedback: text(1000).default(''),
  })
  .strict();
export type QuizQuestionInput = z.input<typeof quizQuestionSchema>;

export const quizSchema = z
  .object({
    questions: z.array(quizQuestionSchema).min(1).max(50),
    /** Percent of questions answered right to pass. */
    passingScore: z.number().int().min(1).max(100),
    /** null = unlimited. */
    maxAttempts: z.number().int().min(1).max(20).nullable(),
  })
  .strict();

/** Self-assessment: statements rated 1..5, grouped into areas (the result is one score per area). */
export const assessmentItemSchema = z
  .object({ id: itemId, area: line(60), statement: text(500).min(1) })
  .strict();

export const lessonSchema = z
  .object({
    id: itemId,
    type: z.enum(lessonTypes),
    title: line(160),
    /** text lessons; an introduction for the other types. */
    html: richHtml.default(''),
    /** media: the audio or video file, with a WebVTT captions file and a transcript. */
    mediaFileId: objectId.nullable().default(null),
    captionsFileId: objectId.nullable().default(null),
    transcript: text(100_000).default(''),
    /** file: the documents (PDF or others). */
    fileIds: z.array(objectId).max(20).default([]),
    /** link: an external https page. */
    url: httpsUrl.nullable().default(null),
    quiz: quizSchema.nullable().default(null),
  })
  .strict();
export type LessonInput = z.input<typeof lessonSchema>;

export const moduleSchema = z
  .object({ id: itemId, title: line(160), lessons: z.array(lessonSchema).max(50) })
  .strict();

export const courseContentSchema = z
  .object({
    rev: z.number().int().min(0),
    modules: z.array(moduleSchema).max(30),
    /** self_assessment only. */
    assessment: z.array(assessmentItemSchema).max(100).default([]),
  })
  .strict();
export type CourseContentInput = z.input<typeof courseContentSchema>;

// ---------------------------------------------------------------- learning

export const enrolSchema = z.object({}).strict();

export const progressSchema = z
  .object({
    lessonId: itemId,
    /** Media position in seconds (resume). */
    position: z.number().min(0).max(1_000_000).optional(),
    /** Marks the lesson as seen (not allowed for quizzes: those count when submitted). */
    done: z.boolean().optional(),
  })
  .strict();
export type ProgressInput = z.input<typeof progressSchema>;

export const quizAttemptSchema = z
  .object({
    /** Repeating an attempt with the same id returns the stored result (idempotent). */
    attemptId: z.string().uuid({ message: 'invalid_id' }),
    /** questionId → chosen option ids. */
    answers: z.record(itemId, z.array(itemId).max(10)),
  })
  .strict();
export type QuizAttemptInput = z.input<typeof quizAttemptSchema>;

export const assessmentAnswerSchema = z
  .object({ answers: z.record(itemId, z.number().int().min(1).max(5)) })
  .strict();
export type AssessmentAnswerInput = z.input<typeof assessmentAnswerSchema>;

// ---------------------------------------------------------------- communication

export const threadCreateSchema = z
  .object({
    clientId: z.string().uuid({ message: 'invalid_id' }),
    title: line(160, 3),
    body: text(5000).min(1),
  })
  .strict();
export const replyCreateSchema = z
  .object({ clientId: z.string().uuid({ message: 'invalid_id' }), body: text(5000).min(1) })
  .strict();
export const announcementCreateSchema = z
  .object({
    clientId: z.string().uuid({ message: 'invalid_id' }),
    title: line(160, 3),
    body: text(5000).min(1),
  })
  .strict();

// ---------------------------------------------------------------- trainings

export const sessionDaySchema = z
  .object({ date: isoDay, start: clockTime, end: clockTime })
  .strict()
  .refine((d) => d.start < d.end, { message: 'end_before_start', path: ['end'] });

export const sessionInputSchema = z
  .object({
    clientId: z.string().uuid({ message: 'invalid_id' }),
    days: z.array(sessionDaySchema).min(1).max(20),
    format: z.enum(['classroom', 'online']),
    place: text(200).default(''),
    onlineUrl: httpsUrl.nullable().default(null),
    /** null = no limit. */
    seats: z.number().int().min(1).max(1000).nullable(),
    trainerIds: z.array(objectId).max(10).default([]),
    /** Last day to register (default: the day before the first day). */
    registrationUntil: isoDay.nullable().default(null),
  })
  .strict();
export type SessionInput = z.input<typeof sessionInputSchema>;

export const sessionUpdateSchema = z
  .object({
    rev: z.number().int().min(0),
    days: z.array(sessionDaySchema).min(1).max(20).optional(),
    format: z.enum(['classroom', 'online']).optional(),
    place: text(200).optional(),
    onlineUrl: httpsUrl.nullable().optional(),
    seats: z.number().int().min(1).max(1000).nullable().optional(),
    trainerIds: z.array(objectId).max(10).optional(),
    registrationUntil: isoDay.nullable().optional(),
  })
  .strict();

export const registrationStatuses = [
  'pending_manager',
  'pending_hr',
  'confirmed',
  'waitlisted',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
/** States that hold a claim on the session (one per person and session). */
export const activeRegistrationStatuses: readonly RegistrationStatus[] = [
  'pending_manager',
  'pending_hr',
  'confirmed',
  'waitlisted',
];

/** Where a decider's decided list looks (withdrawn is the person's own act, not a decision). */
export const decidedRegistrationStatuses: readonly RegistrationStatus[] = [
  'confirmed',
  'waitlisted',
  'rejected',
  'cancelled',
];

export const registrationCreateSchema = z
  .object({
    clientId: z.string().uuid({ message: 'invalid_id' }),
    note: text(1000).default(''),
  })
  .strict();

export const registrationDecisionSchema = z
  .object({
    rev: z.number().int().min(0),
    decision: z.enum(['approve', 'reject']),
    /** Required when rejecting. */
    reason: text(1000).default(''),
  })
  .strict()
  .refine((d) => d.decision === 'approve' || d.reason.length > 0, {
    message: 'reason_required',
    path: ['reason'],
  });
export type RegistrationDecisionInput = z.input<typeof registrationDecisionSchema>;

export const registrationCancelSchema = z
  .object({ rev: z.number().int().min(0), reason: text(1000).default('') })
  .strict();

export const registrationListQuerySchema = z
  .object({
    /** mine: my registrations; decide: waiting for my decision (manager or HR); session: a session's list. */
    scope: z.enum(['mine', 'decide', 'session']).default('mine'),
    /** scope=decide only: open = waiting for my decision (default); decided = what was decided
     * for my people (HR: everyone), newest decision first. */
    state: z.enum(['open', 'decided']).default('open'),
    /** scope=decide only: narrow to one course. */
    courseId: objectId.optional(),
    sessionId: objectId.optional(),
    status: z.enum(registrationStatuses).optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

// ---------------------------------------------------------------- mandatory trainings

export const assignmentInputSchema = z
  .object({
    clientId: z.string().uuid({ message: 'invalid_id' }),
    courseId: objectId,
    audience: audienceSchema,
    deadline: isoDay,
    /** Days before the deadline on which learners who have not finished are reminded. */
    reminderDays: z.array(z.number().int().min(0).max(365)).max(5).default([14, 3]),
    note: text(1000).default(''),
  })
  .strict();
export type AssignmentInput = z.input<typeof assignmentInputSchema>;

export const assignmentUpdateSchema = z
  .object({
    rev: z.number().int().min(0),
    audience: audienceSchema.optional(),
    deadline: isoDay.optional(),
    reminderDays: z.array(z.number().int().min(0).max(365)).max(5).optional(),
    note: text(1000).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export const complianceQuerySchema = z.object({ assignmentId: objectId.optional() }).strict();
export const compliancePeopleQuerySchema = z
  .object({
    assignmentId: objectId,
    unitId: objectId,
    status: z.enum(['open', 'overdue', 'done']).optional(),
  })
  .strict();

export const fileUploadFieldsSchema = z
  .object({ purpose: z.enum(['media', 'captions', 'document', 'image']) })
  .strict();

/** Where a learner stands in a course: nothing opened yet, started, completed. */
export const learnerStatuses = ['not_started', 'in_progress', 'completed'] as const;
export type LearnerStatus = (typeof learnerStatuses)[number];

/** `GET …/courses/:courseId/learners`: one page (last activity first), name search, status. */
export const courseLearnersQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    status: z.enum(learnerStatuses).optional(),
    cursor: cursor.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type CourseLearnersQuery = z.infer<typeof courseLearnersQuerySchema>;
