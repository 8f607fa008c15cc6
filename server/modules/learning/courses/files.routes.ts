import type { RequestHandler } from 'express';
import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { uploadField, uploadMiddleware, uploadedFile } from '../../../lib/files';
import { parseOrThrow } from '../../../middleware/validate';
import { requireCourse } from '../access';
import {
  deleteCourseImage,
  purposeOf,
  sendCourseFile,
  sendCourseImage,
  setCourseImage,
  uploadCourseFile,
} from './files.service';
import { MAX_BYTES, MAX_UPLOAD_BYTES } from './file.types';

const courseParams = z.object({ courseId: objectId }).strict();
const fileParams = z.object({ courseId: objectId, fileId: objectId }).strict();
const imageQuery = z.object({ v: objectId.optional() }).strict();
const uploadId = z
  .object({ uploadId: z.string().uuid({ message: 'invalid_id' }).optional() })
  .strict();
const tag = 'learning';
const base = '/api/learning/courses/:courseId';

/** 404/403/409 before the body is read: nobody without the right uploads 200 MB first. */
const mayEdit: RequestHandler = (req, _res, next) => {
  const courseId = String(req.params.courseId ?? '');
  if (!req.user || !/^[0-9a-f]{24}$/.test(courseId)) return next(); // the route answers 401/400
  requireCourse(req.user, courseId, 'edit', req).then(() => next(), next);
};

const fileUpload = uploadMiddleware({ field: 'file', maxBytes: MAX_UPLOAD_BYTES, maxFields: 2 });
const imageUpload = uploadMiddleware({ field: 'file', maxBytes: MAX_BYTES.image, maxFields: 0 });

export const courseFileRoutes: RouteDef[] = [
  defineRoute({
    method: 'post',
    path: `${base}/files`,
    tag,
    summary:
      'Upload a lesson file (authors; multipart `purpose` then `file`): media ≤ 200 MB, documents ≤ 25 MB, captions (WebVTT) ≤ 1 MB, images ≤ 5 MB; type from the bytes',
    access: 'user',
    params: courseParams,
    before: [mayEdit, fileUpload],
    handler: async ({ req, res, user, params }) => {
      const purpose = purposeOf(uploadField(req, 'purpose'));
      const ids = parseOrThrow(uploadId, { uploadId: uploadField(req, 'uploadId') });
      const file = uploadedFile(req, 'file');
      const data = await uploadCourseFile(user, params.courseId, file, purpose, ids.uploadId, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/files/:fileId`,
    tag,
    summary:
      'A course file with HTTP Range support (206/416): authors always; viewers only files of the published version',
    access: 'user',
    params: fileParams,
    raw: true,
    handler: async ({ req, res, user, params }) =>
      sendCourseFile(user, params.courseId, params.fileId, req, res),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/image`,
    tag,
    summary: 'Set the course image (authors; JPEG, PNG or WebP ≤ 5 MB, metadata removed)',
    access: 'user',
    params: courseParams,
    before: [mayEdit, imageUpload],
    handler: async ({ req, user, params }) => ({
      data: await setCourseImage(user, params.courseId, uploadedFile(req, 'file'), req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/image`,
    tag,
    summary: 'Remove the course image (authors)',
    access: 'user',
    params: courseParams,
    handler: async ({ req, res, user, params }) => {
      await deleteCourseImage(user, params.courseId, req);
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/image`,
    tag,
    summary: 'The course image (whoever may view or edit the course)',
    access: 'user',
    params: courseParams,
    query: imageQuery,
    raw: true,
    handler: async ({ res, user, params }) => sendCourseImage(user, params.courseId, res),
  }),
];
