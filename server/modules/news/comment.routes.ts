import {
  articleIdParams,
  commentInputSchema,
  commentParams,
  commentUpdateSchema,
} from '@shared/news/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { addComment, deleteComment, listComments, updateComment } from './comment.service';

export const commentRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/news/:id/comments',
    tag: 'news',
    summary: 'Comments of an article (oldest first, replies after their comment)',
    access: 'user',
    params: articleIdParams,
    handler: async ({ req, user, params }) => ({ data: await listComments(user, params.id, req) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/news/:id/comments',
    tag: 'news',
    summary: 'Add a comment (client-generated id: a resend is stored once and answers 200)',
    access: 'user',
    params: articleIdParams,
    body: commentInputSchema,
    handler: async ({ req, res, user, params, body }) => {
      const { comment, created } = await addComment(user, params.id, body, req);
      res.status(created ? 201 : 200);
      return { data: comment };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/news/:id/comments/:commentId',
    tag: 'news',
    summary: 'Edit own comment (body) or moderate it (hidden)',
    access: 'user',
    params: commentParams,
    body: commentUpdateSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await updateComment(user, params.id, params.commentId, body, req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/news/:id/comments/:commentId',
    tag: 'news',
    summary: 'Delete a comment (own, or any as moderator); it stays as "deleted" in the thread',
    access: 'user',
    params: commentParams,
    handler: async ({ req, user, params }) => ({
      data: await deleteComment(user, params.id, params.commentId, req),
    }),
  }),
];
