import type { Request, Response } from 'express';
import mongoose from 'mongoose';
import type { LessonFileDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { audit } from '../../audit/audit.service';
import { badRequest, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import {
  deleteFile,
  getBucket,
  saveFile,
  setDownloadHeaders,
  streamFile,
} from '../../../lib/files';
import { withoutMetadata } from '../../../lib/files/attachments';
import { courseAccess, requireCourse } from '../access';
import { lessonsOf, publishedContent, type StoredContent } from './content';
import { putCourseDoc } from './course-index';
import { CourseModel, type Course } from './course.model';
import { isAuthor } from './course.policy';
import { inlineFileIds } from './course.sanitize';
import {
  LEARNING_BUCKET,
  OWNER_TYPE,
  courseFiles,
  forgetCourseFiles,
  presentFile,
  type CourseFile,
} from './file.store';
import { classifyCourseFile, servedInline, type FilePurpose } from './file.types';

/** Authors upload lesson media, captions and documents (and images for lesson texts). */
export async function uploadCourseFile(
  user: CurrentUser,
  courseId: string,
  file: { buffer: Buffer; originalname: string },
  purpose: FilePurpose,
  uploadId: string | undefined,
  req?: Request,
): Promise<LessonFileDTO> {
  await requireCourse(user, courseId, 'edit', req);
  const type = await classifyCourseFile(file.buffer, file.originalname, purpose);
  const buffer =
    purpose === 'image'
      ? await withoutMetadata(file.buffer, type.contentType, 'file')
      : file.buffer;
  const stored = await saveFile({
    buffer,
    filename: type.name,
    contentType: type.contentType,
    metadata: {
      ownerType: OWNER_TYPE,
      ownerId: courseId,
      uploadedBy: user.id,
      ...(uploadId ? { uploadId } : {}),
    },
    bucket: LEARNING_BUCKET,
  });
  if (stored.created) {
    // The purpose travels in the files document (the lesson editor filters by it).
    const db = mongoose.connection.db;
    await db
      ?.collection(`${LEARNING_BUCKET}.files`)
      .updateOne(
        { _id: new mongoose.Types.ObjectId(stored.id) },
        { $set: { 'metadata.purpose': purpose } },
      );
  }
  forgetCourseFiles(courseId);
  await audit({
    action: 'learning.course.file_upload',
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: courseId,
    detail: { fileId: stored.id, purpose, size: stored.length },
    req,
  });
  events.publish('learning.course_changed', {
    courseId,
    actorId: user.id,
    change: 'draft',
    version: 0,
  });
  return presentFile(courseId, { ...stored, purpose });
}

// Every file the published version references (immutable snapshot → computed once).
const referenced = new WeakMap<StoredContent, Set<string>>();
function referencedBy(content: StoredContent): Set<string> {
  let ids = referenced.get(content);
  if (!ids) {
    ids = new Set();
    for (const l of lessonsOf(content)) {
      if (l.mediaFileId) ids.add(l.mediaFileId);
      if (l.captionsFileId) ids.add(l.captionsFileId);
      for (const id of l.fileIds) ids.add(id);
      for (const id of inlineFileIds(l.html)) ids.add(id);
    }
    referenced.set(content, ids);
  }
  return ids;
}

/** Authors always; viewers only files of the published version. Otherwise 404. */
async function readableFile(
  user: CurrentUser,
  courseId: string,
  fileId: string,
): Promise<CourseFile> {
  const access = await courseAccess(user, courseId);
  if (!access) throw notFound();
  const file = (await courseFiles(courseId)).get(fileId.toLowerCase());
  if (!file) throw notFound();
  if (isAuthor(user, access.course)) return file;
  const content = access.abilities.view ? await publishedContent(courseId) : null;
  const description = access.abilities.view ? inlineFileIds(access.course.description) : [];
  if ((content && referencedBy(content).has(file.id)) || description.includes(file.id)) return file;
  throw notFound();
}

type Range = { start: number; end: number } | 'invalid' | null;

/** One `bytes=` range (multiple ranges are not served: the whole file instead). */
export function parseRange(header: string | undefined, size: number): Range {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.trim().startsWith('bytes=') && header.includes(',') ? null : 'invalid';
  const [, a, b] = m;
  if (a === '' && b === '') return 'invalid';
  let start: number;
  let end: number;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

/** Serves a course file with HTTP Range support (video seeking). */
export async function sendCourseFile(
  user: CurrentUser,
  courseId: string,
  fileId: string,
  req: Request,
  res: Response,
): Promise<undefined> {
  const file = await readableFile(user, courseId, fileId);
  const range = parseRange(req.headers.range, file.length);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', 'private, max-age=3600');
  if (range === 'invalid') {
    res.setHeader('Content-Range', `bytes */${file.length}`);
    res.status(416).end();
    return undefined;
  }
  setDownloadHeaders(res, {
    filename: file.filename,
    contentType: file.contentType,
    inline: servedInline(file.contentType),
    length: range ? range.end - range.start + 1 : file.length,
  });
  const bucket = await getBucket(LEARNING_BUCKET);
  const id = new mongoose.Types.ObjectId(file.id);
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.length}`);
    if (file.length === 0) return void res.end();
    return streamFile(
      res,
      bucket.openDownloadStream(id, { start: range.start, end: range.end + 1 }),
    );
  }
  return streamFile(res, bucket.openDownloadStream(id));
}

/** Swaps the course image id under the course lock (no rev bump: not a meta edit). */
async function swapImage(courseId: string, imageId: string | null): Promise<string | null> {
  return withKeyLock(`learning-course:${courseId}`, async () => {
    const before = await CourseModel.findOneAndUpdate(
      { _id: courseId },
      { $set: { imageId } },
      { returnDocument: 'before' },
    ).lean<Course>();
    if (!before) throw notFound();
    putCourseDoc({ ...before, imageId: imageId ? new mongoose.Types.ObjectId(imageId) : null });
    return before.imageId ? String(before.imageId) : null;
  });
}

export async function setCourseImage(
  user: CurrentUser,
  courseId: string,
  file: { buffer: Buffer; originalname: string },
  req?: Request,
): Promise<{ imageUrl: string }> {
  await requireCourse(user, courseId, 'edit', req);
  const type = await classifyCourseFile(file.buffer, file.originalname, 'image');
  const clean = await withoutMetadata(file.buffer, type.contentType, 'file');
  const stored = await saveFile({
    buffer: clean,
    filename: type.name,
    contentType: type.contentType,
    metadata: { ownerType: `${OWNER_TYPE}_image`, ownerId: courseId, uploadedBy: user.id },
    bucket: LEARNING_BUCKET,
  });
  let old: string | null;
  try {
    old = await swapImage(courseId, stored.id);
  } catch (err) {
    await deleteFile(stored.id, LEARNING_BUCKET).catch(() => undefined);
    throw err;
  }
  if (old) await deleteFile(old, LEARNING_BUCKET).catch(() => undefined);
  await audit({
    action: 'learning.course.image',
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: courseId,
    req,
  });
  events.publish('learning.course_changed', {
    courseId,
    actorId: user.id,
    change: 'updated',
    version: 0,
  });
  return { imageUrl: `/api/learning/courses/${courseId}/image?v=${stored.id}` };
}

export async function deleteCourseImage(
  user: CurrentUser,
  courseId: string,
  req?: Request,
): Promise<void> {
  const { course } = await requireCourse(user, courseId, 'edit', req);
  if (!course.imageId) return;
  const old = await swapImage(courseId, null);
  if (old) await deleteFile(old, LEARNING_BUCKET).catch(() => undefined);
  await audit({
    action: 'learning.course.image_delete',
    actorId: user.id,
    subjectType: 'learning_course',
    subjectId: courseId,
    req,
  });
  events.publish('learning.course_changed', {
    courseId,
    actorId: user.id,
    change: 'updated',
    version: 0,
  });
}

/** The course image for whoever may view or edit the course. */
export async function sendCourseImage(
  user: CurrentUser,
  courseId: string,
  res: Response,
): Promise<undefined> {
  const access = await courseAccess(user, courseId);
  if (!access?.course.imageId) throw notFound();
  const bucket = await getBucket(LEARNING_BUCKET);
  const id = new mongoose.Types.ObjectId(access.course.imageId);
  const [doc] = await bucket.find({ _id: id }, { limit: 1 }).toArray();
  if (!doc) throw notFound();
  const meta = (doc.metadata ?? {}) as { contentType?: string };
  res.setHeader('Cache-Control', 'private, max-age=86400');
  setDownloadHeaders(res, {
    filename: doc.filename,
    contentType: meta.contentType ?? 'application/octet-stream',
    inline: true,
    length: doc.length,
  });
  return streamFile(res, bucket.openDownloadStream(id));
}

export const purposeOf = (raw: string | undefined): FilePurpose => {
  if (raw === 'media' || raw === 'captions' || raw === 'document' || raw === 'image') return raw;
  throw badRequest('Please choose what the file is for.', [
    { path: 'purpose', code: 'invalid_value', message: 'invalid_value' },
  ]);
};
