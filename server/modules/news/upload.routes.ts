import type { RequestHandler } from 'express';
import { articleIdParams, fileParams } from '@shared/news/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { sendFile, uploadInput, uploadMiddleware } from '../../lib/files';
import {
  NEWS_UPLOAD_FIELD,
  NEWS_UPLOAD_MAX_BYTES,
  ensureMayUpload,
  openNewsFile,
  uploadNewsFile,
} from './upload.service';

const upload = uploadMiddleware({
  field: NEWS_UPLOAD_FIELD,
  maxBytes: NEWS_UPLOAD_MAX_BYTES,
  maxFields: 2,
});

/** Refuses before the body is read: nobody without the right gets to send 20 MB. */
const mayUpload: RequestHandler = (req, _res, next) => {
  const params = articleIdParams.safeParse(req.params);
  if (!req.user || !params.success) return next();
  ensureMayUpload(req.user, params.data.id, req).then(() => next(), next);
};

export const uploadRoutes: RouteDef[] = [
  defineRoute({
    method: 'post',
    path: '/api/news/:id/uploads',
    tag: 'news',
    summary:
      'Upload an image (re-encoded to WebP, ≤ 2000 px wide) or a document (PDF, office) for an article, which may not be saved yet; multipart field `file`, optional `uploadId`',
    access: 'user',
    params: articleIdParams,
    before: [mayUpload, upload],
    handler: async ({ req, res, user, params }) => {
      const result = await uploadNewsFile(
        user,
        params.id,
        uploadInput(req, NEWS_UPLOAD_FIELD),
        req,
      );
      res.status(result.created ? 201 : 200);
      return { data: result.file };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/news/:id/files/:fileId',
    tag: 'news',
    summary: 'A file of an article (its readers when referenced by it, its editors, the uploader)',
    access: 'user',
    params: fileParams,
    raw: true,
    handler: async ({ res, user, params }) => {
      const { file, stream } = await openNewsFile(user, params.id, params.fileId);
      return sendFile(res, stream, {
        filename: file.filename,
        contentType: file.contentType,
        length: file.size,
        // Only images the portal re-encoded itself are shown inline.
        inline: file.kind === 'image',
        cacheControl: 'private, max-age=3600',
      });
    },
  }),
];
