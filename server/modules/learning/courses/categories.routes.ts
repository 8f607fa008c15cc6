import { z } from 'zod';
import { objectId } from '@shared/http/fields';
import { categorySchema } from '@shared/learning/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { createCategory, deleteCategory, listCategories, updateCategory } from './category.service';

const params = z.object({ categoryId: objectId }).strict();
const tag = 'learning';

export const categoryRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/api/learning/categories',
    tag,
    summary: 'Course categories with the number of courses in each',
    access: 'user',
    handler: async ({ user }) => ({ data: await listCategories(user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/learning/categories',
    tag,
    summary: 'Add a category (HR)',
    access: 'user',
    body: categorySchema,
    handler: async ({ req, res, user, body }) => {
      const data = await createCategory(user, body, req);
      res.status(201);
      return { data };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/learning/categories/:categoryId',
    tag,
    summary: 'Rename a category (HR)',
    access: 'user',
    params,
    body: categorySchema,
    handler: async ({ req, user, params: p, body }) => ({
      data: await updateCategory(user, p.categoryId, body, req),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/learning/categories/:categoryId',
    tag,
    summary: 'Delete a category (HR) while no course uses it (else 409 `conflict`)',
    access: 'user',
    params,
    handler: async ({ req, res, user, params: p }) => {
      await deleteCategory(user, p.categoryId, req);
      res.status(204).end();
      return undefined;
    },
  }),
];
