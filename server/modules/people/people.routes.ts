import {
  createPersonSchema,
  directoryQuerySchema,
  idParamsSchema,
  resetPasswordSchema,
  updatePersonSchema,
} from '@shared/people/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { getPersonProfile, listDirectory } from './directory.service';
import { createPerson, resetPassword, updatePerson } from './person-admin.service';

export const peopleRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/people',
    tag: 'people',
    summary: 'Directory: search by name, position, responsibility; filter by unit, location, role',
    access: 'user',
    query: directoryQuerySchema,
    handler: ({ user, query, req }) => listDirectory(user, query, req),
  }),
  defineRoute({
    method: 'post',
    path: '/api/people',
    tag: 'people',
    summary: 'Create a person (admin); returns a one-time password when none was given',
    access: 'user',
    body: createPersonSchema,
    handler: async ({ user, body, req, res }) => {
      const data = await createPerson(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/people/:id',
    tag: 'people',
    summary: 'A profile with unit, location, manager, deputy and abilities',
    access: 'user',
    params: idParamsSchema,
    handler: async ({ user, params }) => ({ data: await getPersonProfile(user, params.id) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/people/:id',
    tag: 'people',
    summary: 'Update a person (admin): data, unit, roles, deactivation',
    access: 'user',
    params: idParamsSchema,
    body: updatePersonSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updatePerson(user, params.id, body, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/people/:id/password',
    tag: 'people',
    summary: 'Reset a password (admin); returns a one-time password when none was given',
    access: 'user',
    params: idParamsSchema,
    body: resetPasswordSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await resetPassword(user, params.id, body, req),
    }),
  }),
];
