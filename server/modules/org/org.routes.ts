import { idParamsSchema } from '@shared/people/schemas';
import {
  createLocationSchema,
  createUnitSchema,
  unitMembersQuerySchema,
  updateLocationSchema,
  updateUnitSchema,
} from '@shared/org/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import { createUnit, deleteUnit, getUnit, listUnits, updateUnit } from './unit.service';
import { createLocation, listLocations, updateLocation } from './location.service';

export const orgRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/units',
    tag: 'org',
    summary: 'Every unit as a flat list (parentId, path, leader, member count)',
    access: 'user',
    handler: async ({ user }) => ({ data: await listUnits(user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/units',
    tag: 'org',
    summary: 'Create a unit (admin)',
    access: 'user',
    body: createUnitSchema,
    handler: async ({ user, body, req, res }) => {
      const data = await createUnit(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/units/:id',
    tag: 'org',
    summary: 'A unit with ancestors, sub-units and a page of members',
    access: 'user',
    params: idParamsSchema,
    query: unitMembersQuerySchema,
    handler: ({ user, params, query }) => getUnit(user, params.id, query),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/units/:id',
    tag: 'org',
    summary: 'Update or move a unit (admin); moving rewrites the subtree paths',
    access: 'user',
    params: idParamsSchema,
    body: updateUnitSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updateUnit(user, params.id, body, req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/units/:id',
    tag: 'org',
    summary: 'Delete an empty unit (admin)',
    access: 'user',
    params: idParamsSchema,
    handler: async ({ user, params, req, res }) => {
      await deleteUnit(user, params.id, req);
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/locations',
    tag: 'org',
    summary: 'Every location (building)',
    access: 'user',
    handler: async ({ user }) => ({ data: await listLocations(user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/locations',
    tag: 'org',
    summary: 'Create a location (admin)',
    access: 'user',
    body: createLocationSchema,
    handler: async ({ user, body, req, res }) => {
      const data = await createLocation(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/locations/:id',
    tag: 'org',
    summary: 'Update a location (admin)',
    access: 'user',
    params: idParamsSchema,
    body: updateLocationSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await updateLocation(user, params.id, body, req),
    }),
  }),
];
