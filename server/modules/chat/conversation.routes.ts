import {
  addMembersSchema,
  browseChannelsSchema,
  chatSettingsSchema,
  conversationIdParams,
  createConversationSchema,
  markReadSchema,
  memberParams,
  memberPreferencesSchema,
  memberRoleSchema,
  updateConversationSchema,
} from '@shared/chat/schemas';
import { defineRoute, type RouteDef } from '../../lib/route';
import {
  browseChannels,
  createConversation,
  getConversationFor,
  presentFor,
  updateConversation,
} from './conversation.service';
import {
  addMembers,
  changeMemberRole,
  joinConversation,
  leaveConversation,
  listMembers,
  removeMember,
} from './member.service';
import { markRead, receiptFor } from './read.service';
import { getChatSettings, updateChatSettings, updatePreferences } from './settings.service';
import { chatUnreadSummary, listMyConversations } from './summary.service';

const tag = 'chat';
const base = '/api/conversations';

/** Conversations, members, read state, settings. Static paths come before `/:id`. */
export const chatConversationRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: base,
    tag,
    summary: 'My conversations, newest activity first (favourites are grouped by the client)',
    access: 'user',
    handler: async ({ user }) => ({ data: await listMyConversations(user) }),
  }),
  defineRoute({
    method: 'post',
    path: base,
    tag,
    summary: 'Create a direct message (one per pair: 200 existing, 201 new), group or channel',
    access: 'user',
    body: createConversationSchema,
    handler: async ({ req, res, user, body }) => {
      const { conversation, created } = await createConversation(user.id, body, { req });
      res.status(created ? 201 : 200);
      return { data: await presentFor(user, conversation) };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${base}/browse`,
    tag,
    summary: 'Public channels to join (with `me` null when not a member)',
    access: 'user',
    query: browseChannelsSchema,
    handler: async ({ user, query }) => ({
      data: await browseChannels(user, query.q, query.limit),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/unread`,
    tag,
    summary: 'Unread total (not muted) and the five latest conversations with unread messages',
    access: 'user',
    handler: async ({ user }) => ({ data: await chatUnreadSummary(user) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/settings`,
    tag,
    summary: 'My chat settings (read receipts, presence choice)',
    access: 'user',
    handler: async ({ user }) => ({ data: await getChatSettings(user) }),
  }),
  defineRoute({
    method: 'put',
    path: `${base}/settings`,
    tag,
    summary: 'Change my chat settings',
    access: 'user',
    body: chatSettingsSchema,
    handler: async ({ user, body }) => ({ data: await updateChatSettings(user, body) }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/:id`,
    tag,
    summary: 'One conversation (members only)',
    access: 'user',
    params: conversationIdParams,
    handler: async ({ user, params }) => ({
      data: await getConversationFor(user, params.id.toLowerCase()),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/:id`,
    tag,
    summary: 'Rename, change the topic, archive (channel owners; groups: members rename)',
    access: 'user',
    params: conversationIdParams,
    body: updateConversationSchema,
    handler: async ({ req, user, params, body }) => ({
      data: await updateConversation(user, params.id.toLowerCase(), body, req),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:id/join`,
    tag,
    summary: 'Join a public channel (idempotent)',
    access: 'user',
    params: conversationIdParams,
    handler: async ({ user, params }) => ({
      data: await presentFor(user, await joinConversation(user, params.id.toLowerCase())),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:id/leave`,
    tag,
    summary: 'Leave a group or channel (the last owner of a channel hands over first)',
    access: 'user',
    params: conversationIdParams,
    handler: async ({ user, params }) => {
      await leaveConversation(user, params.id.toLowerCase());
      return { data: { id: params.id.toLowerCase() } };
    },
  }),
  defineRoute({
    method: 'put',
    path: `${base}/:id/preferences`,
    tag,
    summary: 'My own mute / favourite of a conversation',
    access: 'user',
    params: conversationIdParams,
    body: memberPreferencesSchema,
    handler: async ({ user, params, body }) => ({
      data: await updatePreferences(user, params.id.toLowerCase(), body),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:id/read`,
    tag,
    summary: 'Move my read position forward (never backwards); resets my mentions',
    access: 'user',
    params: conversationIdParams,
    body: markReadSchema,
    handler: async ({ user, params, body }) => ({
      data: await markRead(user, params.id.toLowerCase(), body.seq),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/:id/receipts`,
    tag,
    summary: "Direct messages: the other person's read position (null unless both allow it)",
    access: 'user',
    params: conversationIdParams,
    handler: async ({ user, params }) => ({
      data: await receiptFor(user, params.id.toLowerCase()),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/:id/members`,
    tag,
    summary: 'Members (owners first)',
    access: 'user',
    params: conversationIdParams,
    handler: async ({ user, params }) => ({
      data: await listMembers(user, params.id.toLowerCase()),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/:id/members`,
    tag,
    summary: 'Add people (active people only; idempotent)',
    access: 'user',
    params: conversationIdParams,
    body: addMembersSchema,
    handler: async ({ user, params, body }) => ({
      data: await addMembers(user, params.id.toLowerCase(), body.personIds),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: `${base}/:id/members/:personId`,
    tag,
    summary: 'Remove a member (channel owners; oneself = leave)',
    access: 'user',
    params: memberParams,
    handler: async ({ req, user, params }) => ({
      data: await removeMember(user, params.id.toLowerCase(), params.personId.toLowerCase(), req),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: `${base}/:id/members/:personId`,
    tag,
    summary: "Change a member's role (channel owners)",
    access: 'user',
    params: memberParams,
    body: memberRoleSchema,
    handler: async ({ user, params, body }) => ({
      data: await changeMemberRole(
        user,
        params.id.toLowerCase(),
        params.personId.toLowerCase(),
        body.role,
      ),
    }),
  }),
];
