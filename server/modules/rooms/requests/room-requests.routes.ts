import { z } from 'zod';
import {
  roomRequestCreateSchema,
  roomRequestDecisionSchema,
  roomRequestParams,
} from '@shared/rooms/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { createRoomRequest, decideRoomRequest, listRoomRequests } from './room-requests.service';

const tag = 'rooms';
const base = '/api/room-requests';

/** Requests for new rooms by people who may not create rooms; admins and movers decide. */
export const roomRequestRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: base,
    tag,
    summary: 'My room requests, and (admins, digital movers) every pending one',
    access: 'user',
    query: z.object({}).strict(),
    handler: async ({ user }) => ({ data: await listRoomRequests(user) }),
  }),
  defineRoute({
    method: 'post',
    path: base,
    tag,
    summary: 'Ask for a room (idempotent by clientId; people who may create rooms get 403)',
    access: 'user',
    body: roomRequestCreateSchema,
    handler: async ({ user, body, res }) => {
      const { request, created } = await createRoomRequest(user, body);
      res.status(created ? 201 : 200);
      return { data: request };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:requestId/decision`,
    tag,
    summary: 'Approve (creates the room, requester = owner) or reject; exactly one decision',
    access: 'user',
    params: roomRequestParams,
    body: roomRequestDecisionSchema,
    handler: async ({ user, params, body }) => ({
      data: await decideRoomRequest(user, params.requestId.toLowerCase(), body),
    }),
  }),
];
