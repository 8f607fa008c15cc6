import { z } from 'zod';
import {
  joinDecisionSchema,
  joinRequestParams,
  joinRequestSchema,
  roomIdParams,
  roomInviteSchema,
  roomMemberParams,
  roomMemberRoleSchema,
  roomMembersQuerySchema,
} from '@shared/rooms/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import {
  changeMemberRole,
  inviteMembers,
  joinRoom,
  leaveRoom,
  listRoomMembers,
  removeMember,
} from './members.service';
import {
  createJoinRequest,
  decideJoinRequest,
  listJoinRequests,
  withdrawJoinRequest,
} from './join-requests.service';

const tag = 'rooms';
const base = '/api/rooms/:roomId';
const noBody = z.object({}).strict();
// Ids in any letter case: one spelling internally.
const lc = (id: string) => id.toLowerCase();

/** Members, joining and leaving, join requests of one room. */
export const roomMemberRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/members`,
    tag,
    summary: 'Members of the room (name search, role filter, alphabetical pages; members only)',
    access: 'user',
    params: roomIdParams,
    query: roomMembersQuerySchema,
    handler: ({ user, params, query }) => listRoomMembers(user, lc(params.roomId), query),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/members`,
    tag,
    summary: 'Add people and whole units (active people only; moderators and owners)',
    access: 'user',
    params: roomIdParams,
    body: roomInviteSchema,
    handler: async ({ user, params, body, req }) => ({
      data: await inviteMembers(user, lc(params.roomId), body, req),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/members/:personId`,
    tag,
    summary: 'Change a member’s role (owners: anything incl. hand-over; moderators: not owners)',
    access: 'user',
    params: roomMemberParams,
    body: roomMemberRoleSchema,
    handler: async ({ user, params, body, req }) => {
      await changeMemberRole(user, lc(params.roomId), lc(params.personId), body.role, req);
      return { data: { ok: true } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/members/:personId`,
    tag,
    summary: 'Remove a member (moderators: members and moderators; owners: anyone)',
    access: 'user',
    params: roomMemberParams,
    handler: async ({ user, params, req, res }) => {
      await removeMember(user, lc(params.roomId), lc(params.personId), req);
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/join`,
    tag,
    summary: 'Join an open room (twice = one membership)',
    access: 'user',
    params: roomIdParams,
    body: noBody,
    handler: async ({ user, params }) => {
      await joinRoom(user, lc(params.roomId));
      return { data: { ok: true } };
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/leave`,
    tag,
    summary: 'Leave the room (the last owner hands over first: 409 last_owner)',
    access: 'user',
    params: roomIdParams,
    body: noBody,
    handler: async ({ user, params }) => {
      await leaveRoom(user, lc(params.roomId));
      return { data: { ok: true } };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/join-requests`,
    tag,
    summary: 'Pending join requests (moderators and owners)',
    access: 'user',
    params: roomIdParams,
    handler: async ({ user, params }) => ({
      data: await listJoinRequests(user, lc(params.roomId)),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/join-requests`,
    tag,
    summary: 'Ask to join a closed room (again while pending: the same request, 200)',
    access: 'user',
    params: roomIdParams,
    body: joinRequestSchema,
    handler: async ({ user, params, body, res }) => {
      const { request, created } = await createJoinRequest(user, lc(params.roomId), body);
      res.status(created ? 201 : 200);
      return { data: request };
    },
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/join-requests/mine`,
    tag,
    summary: 'Withdraw my pending join request',
    access: 'user',
    params: roomIdParams,
    handler: async ({ user, params, res }) => {
      await withdrawJoinRequest(user, lc(params.roomId));
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'post',
    path: `${base}/join-requests/:requestId/decision`,
    tag,
    summary: 'Approve (adds the member) or reject a join request; exactly one decision',
    access: 'user',
    params: joinRequestParams,
    body: joinDecisionSchema,
    handler: async ({ user, params, body }) => ({
      data: await decideJoinRequest(user, lc(params.roomId), params.requestId, body),
    }),
  }),
];
