import type { RequestHandler } from 'express';
import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import { commentCreateSchema, commentUpdateSchema, pageId } from '@shared/wiki/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { sendFile, uploadInput, uploadMiddleware } from '../../../lib/files';
import { createComment, deleteComment, listComments, updateComment } from './comment.service';
import {
  WIKI_FILE_MAX_BYTES,
  WIKI_UPLOAD_FIELD,
  ensureMayUpload,
  listWikiFiles,
  openWikiFile,
  uploadWikiFile,
} from './file.service';
import { unwatchPage, watchPage } from './watch.service';

const tag = 'wiki';
const base = '/api/wiki/pages/:pageId';

const pageParams = z.object({ pageId }).strict();
const commentParams = z
  .object({ pageId, commentId: z.string().uuid({ message: 'invalid_id' }) })
  .strict();
const fileParams = z.object({ pageId, fileId: objectId }).strict();
const noQuery = z.object({}).strict();

const upload = uploadMiddleware({
  field: WIKI_UPLOAD_FIELD,
  maxBytes: WIKI_FILE_MAX_BYTES,
  maxFields: 2,
});

const id = (s: string) => s.toLowerCase();

/** Refuses before the body is read: nobody who may not edit the page gets to send 20 MB. */
const mayUpload: RequestHandler = (req, _res, next) => {
  const params = pageParams.safeParse(req.params);
  if (!req.user || !params.success) return next();
  ensureMayUpload(req.user, id(params.data.pageId)).then(() => next(), next);
};

/** Comments, watching and files of a wiki page. Every route: 404 when the page is not readable. */
export const wikiSocialRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/comments`,
    tag,
    summary: 'Comments of a page: top-level comments oldest first, each followed by its replies',
    access: 'user',
    params: pageParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await listComments(user, id(params.pageId)) }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/comments`,
    tag,
    summary:
      'Comment or reply (commenter+; idempotent by client id: a replay answers 200 with the stored comment)',
    access: 'user',
    params: pageParams,
    body: commentCreateSchema,
    handler: async ({ res, user, params, body }) => {
      const r = await createComment(user, id(params.pageId), body);
      res.status(r.created ? 201 : 200);
      return { data: r.comment };
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/comments/:commentId`,
    tag,
    summary: 'Edit a comment (author) and/or resolve or reopen it (top-level: author or editor+)',
    access: 'user',
    params: commentParams,
    body: commentUpdateSchema,
    handler: async ({ user, params, body }) => ({
      data: await updateComment(user, id(params.pageId), params.commentId, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/comments/:commentId`,
    tag,
    summary: 'Delete a comment (author or space admin; soft: replies stay)',
    access: 'user',
    params: commentParams,
    handler: async ({ user, params }) => ({
      data: await deleteComment(user, id(params.pageId), params.commentId),
    }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/watch`,
    tag,
    summary: 'Watch a page (notifications on changes and comments)',
    access: 'user',
    params: pageParams,
    handler: async ({ user, params }) => ({ data: await watchPage(user, id(params.pageId)) }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/watch`,
    tag,
    summary: 'Stop watching a page',
    access: 'user',
    params: pageParams,
    handler: async ({ user, params }) => ({ data: await unwatchPage(user, id(params.pageId)) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/files`,
    tag,
    summary: 'Files of a page, newest first',
    access: 'user',
    params: pageParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await listWikiFiles(user, id(params.pageId)) }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/files`,
    tag,
    summary:
      'Upload a file or image to a page (editor+; 20 MB; type sniffed, image metadata removed); multipart field `file`, optional `uploadId`',
    access: 'user',
    params: pageParams,
    before: [mayUpload, upload],
    handler: async ({ req, res, user, params }) => {
      const r = await uploadWikiFile(user, id(params.pageId), uploadInput(req, WIKI_UPLOAD_FIELD));
      res.status(r.created ? 201 : 200);
      return { data: r.file };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/files/:fileId`,
    tag,
    summary: 'Download a file of the page (images inline, everything else as an attachment)',
    access: 'user',
    params: fileParams,
    query: noQuery,
    raw: true,
    handler: async ({ res, user, params }) => {
      const f = await openWikiFile(user, id(params.pageId), id(params.fileId));
      return sendFile(res, f.stream, {
        filename: f.name,
        contentType: f.contentType,
        length: f.size,
        inline: f.isImage,
        cacheControl: 'private, max-age=3600',
      });
    },
  }),
];
