import type { RequestHandler } from 'express';
import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import {
  feedQuerySchema,
  postCommentParams,
  postCommentSchema,
  postCreateSchema,
  postParams,
  postPinSchema,
  postReactSchema,
  postUpdateSchema,
  roomIdParams,
} from '@shared/rooms/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { answeredNotModified, sendFile, uploadInput, uploadMiddleware } from '../../../lib/files';
import { requireRoom } from '../access';
import { markSeen } from '../activity/activity';
import {
  POST_FILE_FIELD,
  POST_FILE_MAX_BYTES,
  ensureMayUploadPostFile,
  openPostFile,
  uploadPostFile,
} from './post.files';
import {
  addComment,
  createPost,
  deleteComment,
  deletePost,
  getPost,
  listFeed,
  pinPost,
  reactToPost,
  updatePost,
} from './post.service';

const tag = 'rooms';
const base = '/api/rooms/:roomId';
const noQuery = z.object({}).strict();
const fileParams = z.object({ roomId: objectId, fileId: objectId }).strict();
const upload = uploadMiddleware({
  field: POST_FILE_FIELD,
  maxBytes: POST_FILE_MAX_BYTES,
  maxFields: 2,
});

const id = (s: string) => s.toLowerCase();

/** Refuses before the body is read: nobody who may not post here gets to send 20 MB. */
const mayUpload: RequestHandler = (req, _res, next) => {
  const params = roomIdParams.safeParse(req.params);
  if (!req.user || !params.success) return next();
  ensureMayUploadPostFile(req.user, id(params.data.roomId)).then(() => next(), next);
};

/** The room feed (posts, comments, reactions, pins, post files) and "seen" for unread counts. */
export const roomFeedRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/feed`,
    tag,
    summary: 'Feed of a room: pinned posts (first page) and posts newest first, members only',
    access: 'user',
    params: roomIdParams,
    query: feedQuerySchema,
    handler: async ({ user, params, query }) => {
      const page = await listFeed(user, id(params.roomId), query);
      return { data: page, nextCursor: page.nextCursor };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/posts`,
    tag,
    summary:
      'Write a post (members; announcements: moderators). Idempotent by the client id: a repeat returns the stored post (200)',
    access: 'user',
    params: roomIdParams,
    body: postCreateSchema,
    handler: async ({ res, user, params, body }) => {
      const r = await createPost(user, id(params.roomId), body);
      res.status(r.created ? 201 : 200);
      return { data: r.post };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/posts/:postId`,
    tag,
    summary: 'One post with all its comments',
    access: 'user',
    params: postParams,
    query: noQuery,
    handler: async ({ user, params }) => ({
      data: await getPost(user, id(params.roomId), id(params.postId)),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/posts/:postId`,
    tag,
    summary: 'Edit the text of one of my posts (rev-guarded: 409 stale_copy)',
    access: 'user',
    params: postParams,
    body: postUpdateSchema,
    handler: async ({ user, params, body }) => ({
      data: await updatePost(user, id(params.roomId), id(params.postId), body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/posts/:postId`,
    tag,
    summary: 'Delete a post (its author or a moderator)',
    access: 'user',
    params: postParams,
    handler: async ({ user, params }) => ({
      data: await deletePost(user, id(params.roomId), id(params.postId)),
    }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/posts/:postId/pin`,
    tag,
    summary: 'Pin or unpin a post (moderators; at most 5 pinned per room)',
    access: 'user',
    params: postParams,
    body: postPinSchema,
    handler: async ({ user, params, body }) => ({
      data: await pinPost(user, id(params.roomId), id(params.postId), body.pinned),
    }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/posts/:postId/reactions`,
    tag,
    summary: 'Set or remove my reaction (idempotent)',
    access: 'user',
    params: postParams,
    body: postReactSchema,
    handler: async ({ user, params, body }) => ({
      data: await reactToPost(user, id(params.roomId), id(params.postId), body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/posts/:postId/comments`,
    tag,
    summary: 'Comment on a post (members; idempotent by the client id; at most 500 per post)',
    access: 'user',
    params: postParams,
    body: postCommentSchema,
    handler: async ({ res, user, params, body }) => {
      const r = await addComment(user, id(params.roomId), id(params.postId), body);
      res.status(r.created ? 201 : 200);
      return { data: r.comment };
    },
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/posts/:postId/comments/:commentId`,
    tag,
    summary: 'Delete a comment (its author or a moderator); answers the post',
    access: 'user',
    params: postCommentParams,
    handler: async ({ user, params }) => ({
      data: await deleteComment(user, id(params.roomId), id(params.postId), params.commentId),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/post-files`,
    tag,
    summary:
      'Upload an image or attachment for a post (members; 20 MB; type sniffed, image metadata removed); multipart field `file`, optional `uploadId`',
    access: 'user',
    params: roomIdParams,
    before: [mayUpload, upload],
    handler: async ({ req, res, user, params }) => {
      const r = await uploadPostFile(user, id(params.roomId), uploadInput(req, POST_FILE_FIELD));
      res.status(r.created ? 201 : 200);
      return { data: r.file };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/post-files/:fileId`,
    tag,
    summary: 'A post file (members only; images inline, everything else as an attachment)',
    access: 'user',
    params: fileParams,
    query: noQuery,
    raw: true,
    handler: async ({ req, res, user, params }) => {
      const f = await openPostFile(user, id(params.roomId), id(params.fileId));
      // Revalidated on every show (a removed member's browser must not keep showing it); the
      // GridFS id never changes its bytes, so it is the ETag and a revalidation costs no bytes.
      const cacheControl = 'private, no-cache';
      if (answeredNotModified(req, res, f.stream, `"${f.id}"`, cacheControl)) return undefined;
      return sendFile(res, f.stream, {
        filename: f.name,
        contentType: f.contentType,
        length: f.size,
        inline: f.isImage,
        cacheControl,
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/seen`,
    tag,
    summary: 'I opened the room: its activity so far no longer counts as unread (members only)',
    access: 'user',
    params: roomIdParams,
    handler: async ({ user, params }) => {
      const roomId = id(params.roomId);
      await requireRoom(user, roomId, 'read');
      return { data: { seenAt: await markSeen(user.id, roomId) } };
    },
  }),
];
