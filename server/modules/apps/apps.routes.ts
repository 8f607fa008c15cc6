import { z } from 'zod';
import { appIdParams, appInputSchema, appPatchSchema, pinsSchema } from '@shared/apps/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import {
  createApp,
  deleteApp,
  listApps,
  listCatalogue,
  resetPins,
  savePins,
  updateApp,
} from './apps.service';

export const appRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/apps',
    tag: 'apps',
    summary: 'Apps I can see (by audience): pinned first in my order, then the rest by name',
    access: 'user',
    handler: async ({ user }) => ({ data: await listApps(user) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/apps/pins',
    tag: 'apps',
    summary: 'Pin apps in this order (only apps I can see; replaces the suggestions)',
    access: 'user',
    body: pinsSchema,
    handler: async ({ user, body }) => ({ data: await savePins(user, body) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/apps/pins',
    tag: 'apps',
    summary: 'Forget my arrangement: the suggested apps are pinned again',
    access: 'user',
    handler: async ({ user }) => ({ data: await resetPins(user) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/apps/catalogue',
    tag: 'apps',
    summary: 'Admin: the whole catalogue with audiences',
    access: 'user',
    handler: async ({ user }) => ({ data: await listCatalogue(user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/apps',
    tag: 'apps',
    summary: 'Admin: add an app to the catalogue',
    access: 'user',
    body: appInputSchema,
    handler: async ({ user, body, req, res }) => {
      const data = await createApp(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/apps/:id',
    tag: 'apps',
    summary: 'Admin: change an app',
    access: 'user',
    params: appIdParams,
    body: appPatchSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updateApp(user, params.id, body, req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/apps/:id',
    tag: 'apps',
    summary: 'Admin: remove an app from the catalogue',
    access: 'user',
    params: appIdParams,
    response: z.object({ deleted: z.literal(true) }),
    handler: async ({ user, params, req }) => {
      await deleteApp(user, params.id, req);
      return { data: { deleted: true } };
    },
  }),
];
