import type { Audience } from '../org/audience';
import type { PersonRef } from '../people/types';
import type {
  CompletionRule,
  CourseKind,
  CourseStatus,
  LearnerStatus,
  LessonType,
  RegistrationStatus,
} from './schemas';

/** What the viewer may do with a course (computed by the server's learning policy). */
export interface CourseAbilities {
  /** Open the published course (catalogue visibility: published + audience, or author). */
  view: boolean;
  enrol: boolean;
  /** Edit the draft and meta: HR, or a named trainer of this course. */
  edit: boolean;
  publish: boolean;
  archive: boolean;
  /** Change trainers and audience: HR only. */
  administer: boolean;
  /** Learners' progress and results of this course (HR, its trainers). */
  seeLearners: boolean;
  announce: boolean;
  /** Ask and reply in the discussion (enrolled learners, trainers, HR). */
  discuss: boolean;
  /** Trainings: add, edit and cancel sessions. */
  manageSessions: boolean;
}

export interface CategoryDTO {
  id: string;
  name: { de: string; en: string };
  courseCount: number;
}

export interface CourseCardDTO {
  id: string;
  kind: CourseKind;
  status: CourseStatus;
  title: string;
  summary: string;
  category: { id: string; name: { de: string; en: string } } | null;
  tags: string[];
  language: 'de' | 'en';
  estimatedMinutes: number | null;
  imageUrl: string | null;
  /** Published version number (0 while never published). */
  version: number;
  lessonCount: number;
  /** Trainings: the next session's first day, if any. */
  nextSessionDate: string | null;
  /** Assigned to me as mandatory: the earliest deadline. */
  mandatoryDeadline: string | null;
  /** My progress when enrolled, else null. */
  myProgress: { percent: number; completedAt: string | null } | null;
  updatedAt: string;
  abilities: CourseAbilities;
  /** scope=manage only: the draft differs from the published version (changes not yet published). */
  draftChanged?: boolean;
}

export interface QuizOptionDTO {
  id: string;
  text: string;
  /** Only in the author's draft view: never sent to a learner. */
  correct?: boolean;
}
export interface QuizQuestionDTO {
  id: string;
  kind: 'single' | 'multiple';
  text: string;
  options: QuizOptionDTO[];
  /** Only in the author's draft view. */
  feedback?: string;
}
export interface QuizDTO {
  questions: QuizQuestionDTO[];
  passingScore: number;
  maxAttempts: number | null;
}

export interface LessonFileDTO {
  id: string;
  name: string;
  contentType: string;
  size: number;
  url: string;
}

export interface LessonDTO {
  id: string;
  type: LessonType;
  title: string;
  html: string;
  media: LessonFileDTO | null;
  captions: LessonFileDTO | null;
  transcript: string;
  files: LessonFileDTO[];
  url: string | null;
  quiz: QuizDTO | null;
}

export interface ModuleDTO {
  id: string;
  title: string;
  lessons: LessonDTO[];
}

export interface AssessmentItemDTO {
  id: string;
  area: string;
  statement: string;
}

export interface CourseDTO extends Omit<CourseCardDTO, 'myProgress'> {
  description: string;
  audience: Audience;
  trainers: PersonRef[];
  completion: CompletionRule;
  costCents: number;
  hrConfirmationAlways: boolean;
  createdBy: PersonRef | null;
  publishedAt: string | null;
  /** The course meta's revision (PATCH, publish, archive send it back). */
  rev: number;
  /** The content shown: the published version for learners, the draft in preview. */
  modules: ModuleDTO[];
  assessment: AssessmentItemDTO[];
  /** Which content this is. */
  contentVersion: number | 'draft';
  enrolment: EnrolmentDTO | null;
}

/** The author's draft with answers (GET/PUT …/draft). */
export interface CourseDraftDTO {
  courseId: string;
  rev: number;
  /** The published version the draft was last based on (0 = never published). */
  baseVersion: number;
  /** Whether the draft differs from the published version. */
  changed: boolean;
  modules: ModuleDTO[];
  assessment: AssessmentItemDTO[];
  updatedAt: string;
  updatedBy: PersonRef | null;
}

