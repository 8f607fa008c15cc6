import { z } from 'zod';
import {
  defaultLayoutIdParams,
  defaultLayoutInputSchema,
  defaultLayoutPatchSchema,
  saveLayoutSchema,
} from '@shared/home/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import {
  createDefault,
  deleteDefault,
  getBoard,
  listDefaults,
  resetLayout,
  saveLayout,
  updateDefault,
} from './home.service';

export const homeRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/home',
    tag: 'home',
    summary: 'My start page: layout, every widget’s data and abilities in one round trip',
    access: 'user',
    handler: async ({ user }) => ({ data: await getBoard(user) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/home/layout',
    tag: 'home',
    summary: 'Save my layout on top of the revision I saw (409 when it changed elsewhere)',
    access: 'user',
    body: saveLayoutSchema,
    handler: async ({ user, body }) => ({ data: await saveLayout(user, body) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/home/layout',
    tag: 'home',
    summary: 'Reset my layout to the default for me',
    access: 'user',
    handler: async ({ user }) => ({ data: await resetLayout(user) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/home/defaults',
    tag: 'home',
    summary: 'Admin: default layouts by audience, in the order they are tried',
    access: 'user',
    handler: async ({ user }) => ({ data: await listDefaults(user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/home/defaults',
    tag: 'home',
    summary: 'Admin: add a default layout',
    access: 'user',
    body: defaultLayoutInputSchema,
    handler: async ({ user, body, req, res }) => {
      const data = await createDefault(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/home/defaults/:id',
    tag: 'home',
    summary: 'Admin: change a default layout',
    access: 'user',
    params: defaultLayoutIdParams,
    body: defaultLayoutPatchSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updateDefault(user, params.id, body, req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/home/defaults/:id',
    tag: 'home',
    summary: 'Admin: remove a default layout',
    access: 'user',
    params: defaultLayoutIdParams,
    response: z.object({ deleted: z.literal(true) }),
    handler: async ({ user, params, req }) => {
      await deleteDefault(user, params.id, req);
      return { data: { deleted: true } };
    },
  }),
];
