import { z } from 'zod';
import { pageId, reviewDecisionSchema } from '@shared/wiki/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { approveReview, myReviews, rejectReview, submitReview } from './review.service';

const tag = 'wiki';
const base = '/api/wiki/pages/:pageId/review';
const pageParams = z.object({ pageId });
const submitSchema = z.object({ rev: z.number().int().min(0) }).strict();
const norm = (id: string) => id.toLowerCase();
const state = (p: { id: string; rev: number; review: { state: string } }) => ({
  data: { id: p.id, rev: p.rev, review: { state: p.review.state } },
});

/** The approval flow (spaces with `approvalRequired`). */
export const wikiReviewRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/wiki/reviews',
    tag,
    summary: 'Pages waiting for my review decision (space admins), oldest request first',
    access: 'user',
    query: z.object({}).strict(),
    handler: async ({ user }) => ({ data: await myReviews(user) }),
  }),
  defineRoute({
    method: 'post',
    path: base,
    tag,
    summary: 'Submit the page’s draft for review (editors; state none or rejected → pending)',
    access: 'user',
    params: pageParams,
    body: submitSchema,
    handler: async ({ user, params, body }) =>
      state(await submitReview(user, norm(params.pageId), body)),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/approve`,
    tag,
    summary: 'Approve: the draft is published (space admins, not the requester)',
    access: 'user',
    params: pageParams,
    body: reviewDecisionSchema,
    handler: async ({ user, params, body }) =>
      state(await approveReview(user, norm(params.pageId), body)),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/reject`,
    tag,
    summary: 'Reject with a comment (space admins, not the requester)',
    access: 'user',
    params: pageParams,
    body: reviewDecisionSchema,
    handler: async ({ user, params, body }) =>
      state(await rejectReview(user, norm(params.pageId), body)),
  }),
];