export interface CourseVersionDTO {
  version: number;
  publishedAt: string;
  publishedBy: PersonRef | null;
  lessonCount: number;
}

export interface QuizAttemptSummaryDTO {
  attempts: number;
  bestScore: number;
  passed: boolean;
  /** null = unlimited. */
  attemptsLeft: number | null;
}

export interface EnrolmentDTO {
  courseId: string;
  enrolledAt: string;
  lastLessonId: string | null;
  /** lessonId → seen at (ISO). */
  lessonsDone: Record<string, string>;
  /** lessonId → media position in seconds. */
  positions: Record<string, number>;
  quizzes: Record<string, QuizAttemptSummaryDTO>;
  /** 0..100 over the lessons of the version I see. */
  percent: number;
  completedAt: string | null;
  completedVersion: number | null;
  certificateCode: string | null;
}

export interface QuizResultDTO {
  attemptId: string;
  lessonId: string;
  /** When the attempt was submitted (ISO). */
  at: string;
  /** The options I chose, per question id (empty when `olderVersion`). */
  answers: Record<string, string[]>;
  /** My last attempt was made on an earlier version of the course: only score and result are
   * shown (its questions may have changed), no answers and no per-question marks. */
  olderVersion: boolean;
  score: number;
  passed: boolean;
  attempts: number;
  attemptsLeft: number | null;
  /** Per question: right or not, its feedback, and the right options only once the quiz is over
   * for me (passed, or no attempts left). */
  questions: {
    id: string;
    correct: boolean;
    feedback: string;
    correctOptionIds: string[] | null;
  }[];
  enrolment: EnrolmentDTO;
}

export interface AssessmentResultDTO {
  courseId: string;
  answeredAt: string;
  /** area → average 1..5 */
  areas: { area: string; score: number; items: number }[];
}

export interface CertificateDTO {
  code: string;
  courseId: string;
  courseTitle: string;
  person: { id: string; displayName: string };
  completedAt: string;
  version: number;
  /** Printed on the page: the verification path. */
  verifyUrl: string;
}

export interface TrainingRecordEntryDTO {
  /** self_assessment: only in the person's own record. */
  kind: 'course' | 'training' | 'self_assessment';
  courseId: string;
  title: string;
  /** Completed (course) or attended (training: last day of the confirmed session). */
  date: string;
  certificateCode: string | null;
  mandatory: boolean;
}

export interface TrainingRecordDTO {
  person: PersonRef;
  entries: TrainingRecordEntryDTO[];
  /** Courses in progress (only for the person themself). */
  inProgress: { courseId: string; title: string; percent: number }[];
}

/** One enrolled learner of a course (`GET …/courses/:courseId/learners`, seeLearners only). */
export interface CourseLearnerDTO {
  person: PersonRef;
  enrolledAt: string;
  /** 0..100 over the lessons of the published version. */
  percent: number;
  completedAt: string | null;
  /** Quiz lessons by id: attempts, best score, passed. */
  quizzes: Record<string, QuizAttemptSummaryDTO>;
  status: LearnerStatus;
  /** Latest of enrolled, lesson seen, completed (the list's order, newest first). */
  lastActivityAt: string;
}

/** A page of a course's learners; `total` counts every learner matching the filters. */
export interface CourseLearnersPage {
  data: CourseLearnerDTO[];
  nextCursor: string | null;
  total: number;
}

export interface MyCourseDTO {
  course: CourseCardDTO;
  enrolment: EnrolmentDTO;
  /** Title of the lesson to resume with. */
  resumeLesson: { id: string; title: string } | null;
}

// ---------------------------------------------------------------- communication

export interface ReplyDTO {
  id: string;
  author: PersonRef | null;
  /** The author is a trainer of the course (or HR). */
  byTrainer: boolean;
  body: string;
  createdAt: string;
  abilities: { delete: boolean };
}

export interface ThreadDTO {
  id: string;
  courseId: string;
  title: string;
  body: string;
  author: PersonRef | null;
  byTrainer: boolean;
  createdAt: string;
  lastActivityAt: string;
  /** A trainer answered. */
  answered: boolean;
  replies: ReplyDTO[];
  abilities: { reply: boolean; delete: boolean };
}

