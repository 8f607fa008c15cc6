import type { ConversationAbilities, MessageAbilities } from '@shared/chat/types';
import { GROUP_MAX_MEMBERS } from '@shared/chat/schemas';
import type { CurrentUser } from '../auth/current-user';
import type { Conversation } from './conversation.model';
import type { Message } from './message.model';

/** `@channel` is open to every member up to this size; beyond it, owners only. */
export const MENTION_ALL_OPEN_UP_TO = 50;

type Actor = Pick<CurrentUser, 'id'>;
type Conv = Pick<
  Conversation,
  'kind' | 'visibility' | 'members' | 'memberCount' | 'archived' | 'roomId'
>;
type Msg = Pick<Message, 'senderId' | 'deletedAt' | 'threadId'>;

const roleOf = (user: Actor, conv: Conv) => conv.members[user.id]?.role ?? null;
const member = (user: Actor, conv: Conv) => roleOf(user, conv) !== null;
const owner = (user: Actor, conv: Conv) => roleOf(user, conv) === 'owner';
const owners = (conv: Conv) => Object.values(conv.members).filter((m) => m.role === 'owner').length;
// Membership of a team room's channel follows the room (issue 6), never chat actions.
const managedByRoom = (conv: Conv) => conv.roomId !== null;

/**
 * Reading is for members only, also in public channels (join first): a person outside gets nothing
 * through any route, count, search, file or live event. Administrators get no exception: chats
 * are private correspondence.
 */
export const canRead = (user: Actor, conv: Conv) => member(user, conv);

export const canPost = (user: Actor, conv: Conv) => member(user, conv) && !conv.archived;

export const canJoin = (user: Actor, conv: Conv) =>
  conv.kind === 'channel' &&
  conv.visibility === 'public' &&
  !conv.archived &&
  !managedByRoom(conv) &&
  !member(user, conv);

/** The last owner of a channel with other members hands over first. */
export const canLeave = (user: Actor, conv: Conv) =>
  member(user, conv) &&
  conv.kind !== 'direct' &&
  !managedByRoom(conv) &&
  !(conv.kind === 'channel' && owner(user, conv) && owners(conv) === 1 && conv.memberCount > 1);

export const canAddMembers = (user: Actor, conv: Conv) => {
  if (!member(user, conv) || conv.archived || managedByRoom(conv)) return false;
  if (conv.kind === 'group') return conv.memberCount < GROUP_MAX_MEMBERS;
  if (conv.kind === 'channel') return conv.visibility === 'public' || owner(user, conv);
  return false;
};

export const canRemoveMembers = (user: Actor, conv: Conv) =>
  conv.kind === 'channel' && owner(user, conv) && !conv.archived && !managedByRoom(conv);

/** Owners change channel roles (make another person owner). */
export const canChangeRoles = canRemoveMembers;

export const canUpdate = (user: Actor, conv: Conv) =>
  !conv.archived &&
  ((conv.kind === 'channel' && owner(user, conv)) || (conv.kind === 'group' && member(user, conv)));

export const canArchive = (user: Actor, conv: Conv) =>
  conv.kind === 'channel' && owner(user, conv) && !managedByRoom(conv);

export const canMentionAll = (user: Actor, conv: Conv) =>
  canPost(user, conv) &&
  conv.kind !== 'direct' &&
  (conv.memberCount <= MENTION_ALL_OPEN_UP_TO || owner(user, conv));

export function conversationAbilities(user: Actor, conv: Conv): ConversationAbilities {
  return {
    read: canRead(user, conv),
    post: canPost(user, conv),
    join: canJoin(user, conv),
    leave: canLeave(user, conv),
    addMembers: canAddMembers(user, conv),
    removeMembers: canRemoveMembers(user, conv),
    update: canUpdate(user, conv),
    archive: canArchive(user, conv),
    mentionAll: canMentionAll(user, conv),
  };
}

const isSender = (user: Actor, msg: Msg) => String(msg.senderId) === user.id;
const live = (msg: Msg) => msg.deletedAt === null;

export const canEditMessage = (user: Actor, conv: Conv, msg: Msg) =>
  canPost(user, conv) && isSender(user, msg) && live(msg);

/** Senders delete their own; channel owners moderate. */
export const canDeleteMessage = (user: Actor, conv: Conv, msg: Msg) =>
  canPost(user, conv) &&
  live(msg) &&
  (isSender(user, msg) || (conv.kind === 'channel' && owner(user, conv)));

export const canReact = (user: Actor, conv: Conv, msg: Msg) => canPost(user, conv) && live(msg);

/** Threads are one level: replies go to a root message. */
export const canReply = (user: Actor, conv: Conv, msg: Msg) =>
  canPost(user, conv) && live(msg) && msg.threadId === null;

export const canForward = (user: Actor, conv: Conv, msg: Msg) => canRead(user, conv) && live(msg);

export function messageAbilities(user: Actor, conv: Conv, msg: Msg): MessageAbilities {
  return {
    edit: canEditMessage(user, conv, msg),
    delete: canDeleteMessage(user, conv, msg),
    react: canReact(user, conv, msg),
    reply: canReply(user, conv, msg),
    forward: canForward(user, conv, msg),
  };
}

/** Abilities of an ordinary member who did not send the message (live copies for the room). */
export function memberViewAbilities(conv: Conv, msg: Msg): MessageAbilities {
  const alive = live(msg) && !conv.archived;
  return {
    edit: false,
    delete: false,
    react: alive,
    reply: alive && msg.threadId === null,
    forward: live(msg),
  };
}
