import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import {
  pageCopySchema,
  pageCreateSchema,
  pageId,
  pageMoveSchema,
  pageUpdateSchema,
  spaceCreateSchema,
  spaceListQuerySchema,
  spaceMemberSchema,
  spaceUpdateSchema,
} from '@shared/wiki/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { copyPage, createPage, getPage, updatePageMeta } from './page.service';
import {
  createSpace,
  getSpace,
  listMembers,
  listSpaces,
  setMember,
  updateSpace,
} from './space.service';
import { archivePage, movePage, restorePage, spaceTree } from './tree.service';
import { archiveList, backlinks, staleList, templateList } from './page-lists.service';

const tag = 'wiki';
const base = '/api/wiki';
const spaceParams = z.object({ spaceId: objectId }).strict();
const pageParams = z.object({ pageId }).strict();
const noQuery = z.object({}).strict();
// Page ids are UUIDs in any letter case: one spelling internally.
const norm = (id: string) => id.toLowerCase();

/** Spaces, members, the page tree and page metadata (content, comments, search: sub-modules). */
export const wikiRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/spaces`,
    tag,
    summary: 'Spaces the viewer may read',
    access: 'user',
    query: spaceListQuerySchema,
    handler: async ({ user, query }) => ({ data: await listSpaces(user, query.q) }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/spaces`,
    tag,
    summary: 'Create a space (admin, editor, mover); the creator becomes its admin',
    access: 'user',
    body: spaceCreateSchema,
    handler: async ({ user, body, req, res }) => {
      const data = await createSpace(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/spaces/:spaceId`,
    tag,
    summary: 'One space',
    access: 'user',
    params: spaceParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await getSpace(user, params.spaceId) }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/spaces/:spaceId`,
    tag,
    summary: 'Change space settings (space admins; rev-guarded)',
    access: 'user',
    params: spaceParams,
    body: spaceUpdateSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updateSpace(user, params.spaceId, body, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/spaces/:spaceId/members`,
    tag,
    summary: 'Explicit members of a space',
    access: 'user',
    params: spaceParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await listMembers(user, params.spaceId) }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/spaces/:spaceId/members`,
    tag,
    summary: "Set or remove one person's explicit role (space admins)",
    access: 'user',
    params: spaceParams,
    body: spaceMemberSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await setMember(user, params.spaceId, body, req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/spaces/:spaceId/tree`,
    tag,
    summary: 'The page tree as the viewer may see it',
    access: 'user',
    params: spaceParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await spaceTree(user, params.spaceId) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/spaces/:spaceId/archive`,
    tag,
    summary: 'Archived pages (group roots) of a space',
    access: 'user',
    params: spaceParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await archiveList(user, params.spaceId) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/spaces/:spaceId/stale`,
    tag,
    summary: 'Pages past their review date or untouched for 12 months',
    access: 'user',
    params: spaceParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await staleList(user, params.spaceId) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/spaces/:spaceId/templates`,
    tag,
    summary: 'Templates of the space and of organisation-wide spaces',
    access: 'user',
    params: spaceParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await templateList(user, params.spaceId) }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/pages`,
    tag,
    summary: 'Create a page (idempotent by client id; optionally from a template)',
    access: 'user',
    body: pageCreateSchema,
    handler: async ({ user, body, res }) => {
      const { page, created } = await createPage(user, body);
      res.status(created ? 201 : 200);
      return { data: page };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/pages/:pageId`,
    tag,
    summary: 'A page to read (published body; editors also the draft)',
    access: 'user',
    params: pageParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await getPage(user, norm(params.pageId)) }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/pages/:pageId`,
    tag,
    summary: 'Change title, owner, review date or restriction (rev-guarded)',
    access: 'user',
    params: pageParams,
    body: pageUpdateSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updatePageMeta(user, norm(params.pageId), body, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/pages/:pageId/move`,
    tag,
    summary: 'Move or reorder a page within its space (rev-guarded)',
    access: 'user',
    params: pageParams,
    body: pageMoveSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await movePage(user, norm(params.pageId), body, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/pages/:pageId/copy`,
    tag,
    summary: 'Copy a page (optionally with its sub-pages) beside the original',
    access: 'user',
    params: pageParams,
    body: pageCopySchema,
    handler: async ({ user, params, body, res }) => {
      const { page, created } = await copyPage(user, norm(params.pageId), body);
      res.status(created ? 201 : 200);
      return { data: page };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/pages/:pageId/archive`,
    tag,
    summary: 'Archive a page with its sub-pages',
    access: 'user',
    params: pageParams,
    handler: async ({ user, params, req }) => ({
      data: await archivePage(user, norm(params.pageId), req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/pages/:pageId/restore`,
    tag,
    summary: 'Restore an archived page with the pages archived with it',
    access: 'user',
    params: pageParams,
    handler: async ({ user, params, req }) => ({
      data: await restorePage(user, norm(params.pageId), req),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/pages/:pageId/backlinks`,
    tag,
    summary: 'Pages linking here that the viewer may read',
    access: 'user',
    params: pageParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await backlinks(user, norm(params.pageId)) }),
  }),
];
