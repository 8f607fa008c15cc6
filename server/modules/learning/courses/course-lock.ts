import { withKeyLock } from '../../../lib/keyed-lock';

/**
 * Serialises the writes of one course's meta and draft (PATCH, draft save, publish, archive) in
 * this process. Their `{ _id, rev }` / `{ _id, version }` guards make them exactly-once on
 * MongoDB; FerretDB applies concurrent conditional updates of one document non-atomically.
 */
export const withCourseLock = <T>(courseId: string, fn: () => Promise<T>): Promise<T> =>
  withKeyLock(`learning-course-write:${courseId}`, fn);
