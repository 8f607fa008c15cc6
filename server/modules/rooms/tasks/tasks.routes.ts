import { z } from 'zod';
import {
  roomIdParams,
  taskCreateSchema,
  taskMoveSchema,
  taskParams,
  taskUpdateSchema,
} from '@shared/rooms/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { createTask, deleteTask, moveTaskTo, taskBoard, updateTask } from './tasks.service';

const tag = 'rooms';
const base = '/api/rooms/:roomId/tasks';
const noQuery = z.object({}).strict();
// Task ids are UUIDs in any letter case: one spelling internally.
const norm = (id: string) => id.toLowerCase();

/** The room's task board: members read and work on every task; creators and moderators delete. */
export const roomTaskRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: base,
    tag,
    summary: "The room's task board (members; columns todo, doing, done in board order)",
    access: 'user',
    params: roomIdParams,
    query: noQuery,
    handler: async ({ user, params }) => ({ data: await taskBoard(user, params.roomId) }),
  }),
  defineRoute({
    method: 'post',
    path: base,
    tag,
    summary: 'Create a task at the top of its column (members; idempotent by the client id)',
    access: 'user',
    params: roomIdParams,
    query: noQuery,
    body: taskCreateSchema,
    handler: async ({ user, params, body, res }) => {
      const { task, created } = await createTask(user, params.roomId, body);
      res.status(created ? 201 : 200);
      return { data: task };
    },
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/:taskId`,
    tag,
    summary: 'Change title, description, assignees or due day (members; rev-guarded)',
    access: 'user',
    params: taskParams,
    query: noQuery,
    body: taskUpdateSchema,
    handler: async ({ user, params, body }) => ({
      data: await updateTask(user, params.roomId, norm(params.taskId), body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/:taskId`,
    tag,
    summary: 'Delete a task (its creator or moderators)',
    access: 'user',
    params: taskParams,
    query: noQuery,
    handler: async ({ user, params, res }) => {
      await deleteTask(user, params.roomId, norm(params.taskId));
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:taskId/move`,
    tag,
    summary: 'Move a task to a column and position (members; rev-guarded); answers the new board',
    access: 'user',
    params: taskParams,
    query: noQuery,
    body: taskMoveSchema,
    handler: async ({ user, params, body }) => ({
      data: await moveTaskTo(user, params.roomId, norm(params.taskId), body),
    }),
  }),
];
