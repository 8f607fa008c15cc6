import type { RequestHandler } from 'express';
import {
  PHOTO_FIELD,
  PHOTO_MAX_BYTES,
  photoParamsSchema,
  photoUploadFieldsSchema,
} from '@shared/people/photo';
import { defineRoute, type RouteDef } from '../../lib/route';
import { forbidden } from '../../lib/errors';
import { answeredNotModified, sendFile, uploadMiddleware, uploadedFile } from '../../lib/files';
import { parseOrThrow } from '../../middleware/validate';
import { audit } from '../audit/audit.service';
import { canChangePhotoAsAdmin } from './photo.policy';
import { openPhoto, removePhoto, setPhoto } from './photo.service';

const upload = uploadMiddleware({ field: PHOTO_FIELD, maxBytes: PHOTO_MAX_BYTES, maxFields: 2 });

/** 403 before the body is read: a non-admin never gets to upload 5 MB to an admin route. */
const adminOnly: RequestHandler = async (req, _res, next) => {
  if (req.user && canChangePhotoAsAdmin(req.user)) return next();
  await audit({
    action: req.method === 'DELETE' ? 'person.photo.remove' : 'person.photo.update',
    actorId: req.user?.id ?? null,
    subjectType: 'person',
    subjectId: String(req.params.id ?? ''),
    outcome: 'denied',
    req,
  });
  next(forbidden());
};

const uploadInput = (req: Parameters<RequestHandler>[0]) => {
  const file = uploadedFile(req, PHOTO_FIELD);
  const fields = parseOrThrow(photoUploadFieldsSchema, { ...(req.body ?? {}) });
  return { buffer: file.buffer, uploadId: fields.uploadId };
};

export const photoRoutes: RouteDef[] = [
  defineRoute({
    method: 'put',
    path: '/api/me/photo',
    tag: 'people',
    summary: 'Upload own profile photo (multipart field `photo`, JPEG/PNG/WebP, at most 5 MB)',
    access: 'user',
    before: [upload],
    handler: async ({ req, user }) => ({
      data: await setPhoto(user, user.id, uploadInput(req), req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/me/photo',
    tag: 'people',
    summary: 'Remove own profile photo',
    access: 'user',
    handler: async ({ req, user }) => ({ data: await removePhoto(user, user.id, req) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/people/:id/photo',
    tag: 'people',
    summary: "Set a person's profile photo (administrators)",
    access: 'user',
    params: photoParamsSchema,
    before: [adminOnly, upload],
    handler: async ({ req, user, params }) => ({
      data: await setPhoto(user, params.id, uploadInput(req), req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/people/:id/photo',
    tag: 'people',
    summary: "Remove a person's profile photo (administrators)",
    access: 'user',
    params: photoParamsSchema,
    before: [adminOnly],
    handler: async ({ req, user, params }) => ({ data: await removePhoto(user, params.id, req) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/people/:id/photo',
    tag: 'people',
    summary: "A person's profile photo (512×512 WebP); 404 when there is none",
    access: 'user',
    params: photoParamsSchema,
    raw: true,
    handler: async ({ req, res, user, params }) => {
      const { file, stream } = await openPhoto(user, params.id);
      const cacheControl = 'private, max-age=3600';
      if (answeredNotModified(req, res, stream, `"${file.id}"`, cacheControl)) return undefined;
      return sendFile(res, stream, {
        filename: `photo-${params.id}.webp`,
        contentType: 'image/webp',
        length: file.length,
        inline: true,
        cacheControl,
      });
    },
  }),
];