export interface AnnouncementDTO {
  id: string;
  courseId: string;
  title: string;
  body: string;
  author: PersonRef | null;
  createdAt: string;
}

// ---------------------------------------------------------------- trainings

export interface SessionAbilities {
  register: boolean;
  edit: boolean;
  cancel: boolean;
  seeParticipants: boolean;
}

export interface SessionDTO {
  id: string;
  courseId: string;
  courseTitle: string;
  days: { date: string; start: string; end: string }[];
  format: 'classroom' | 'online';
  place: string;
  /** Only for confirmed participants, trainers and HR. */
  onlineUrl: string | null;
  seats: number | null;
  /** Confirmed participants. */
  taken: number;
  waitlisted: number;
  trainers: PersonRef[];
  registrationUntil: string;
  cancelled: boolean;
  /** Whether registrations go to HR after the manager. */
  needsHr: boolean;
  myRegistration: RegistrationDTO | null;
  /** Optional (C3's register dialog names them): who decides my registration's manager step;
   * null = no manager (the HR step or the seat comes directly). */
  myApprover?: PersonRef | null;
  rev: number;
  abilities: SessionAbilities;
}

export interface RegistrationAbilities {
  decide: boolean;
  cancel: boolean;
}

export interface RegistrationHistoryDTO {
  at: string;
  actor: PersonRef | null;
  action: string;
  from: RegistrationStatus | null;
  to: RegistrationStatus;
  reason: string;
}

export interface RegistrationDTO {
  id: string;
  sessionId: string;
  courseId: string;
  courseTitle: string;
  person: PersonRef;
  status: RegistrationStatus;
  /** Position on the waiting list (1 = next), only while waitlisted. */
  waitlistPosition: number | null;
  note: string;
  /** Manager who decides (the leave approver), for display. */
  approver: PersonRef | null;
  days: { date: string; start: string; end: string }[];
  /** Optional (shown in the decide inbox): the course's cost per person in cents. */
  costCents?: number;
  /** Optional (shown in the decide inbox): the session's seats (null = no limit) and fill. */
  seats?: { seats: number | null; taken: number; waitlisted: number };
  createdAt: string;
  updatedAt: string;
  history: RegistrationHistoryDTO[];
  rev: number;
  abilities: RegistrationAbilities;
}

// ---------------------------------------------------------------- mandatory trainings

export interface AssignmentDTO {
  id: string;
  course: { id: string; title: string; kind: CourseKind };
  audience: Audience;
  deadline: string;
  reminderDays: number[];
  note: string;
  active: boolean;
  createdBy: PersonRef | null;
  createdAt: string;
  rev: number;
  /** Totals over the whole audience. */
  totals: ComplianceTotalsDTO;
  abilities: { edit: boolean; seePeople: boolean };
}

export interface ComplianceTotalsDTO {
  assigned: number;
  done: number;
  /** Not done, deadline not passed. */
  open: number;
  /** Not done, deadline passed. */
  overdue: number;
}

/** Aggregated per office (top unit below the city): no names. */
export interface ComplianceRowDTO extends ComplianceTotalsDTO {
  unit: { id: string; name: string };
  /** Whether the viewer may open the people of this office. */
  canSeePeople: boolean;
}

export interface ComplianceDTO {
  assignment: AssignmentDTO;
  rows: ComplianceRowDTO[];
  /** Recomputed at (ISO). */
  asOf: string;
}

export interface CompliancePersonDTO {
  person: PersonRef;
  status: 'done' | 'open' | 'overdue';
  completedAt: string | null;
  percent: number;
}

export interface DueTrainingDTO {
  assignmentId: string;
  course: { id: string; title: string; kind: CourseKind };
  deadline: string;
  overdue: boolean;
  percent: number;
}

// ---------------------------------------------------------------- start page widgets

export interface MyCoursesWidgetDTO {
  courses: { id: string; title: string; percent: number; resumeLessonId: string | null }[];
  /** Upcoming confirmed sessions. */
  sessions: { id: string; courseId: string; title: string; date: string; start: string }[];
  total: number;
}

export interface DueTrainingsWidgetDTO {
  items: DueTrainingDTO[];
  overdue: number;
}
