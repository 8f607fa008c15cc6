import type { PersonRef } from '@shared/people/types';
import type {
  AssessmentItemDTO,
  CategoryDTO,
  CourseAbilities,
  CourseCardDTO,
  CourseDTO,
  CourseDraftDTO,
  EnrolmentDTO,
  LessonDTO,
  LessonFileDTO,
  ModuleDTO,
} from '@shared/learning/types';
import type { CourseMeta } from './course-index';
import type { StoredContent, StoredLesson } from './content';
import { presentFile, type CourseFile } from './file.store';

/**
 * Explicit DTOs. Quiz answers (`correct`, `feedback`) appear ONLY in the author's draft view:
 * every learner-facing lesson goes through `presentLessonForLearner`.
 */
export type FileLookup = Map<string, CourseFile>;
type CategoryLookup = Map<string, Pick<CategoryDTO, 'id' | 'name'>>;

export const imageUrl = (course: Pick<CourseMeta, 'id' | 'imageId'>): string | null =>
  course.imageId ? `/api/learning/courses/${course.id}/image?v=${course.imageId}` : null;

function fileOf(courseId: string, files: FileLookup, id: string | null): LessonFileDTO | null {
  const f = id ? files.get(id) : undefined;
  return f ? presentFile(courseId, f) : null;
}

function lessonBase(courseId: string, lesson: StoredLesson, files: FileLookup) {
  return {
    id: lesson.id,
    type: lesson.type,
    title: lesson.title,
    html: lesson.html ?? '',
    media: fileOf(courseId, files, lesson.mediaFileId),
    captions: fileOf(courseId, files, lesson.captionsFileId),
    transcript: lesson.transcript ?? '',
    files: (lesson.fileIds ?? []).flatMap((id) => {
      const f = fileOf(courseId, files, id);
      return f ? [f] : [];
    }),
    url: lesson.url ?? null,
  };
}

/** A lesson as a learner sees it: questions and options, never which is right or why. */
export function presentLessonForLearner(
  courseId: string,
  lesson: StoredLesson,
  files: FileLookup,
): LessonDTO {
  return {
    ...lessonBase(courseId, lesson, files),
    quiz: lesson.quiz
      ? {
          questions: lesson.quiz.questions.map((q) => ({
            id: q.id,
            kind: q.kind,
            text: q.text,
            options: q.options.map((o) => ({ id: o.id, text: o.text })),
          })),
          passingScore: lesson.quiz.passingScore,
          maxAttempts: lesson.quiz.maxAttempts,
        }
      : null,
  };
}

/** A lesson as its authors edit it: with the right options and the feedback. */
export function presentLessonForAuthor(
  courseId: string,
  lesson: StoredLesson,
  files: FileLookup,
): LessonDTO {
  return {
    ...lessonBase(courseId, lesson, files),
    quiz: lesson.quiz
      ? {
          questions: lesson.quiz.questions.map((q) => ({
            id: q.id,
            kind: q.kind,
            text: q.text,
            options: q.options.map((o) => ({ id: o.id, text: o.text, correct: !!o.correct })),
            feedback: q.feedback ?? '',
          })),
          passingScore: lesson.quiz.passingScore,
          maxAttempts: lesson.quiz.maxAttempts,
        }
      : null,
  };
}

function presentModules(
  courseId: string,
  content: StoredContent | null,
  files: FileLookup,
  forAuthor: boolean,
): ModuleDTO[] {
  const present = forAuthor ? presentLessonForAuthor : presentLessonForLearner;
  return (content?.modules ?? []).map((m) => ({
    id: m.id,
    title: m.title,
    lessons: m.lessons.map((l) => present(courseId, l, files)),
  }));
}

const presentAssessment = (content: StoredContent | null): AssessmentItemDTO[] =>
  (content?.assessment ?? []).map((a) => ({ id: a.id, area: a.area, statement: a.statement }));

export interface CardExtras {
  categories: CategoryLookup;
  myProgress: CourseCardDTO['myProgress'];
  mandatoryDeadline: string | null;
  nextSessionDate: string | null;
}

function cardFields(
  course: CourseMeta,
  abilities: CourseAbilities,
  extras: Omit<CardExtras, 'myProgress'>,
): Omit<CourseCardDTO, 'myProgress'> {
  const category = course.categoryId ? extras.categories.get(course.categoryId) : undefined;
  return {
    id: course.id,
    kind: course.kind,
    status: course.status,
    title: course.title,
    summary: course.summary,
    category: category ? { id: category.id, name: category.name } : null,
    tags: [...course.tags],
    language: course.language,
    estimatedMinutes: course.estimatedMinutes,
    imageUrl: imageUrl(course),
    version: course.version,
    lessonCount: course.lessonCount,
    nextSessionDate: extras.nextSessionDate,
    mandatoryDeadline: extras.mandatoryDeadline,
    updatedAt: course.updatedAt.toISOString(),
    abilities,
  };
}

export function presentCourseCard(
  course: CourseMeta,
  abilities: CourseAbilities,
  extras: CardExtras,
): CourseCardDTO {
  return { ...cardFields(course, abilities, extras), myProgress: extras.myProgress };
}

export interface CourseExtras {
  categories: CategoryLookup;
  people: Map<string, PersonRef>;
  files: FileLookup;
  /** What is shown: the published version, or the draft in an author's preview. */
  content: StoredContent | null;
  contentVersion: number | 'draft';
  enrolment: EnrolmentDTO | null;
  mandatoryDeadline: string | null;
  nextSessionDate: string | null;
}

/** The course page. Content always as a learner sees it (also the author's preview). */
export function presentCourse(
  course: CourseMeta,
  abilities: CourseAbilities,
  x: CourseExtras,
): CourseDTO {
  return {
    ...cardFields(course, abilities, x),
    description: course.description,
    audience: course.audience,
    trainers: course.trainerIds.flatMap((id) => {
      const p = x.people.get(id);
      return p ? [p] : [];
    }),
    completion: { ...course.completion },
    costCents: course.costCents,
    hrConfirmationAlways: course.hrConfirmationAlways,
    createdBy: course.createdBy ? (x.people.get(course.createdBy) ?? null) : null,
    publishedAt: course.publishedAt ? course.publishedAt.toISOString() : null,
    rev: course.rev,
    modules: presentModules(course.id, x.content, x.files, false),
    assessment: presentAssessment(x.content),
    contentVersion: x.contentVersion,
    enrolment: x.enrolment,
  };
}

/** The author's draft, with answers. */
export function presentDraft(
  course: CourseMeta,
  draft: StoredContent,
  changed: boolean,
  files: FileLookup,
  people: Map<string, PersonRef>,
): CourseDraftDTO {
  return {
    courseId: course.id,
    rev: draft.rev,
    baseVersion: draft.baseVersion,
    changed,
    modules: presentModules(course.id, draft, files, true),
    assessment: presentAssessment(draft),
    updatedAt: draft.updatedAt.toISOString(),
    updatedBy: draft.updatedBy ? (people.get(draft.updatedBy) ?? null) : null,
  };
}
