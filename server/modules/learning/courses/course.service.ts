import { withCourseLock } from './course-lock';
import type { Request } from 'express';
import type { CourseCreateInput, CourseUpdateInput } from '@shared/learning/schemas';
import type { CourseDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { audit } from '../../audit/audit.service';
import { deny } from '../../audit/deny';
import { peopleFromDirectory } from '../../people/directory-index';
import { HttpError, badRequest, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { requireCourse } from '../access';
import { categoryMap } from './category.service';
import { ContentModel, draftId } from './content.model';
import { courseIndex, putCourseDoc, rememberCourse } from './course-index';
import { CourseModel, type Course } from './course.model';
import { canCreateCourse, restoredStatus } from './course.policy';
import { sanitizeCourseHtml } from './course.sanitize';
import { viewAfterWrite } from './course-read.service';

export const isDuplicate = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
export const staleCopy = () =>
  new HttpError(409, 'stale_copy', 'The course was changed meanwhile. Please reload.');

/** The empty draft (idempotent: an existing draft is kept). */
async function ensureDraft(courseId: string, actorId: string): Promise<void> {
  try {
    await ContentModel.create({
      _id: draftId(courseId),
      courseId,
      version: null,
      modules: [],
      assessment: [],
      baseVersion: 0,
      rev: 0,
      updatedAt: new Date(),
      updatedBy: actorId,
    });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
}

/** HR only. Idempotent by clientId (same person); another person's clientId → 409. */
export async function createCourse(
  user: CurrentUser,
  input: CourseCreateInput,
  req?: Request,
): Promise<{ course: CourseDTO; created: boolean }> {
  if (!canCreateCourse(user.roles)) {
    throw await deny(user, 'learning.course.create', { type: 'learning_course' }, req);
  }
  const existing = (await courseIndex()).all.find((c) => c.clientId === input.clientId);
  let created = false;
  let id: string;
  let owner: string | null;
  if (existing) {
    id = existing.id;
    owner = existing.createdBy;
  } else {
    try {
      const made = await CourseModel.create({
        clientId: input.clientId,
        kind: input.kind,
        title: input.title,
        status: 'draft',
        createdBy: user.id,
        rev: 0,
      });
      const doc = made.toObject<Course>();
      putCourseDoc(doc);
      id = String(doc._id);
      owner = user.id;
      created = true;
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const doc = await CourseModel.findOne({ clientId: input.clientId }).lean<Course>();
      if (!doc) throw new HttpError(503, 'service_unavailable', 'Please try again.');
      putCourseDoc(doc);
      id = String(doc._id);
      owner = doc.createdBy ? String(doc.createdBy) : null;
    }
  }
  if (owner !== user.id) {
    throw new HttpError(409, 'client_id_reused', 'This client id belongs to another course.');
  }
  // Also on a retry: a create that stopped half-way gets its draft.
  await ensureDraft(id, user.id);
  if (created) {
    await audit({
      action: 'learning.course.create',
      actorId: user.id,
      subjectType: 'learning_course',
      subjectId: id,
      detail: { kind: input.kind, title: input.title },
      req,
    });
    events.publish('learning.course_changed', {
      courseId: id,
      actorId: user.id,
      change: 'created',
      version: 0,
    });
  }
  return { course: await viewAfterWrite(user, id), created };
}

async function checkReferences(input: CourseUpdateInput): Promise<void> {
  const issues: { path: string; code: string; message: string }[] = [];
  if (input.categoryId && !(await categoryMap()).has(input.categoryId)) {
    issues.push({ path: 'categoryId', code: 'not_found', message: 'Unknown category.' });
  }
  if (input.trainerIds?.length) {
    const found = new Set(
      (await peopleFromDirectory(input.trainerIds))
        .filter((p) => p.active)
        .map((p) => String(p._id)),
    );
    input.trainerIds.forEach((id, i) => {
      if (!found.has(id))
        issues.push({ path: `trainerIds.${i}`, code: 'not_found', message: 'Unknown person.' });
    });
  }
  if (issues.length) throw badRequest('Please check the marked fields.', issues);
}

/** Meta (rev-guarded). Audience and trainers need `administer` (HR). */
/** Under the course's write lock: FerretDB does not apply concurrent conditional updates atomically. */
export function updateCourse(
  user: CurrentUser,
  courseId: string,
  input: CourseUpdateInput,
  req?: Request,
): Promise<CourseDTO> {
  return withCourseLock(courseId, () => updateCourseLocked(user, courseId, input, req));
}

async function updateCourseLocked(
  user: CurrentUser,
  courseId: string,
  input: CourseUpdateInput,
  req?: Request,
): Promise<CourseDTO> {
  const needsAdmin = input.audience !== undefined || input.trainerIds !== undefined;
  await requireCourse(user, courseId, needsAdmin ? 'administer' : 'edit', req);
  await checkReferences(input);
  const set: Record<string, unknown> = {};
  if (input.title !== undefined) set.title = input.title;
  if (input.summary !== undefined) set.summary = input.summary;
  if (input.description !== undefined)
    set.description = sanitizeCourseHtml(input.description, courseId);
  if (input.categoryId !== undefined) set.categoryId = input.categoryId;
  if (input.tags !== undefined) set.tags = [...new Set(input.tags)];
  if (input.language !== undefined) set.language = input.language;
  if (input.estimatedMinutes !== undefined) set.estimatedMinutes = input.estimatedMinutes;
  if (input.audience !== undefined) set.audience = input.audience;
  if (input.trainerIds !== undefined) set.trainerIds = [...new Set(input.trainerIds)];
  if (input.completion !== undefined) set.completion = input.completion;
  if (input.costCents !== undefined) set.costCents = input.costCents;
  if (input.hrConfirmationAlways !== undefined)
    set.hrConfirmationAlways = input.hrConfirmationAlways;
  const doc = await CourseModel.findOneAndUpdate(
    { _id: courseId, rev: input.rev },
    { $set: set, $inc: { rev: 1 } },
    { returnDocument: 'after' },
  ).lean<Course>();
  if (!doc) {
    await rememberCourse(courseId);
    throw staleCopy();
  }
  putCourseDoc(doc);
  await audit({
    action: 'learning.course.update',
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: courseId,
    detail: { fields: Object.keys(set) },
    req,
  });
  events.publish('learning.course_changed', {
    courseId,
    actorId: user.id,
    change: 'updated',
    version: doc.version,
  });
  return viewAfterWrite(user, courseId);
}

/** Archive (out of the catalogue, read-only for enrolled learners) or restore; rev-guarded. */
/** Under the course's write lock: FerretDB does not apply concurrent conditional updates atomically. */
export function setArchived(
  user: CurrentUser,
  courseId: string,
  rev: number,
  archived: boolean,
  req?: Request,
): Promise<CourseDTO> {
  return withCourseLock(courseId, () => setArchivedLocked(user, courseId, rev, archived, req));
}

async function setArchivedLocked(
  user: CurrentUser,
  courseId: string,
  rev: number,
  archived: boolean,
  req?: Request,
): Promise<CourseDTO> {
  const { course } = await requireCourse(user, courseId, 'archive', req);
  const isArchived = course.status === 'archived';
  if (isArchived === archived) {
    throw new HttpError(
      409,
      'invalid_transition',
      archived ? 'Already archived.' : 'Not archived.',
    );
  }
  const status = archived ? 'archived' : restoredStatus(course);
  const doc = await CourseModel.findOneAndUpdate(
    { _id: courseId, rev, status: course.status },
    { $set: { status }, $inc: { rev: 1 } },
    { returnDocument: 'after' },
  ).lean<Course>();
  if (!doc) {
    await rememberCourse(courseId);
    const fresh = await CourseModel.exists({ _id: courseId });
    throw fresh ? staleCopy() : notFound();
  }
  putCourseDoc(doc);
  const change = archived ? 'archived' : 'restored';
  await audit({
    action: `learning.course.${archived ? 'archive' : 'restore'}`,
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: courseId,
    req,
  });
  events.publish('learning.course_changed', {
    courseId,
    actorId: user.id,
    change,
    version: doc.version,
  });
  return viewAfterWrite(user, courseId);
}
