import type { LessonFileDTO } from '@shared/learning/types';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { getBucket, type StoredFile } from '../../../lib/files';

/** GridFS bucket of lesson media, captions, documents and course images (owner: the course). */
export const LEARNING_BUCKET = 'learning_files';
export const OWNER_TYPE = 'learning_course';

export type CourseFile = StoredFile & { purpose: string };

// Every file of a course, read once per course (on the embedded engine a GridFS lookup by id
// scans the files collection anyway): presenters name and size the lesson files from here.
const files = createKeyedCache<Map<string, CourseFile>>({
  name: 'learning-course-files',
  max: 2000,
  load: async (courseId) => {
    const bucket = await getBucket(LEARNING_BUCKET);
    const docs = await bucket
      .find({ 'metadata.ownerType': OWNER_TYPE, 'metadata.ownerId': courseId })
      .toArray();
    const out = new Map<string, CourseFile>();
    for (const d of docs) {
      const meta = (d.metadata ?? {}) as Record<string, unknown>;
      out.set(String(d._id), {
        id: String(d._id),
        filename: d.filename,
        contentType:
          typeof meta.contentType === 'string' ? meta.contentType : 'application/octet-stream',
        length: d.length,
        uploadedAt: d.uploadDate,
        purpose: typeof meta.purpose === 'string' ? meta.purpose : 'document',
        metadata: {
          ownerType: OWNER_TYPE,
          ownerId: courseId,
          uploadedBy: typeof meta.uploadedBy === 'string' ? meta.uploadedBy : '',
        },
      });
    }
    return out;
  },
});

export const courseFiles = (courseId: string): Promise<Map<string, CourseFile>> =>
  files.get(courseId);

/** After an upload or delete: reload the course's list on next use (here and elsewhere). */
export const forgetCourseFiles = (courseId: string): void => files.invalidate(courseId);

export const fileUrl = (courseId: string, fileId: string) =>
  `/api/learning/courses/${courseId}/files/${fileId}`;

export function presentFile(courseId: string, f: CourseFile): LessonFileDTO {
  return {
    id: f.id,
    name: f.filename,
    contentType: f.contentType,
    size: f.length,
    url: fileUrl(courseId, f.id),
  };
}

export function resetCourseFiles(): void {
  files.clear();
}
