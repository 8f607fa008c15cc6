import { withCourseLock } from './course-lock';
import type { Request } from 'express';
import type { FieldIssue } from '@shared/http/errors';
import type { z } from 'zod';
import type { courseContentSchema } from '@shared/learning/schemas';
import type { CourseDraftDTO, CourseDTO, CourseVersionDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { audit } from '../../audit/audit.service';
import { HttpError, badRequest, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { requireAuthor, requireCourse } from '../access';
import {
  contentVersion,
  draftContent,
  forgetDraft,
  lessonsOf,
  publishedContent,
  rememberDraft,
  toStoredContent,
  type ContentDoc,
  type StoredContent,
  type StoredLesson,
  type StoredModule,
} from './content';
import { ContentModel, draftId, versionId } from './content.model';
import { draftDiffers, duplicateIds, incompleteIssues } from './content.rules';
import { putCourseDoc, rememberCourse, type CourseMeta } from './course-index';
import { CourseModel, type Course } from './course.model';
import { sanitizeCourseHtml, inlineFileIds } from './course.sanitize';
import { isDuplicate, staleCopy } from './course.service';
import { courseFiles } from './file.store';
import { presentDraft } from './presenter';
import { personRefs, viewAfterWrite } from './course-read.service';

type ContentInput = z.infer<typeof courseContentSchema>;

async function draftOf(courseId: string): Promise<StoredContent> {
  const draft = await draftContent(courseId);
  if (draft) return draft;
  // A course created before its draft was stored: an empty one.
  return {
    courseId,
    version: null,
    modules: [],
    assessment: [],
    rev: 0,
    updatedAt: new Date(0),
    updatedBy: null,
    baseVersion: 0,
    publishedAt: null,
    publishedBy: null,
  };
}

async function present(course: CourseMeta, draft: StoredContent): Promise<CourseDraftDTO> {
  const [files, people, published] = await Promise.all([
    courseFiles(course.id),
    personRefs([draft.updatedBy]),
    publishedContent(course.id),
  ]);
  return presentDraft(course, draft, draftDiffers(draft, published), files, people);
}

/** Authors: the draft with answers (also of archived courses, read-only). */
export async function getDraft(
  user: CurrentUser,
  courseId: string,
  req?: Request,
): Promise<CourseDraftDTO> {
  const { course } = await requireAuthor(user, courseId, 'draft', req);
  return present(course, await draftOf(courseId));
}

/** Sanitised lessons in the stored shape; file references checked against this course. */
async function normalise(courseId: string, input: ContentInput): Promise<StoredModule[]> {
  const files = await courseFiles(courseId);
  const issues: FieldIssue[] = [];
  const own = (id: string | null, path: string) => {
    if (id && !files.has(id))
      issues.push({ path, code: 'unknown_reference', message: 'Not a file of this course.' });
  };
  const modules = input.modules.map((m, i) => ({
    id: m.id,
    title: m.title,
    lessons: m.lessons.map((l, j): StoredLesson => {
      const p = `modules.${i}.lessons.${j}`;
      const html = sanitizeCourseHtml(l.html, courseId);
      own(l.mediaFileId, `${p}.mediaFileId`);
      own(l.captionsFileId, `${p}.captionsFileId`);
      l.fileIds.forEach((id, k) => own(id, `${p}.fileIds.${k}`));
      inlineFileIds(html).forEach((id) => own(id, `${p}.html`));
      return {
        id: l.id,
        type: l.type,
        title: l.title,
        html,
        mediaFileId: l.mediaFileId,
        captionsFileId: l.captionsFileId,
        transcript: l.transcript,
        fileIds: [...l.fileIds],
        url: l.url,
        quiz: l.quiz
          ? {
              questions: l.quiz.questions.map((q) => ({
                id: q.id,
                kind: q.kind,
                text: q.text,
                options: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
                feedback: q.feedback,
              })),
              passingScore: l.quiz.passingScore,
              maxAttempts: l.quiz.maxAttempts,
            }
          : null,
      };
    }),
  }));
  issues.push(...duplicateIds(modules, input.assessment));
  if (issues.length) throw badRequest('Please check the marked fields.', issues);
  return modules;
}

/** Authors save the draft (rev-guarded: 409 `stale_copy` when someone saved meanwhile). */
/** Under the course's write lock: FerretDB does not apply concurrent conditional updates atomically. */
export function putDraft(
  user: CurrentUser,
  courseId: string,
  input: ContentInput,
  req?: Request,
): Promise<CourseDraftDTO> {
  return withCourseLock(courseId, () => putDraftLocked(user, courseId, input, req));
}

async function putDraftLocked(
  user: CurrentUser,
  courseId: string,
  input: ContentInput,
  req?: Request,
): Promise<CourseDraftDTO> {
  const { course } = await requireCourse(user, courseId, 'edit', req);
  const modules = await normalise(courseId, input);
  const assessment = input.assessment.map((a) => ({
    id: a.id,
    area: a.area,
    statement: a.statement,
  }));
  const set = { modules, assessment, updatedAt: new Date(), updatedBy: user.id };
  let doc = await ContentModel.findOneAndUpdate(
    { _id: draftId(courseId), rev: input.rev },
    { $set: set, $inc: { rev: 1 } },
    { returnDocument: 'after' },
  ).lean<ContentDoc>();
  if (!doc && input.rev === 0) {
    // No draft stored yet (a create that stopped half-way): the first save makes it.
    try {
      const made = await ContentModel.create({
        _id: draftId(courseId),
        courseId,
        version: null,
        ...set,
        baseVersion: course.version,
        rev: 1,
      });
      doc = made.toObject<ContentDoc>();
    } catch (err) {
      if (!isDuplicate(err)) throw err;
    }
  }
  if (!doc) {
    forgetDraft(courseId);
    throw staleCopy();
  }
  const stored = toStoredContent(doc);
  rememberDraft(courseId, stored);
  events.publish('learning.course_changed', {
    courseId,
    actorId: user.id,
    change: 'draft',
    version: course.version,
  });
  return present(course, stored);
}

/**
 * Publishes the draft as version n + 1, exactly once: the snapshot `<id>:v<n+1>` is inserted
 * FIRST (a duplicate `_id` means someone else published it: 409), then the course moves from
 * version n to n + 1 conditionally.
 */
/** Under the course's write lock: FerretDB does not apply concurrent conditional updates atomically. */
export function publishDraft(
  user: CurrentUser,
  courseId: string,
  rev: number,
  req?: Request,
): Promise<CourseDTO> {
  return withCourseLock(courseId, () => publishDraftLocked(user, courseId, rev, req));
}

async function publishDraftLocked(
  user: CurrentUser,
  courseId: string,
  rev: number,
  req?: Request,
): Promise<CourseDTO> {
  const { course } = await requireCourse(user, courseId, 'publish', req);
  // Fresh from the database (rare editorial action): the caches may lag another instance.
  const [draftDoc, courseDoc] = await Promise.all([
    ContentModel.findById(draftId(courseId)).lean<ContentDoc>(),
    CourseModel.findById(courseId).lean<Course>(),
  ]);
  if (!courseDoc) throw notFound();
  const draft = draftDoc ? toStoredContent(draftDoc) : await draftOf(courseId);
  if (draft.rev !== rev) throw staleCopy();
  const n = courseDoc.version ?? 0;
  const published = await contentVersion(courseId, n);
  // The first publish always goes: a training needs no lessons (empty courses and
  // self-assessments are refused below as incomplete).
  if (n > 0 && !draftDiffers(draft, published)) {
    throw new HttpError(
      409,
      'nothing_to_publish',
      'The draft is the same as the published version.',
    );
  }
  const issues = incompleteIssues(course.kind, draft);
  if (issues.length)
    throw new HttpError(400, 'course_incomplete', 'The course is not complete yet.', issues);
  const next = n + 1;
  const now = new Date();
  let snapshot: StoredContent = draft;
  try {
    await ContentModel.create({
      _id: versionId(courseId, next),
      courseId,
      version: next,
      modules: draft.modules,
      assessment: draft.assessment,
      baseVersion: next,
      rev: draft.rev,
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
      publishedAt: now,
      publishedBy: user.id,
    });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    // Version n + 1 exists: someone else is publishing it, or a publish stopped between the two
    // writes. Either way the conditional move n → n + 1 below happens once: whoever makes it
    // answers 200 (a stuck course is repaired by the next publish), the other 409.
    const existing = await contentVersion(courseId, next);
    if (!existing) throw staleCopy();
    snapshot = existing;
  }
  const doc = await CourseModel.findOneAndUpdate(
    { _id: courseId, version: n },
    {
      $set: {
        version: next,
        status: 'published',
        lessonCount: lessonsOf(snapshot).length,
        publishedAt: now,
        publishedBy: user.id,
      },
      $inc: { rev: 1 },
    },
    { returnDocument: 'after' },
  ).lean<Course>();
  if (!doc) {
    await rememberCourse(courseId);
    throw staleCopy();
  }
  putCourseDoc(doc);
  await ContentModel.updateOne({ _id: draftId(courseId) }, { $set: { baseVersion: next } });
  forgetDraft(courseId);
  await audit({
    action: 'learning.course.publish',
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: courseId,
    detail: { version: next },
    req,
  });
  events.publish('learning.course_changed', {
    courseId,
    actorId: user.id,
    change: 'published',
    version: next,
  });
  return viewAfterWrite(user, courseId);
}

/** Authors: the published versions, newest first (from the immutable snapshots, cached). */
export async function listVersions(
  user: CurrentUser,
  courseId: string,
  req?: Request,
): Promise<CourseVersionDTO[]> {
  const { course } = await requireAuthor(user, courseId, 'versions', req);
  const numbers = Array.from({ length: course.version }, (_, i) => course.version - i);
  const docs = await Promise.all(
    numbers.map(async (v) => ({ v, c: await contentVersion(courseId, v) })),
  );
  const people = await personRefs(docs.map((d) => d.c?.publishedBy ?? null));
  return docs.map(({ v, c }) => ({
    version: v,
    publishedAt: (c?.publishedAt ?? c?.updatedAt ?? new Date(0)).toISOString(),
    publishedBy: c?.publishedBy ? (people.get(c.publishedBy) ?? null) : null,
    lessonCount: c ? lessonsOf(c).length : 0,
  }));
}
