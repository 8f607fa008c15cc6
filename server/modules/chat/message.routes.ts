import type { RequestHandler } from 'express';
import { z } from 'zod';
import {
  CHAT_FILE_MAX_BYTES,
  chatSearchSchema,
  conversationIdParams,
  editMessageSchema,
  fileParams,
  followThreadSchema,
  forwardMessageSchema,
  messageParams,
  messagesQuerySchema,
  reactionParams,
  sendMessageSchema,
} from '@shared/chat/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { sendFile, uploadInput, uploadMiddleware } from '../../lib/files';
import { CHAT_UPLOAD_FIELD, ensureMayUpload, openChatFile, uploadChatFile } from './chat.files';
import { sendMessage } from './message.service';
import { messagePage, oneMessage, searchMessages, threadOf } from './message.history';
import {
  deleteMessage,
  editMessage,
  followThread,
  forwardMessage,
  setMessageReaction,
} from './message.actions';

const tag = 'chat';
const base = '/api/conversations/:id';

const upload = uploadMiddleware({
  field: CHAT_UPLOAD_FIELD,
  maxBytes: CHAT_FILE_MAX_BYTES,
  maxFields: 2,
});
const fileQuery = z.object({ preview: z.enum(['1', 'true']).optional() }).strict();

/** Refuses before the body is read: nobody who may not post gets to send 20 MB. */
const mayUpload: RequestHandler = (req, _res, next) => {
  const params = conversationIdParams.safeParse(req.params);
  if (!req.user || !params.success) return next();
  ensureMayUpload(req.user, params.data.id.toLowerCase()).then(() => next(), next);
};

/**
 * Messages, threads, reactions, files and search. `GET /api/conversations/search` must be mounted
 * before the conversation routes' `/:id` (list this module first in `server/modules/index.ts`).
 */
export const chatMessageRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/conversations/search',
    tag,
    summary: 'Search messages in my conversations (or one of them), newest first',
    access: 'user',
    query: chatSearchSchema,
    handler: async ({ user, query }) => ({ data: await searchMessages(user, query) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/messages`,
    tag,
    summary: 'History: the newest page, `before` a position (older), or `after` one (catch-up)',
    access: 'user',
    params: conversationIdParams,
    query: messagesQuerySchema,
    handler: ({ user, params, query }) => messagePage(user, params.id.toLowerCase(), query),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/messages`,
    tag,
    summary: 'Send (idempotent by client id: 201 stored, 200 the earlier result of a resend)',
    access: 'user',
    params: conversationIdParams,
    body: sendMessageSchema,
    handler: async ({ res, user, params, body }) => {
      const r = await sendMessage(user, params.id.toLowerCase(), body);
      res.status(r.created ? 201 : 200);
      return { data: r.message };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/messages/:messageId`,
    tag,
    summary: 'One message (to jump to it)',
    access: 'user',
    params: messageParams,
    handler: async ({ user, params }) => ({
      data: await oneMessage(user, params.id.toLowerCase(), params.messageId),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/messages/:messageId`,
    tag,
    summary: 'Edit my message',
    access: 'user',
    params: messageParams,
    body: editMessageSchema,
    handler: async ({ user, params, body }) => ({
      data: await editMessage(user, params.id.toLowerCase(), params.messageId, body.body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/messages/:messageId`,
    tag,
    summary: 'Delete a message (soft: shown as deleted); senders, or channel owners',
    access: 'user',
    params: messageParams,
    handler: async ({ req, user, params }) => ({
      data: await deleteMessage(user, params.id.toLowerCase(), params.messageId, req),
    }),
  }),
  ...(['put', 'delete'] as const).map((method) =>
    defineRoute({
      method,
      path: `${base}/messages/:messageId/reactions/:reaction`,
      tag,
      summary:
        method === 'put' ? 'Add my reaction (idempotent)' : 'Remove my reaction (idempotent)',
      access: 'user',
      params: reactionParams,
      handler: async ({ user, params }) => ({
        data: await setMessageReaction(
          user,
          params.id.toLowerCase(),
          params.messageId,
          params.reaction,
          method === 'put',
        ),
      }),
    }),
  ),
  defineRoute({
    method: 'get',
    path: `${base}/messages/:messageId/thread`,
    tag,
    summary: 'A thread: the root message first, then the replies in order',
    access: 'user',
    params: messageParams,
    handler: async ({ user, params }) => ({
      data: await threadOf(user, params.id.toLowerCase(), params.messageId),
    }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/messages/:messageId/follow`,
    tag,
    summary: 'Follow or unfollow a thread (notified of replies)',
    access: 'user',
    params: messageParams,
    body: followThreadSchema,
    handler: async ({ user, params, body }) => ({
      data: await followThread(user, params.id.toLowerCase(), params.messageId, body.follow),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/messages/:messageId/forward`,
    tag,
    summary: 'Forward a message to another conversation (idempotent by client id)',
    access: 'user',
    params: messageParams,
    body: forwardMessageSchema,
    handler: async ({ res, user, params, body }) => {
      const r = await forwardMessage(user, params.id.toLowerCase(), params.messageId, body);
      res.status(r.created ? 201 : 200);
      return { data: r.message };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/files`,
    tag,
    summary:
      'Upload a file to attach to a message (images get a WebP preview); multipart field `file`, optional `uploadId`',
    access: 'user',
    params: conversationIdParams,
    before: [mayUpload, upload],
    handler: async ({ req, res, user, params }) => {
      const r = await uploadChatFile(
        user,
        params.id.toLowerCase(),
        uploadInput(req, CHAT_UPLOAD_FIELD),
      );
      res.status(r.created ? 201 : 200);
      return { data: r.file };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/files/:fileId`,
    tag,
    summary: 'A file of a message in the conversation (`?preview=1`: the image preview)',
    access: 'user',
    params: fileParams,
    query: fileQuery,
    raw: true,
    handler: async ({ res, user, params, query }) => {
      const f = await openChatFile(
        user,
        params.id.toLowerCase(),
        params.fileId.toLowerCase(),
        query.preview !== undefined,
      );
      // Images (sniffed) show inline; everything else downloads.
      return sendFile(res, f.stream, {
        filename: f.name,
        contentType: f.contentType,
        length: f.size,
        inline: f.image,
        cacheControl: 'private, max-age=3600',
      });
    },
  }),
];
