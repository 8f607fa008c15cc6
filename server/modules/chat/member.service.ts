import type { Request } from 'express';
import type { MemberDTO } from '@shared/chat/types';
import { GROUP_MAX_MEMBERS, type MemberRole } from '@shared/chat/schemas';
import type { FieldIssue } from '@shared/http/errors';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { audit } from '../audit/audit.service';
import { peopleFromDirectory } from '../people/directory-index';
import { ConversationModel, type Conversation, type StoredMember } from './conversation.model';
import { convLockKey, getConversation, isMember, rememberConversation } from './conversation.store';
import { InboxModel, type Inbox, type InboxEntry } from './inbox.model';
import { getInbox, inboxLockKey, rememberInbox } from './inbox.store';
import {
  canAddMembers,
  canChangeRoles,
  canJoin,
  canLeave,
  canRead,
  canRemoveMembers,
} from './chat.policy';
import { presentMembers } from './conversation.presenter';

type Actor = Pick<CurrentUser, 'id'>;

export async function loadConversation(id: string): Promise<Conversation> {
  const conv = await getConversation(id);
  if (!conv) throw notFound('Conversation not found.');
  return conv;
}

/** The conversation when the person may read it: 404 unknown, 403 not a member. */
export async function loadReadable(user: Actor, id: string): Promise<Conversation> {
  const conv = await loadConversation(id);
  if (!canRead(user, conv)) throw forbidden();
  return conv;
}

/**
 * Only active people can become members: 400 with `unknown_reference` at each id that is unknown
 * or deactivated (`pathOf` names the input field of the i-th id).
 */
export async function assertActivePeople(
  ids: string[],
  pathOf: (index: number) => string,
): Promise<void> {
  const people = await peopleFromDirectory(ids);
  const active = new Set(people.filter((p) => p.active !== false).map((p) => String(p._id)));
  const issues: FieldIssue[] = ids.flatMap((id, i) =>
    active.has(id)
      ? []
      : [{ path: pathOf(i), code: 'unknown_reference', message: 'Unknown or inactive.' }],
  );
  if (issues.length) throw badRequest('Only active people can be members.', issues);
}

/** Writes a conversation's update by `_id` and remembers the stored result (keeps the count true). */
export async function writeConversation(
  id: string,
  update: Record<string, unknown>,
): Promise<Conversation> {
  let stored = await ConversationModel.findByIdAndUpdate(id, update, {
    returnDocument: 'after',
  }).lean<Conversation>();
  if (!stored) throw notFound('Conversation not found.');
  const count = Object.keys(stored.members).length;
  if (stored.memberCount !== count) {
    // A concurrent writer elsewhere (several instances on MongoDB): the member map is the truth.
    stored = { ...stored, memberCount: count };
    await ConversationModel.updateOne({ _id: id }, { $set: { memberCount: count } });
  }
  rememberConversation(stored);
  return stored;
}

/** The person's inbox entry for a conversation exists (idempotent); true when written now. */
export function ensureInboxEntry(personId: string, conv: Conversation): Promise<boolean> {
  const cid = String(conv._id);
  return withKeyLock(inboxLockKey(personId), async () => {
    const inbox = await getInbox(personId);
    if (inbox.conversations[cid]) return false;
    const entry: InboxEntry = {
      // Joining an existing conversation starts "read up to now" (no backlog of old unread).
      readSeq: conv.lastSeq,
      muted: false,
      favourite: false,
      mentions: 0,
      joinedAt: conv.members[personId]?.joinedAt ?? new Date(),
    };
    const stored = await InboxModel.findByIdAndUpdate(
      personId,
      { $set: { [`conversations.${cid}`]: entry } },
      { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true },
    ).lean<Inbox>();
    if (stored) rememberInbox(stored);
    return true;
  });
}

/** The person's inbox entry is gone (idempotent); true when removed now. */
export function dropInboxEntry(personId: string, cid: string): Promise<boolean> {
  return withKeyLock(inboxLockKey(personId), async () => {
    const inbox = await getInbox(personId);
    if (!inbox.conversations[cid]) return false;
    const stored = await InboxModel.findByIdAndUpdate(
      personId,
      { $unset: { [`conversations.${cid}`]: 1 } },
      { returnDocument: 'after' },
    ).lean<Inbox>();
    if (stored) rememberInbox(stored);
    return true;
  });
}

const INBOX_WRITES_AT_ONCE = 16;

/** The ids for which `write` answered true, written `INBOX_WRITES_AT_ONCE` at a time. */
async function inChunks(ids: string[], write: (id: string) => Promise<boolean>): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += INBOX_WRITES_AT_ONCE) {
    const chunk = ids.slice(i, i + INBOX_WRITES_AT_ONCE);
    const done = await Promise.all(chunk.map(write));
    chunk.forEach((id, j) => done[j] && out.push(id));
  }
  return out;
}

export interface MembershipChange {
  conversation: Conversation;
  added: string[];
  removed: string[];
}

/**
 * THE membership write: the conversation's member map first (under its lock), then each person's
 * inbox entry (under theirs). Both steps are idempotent, so repeating a request completes a change
 * that stopped halfway (e.g. a crash after the conversation write). `added` / `removed` name
 * everyone for whom something was written now; `chat.members_changed` is published for them.
 */
export async function changeMembers(
  actorId: string,
  convId: string,
  change: {
    add?: string[];
    role?: MemberRole;
    remove?: string[];
    /** The permission again on the current state, under the lock (throws to refuse). */
    check?: (current: Conversation) => void;
  },
): Promise<MembershipChange> {
  const add = [...new Set(change.add ?? [])];
  const remove = [...new Set(change.remove ?? [])].filter((id) => !add.includes(id));
  const { conv, changed } = await withKeyLock(convLockKey(convId), async () => {
    const current = await loadConversation(convId);
    change.check?.(current);
    const $set: Record<string, unknown> = {};
    const $unset: Record<string, 1> = {};
    const now = new Date();
    for (const id of add) {
      if (isMember(current, id)) continue;
      const member: StoredMember = { role: change.role ?? 'member', joinedAt: now };
      $set[`members.${id}`] = member;
    }
    for (const id of remove) if (isMember(current, id)) $unset[`members.${id}`] = 1;
    const writes = Object.keys($set).length + Object.keys($unset).length;
    if (writes === 0) return { conv: current, changed: new Set<string>() };
    const count = current.memberCount + Object.keys($set).length - Object.keys($unset).length;
    const update = {
      $set: { ...$set, memberCount: count },
      ...(Object.keys($unset).length ? { $unset } : {}),
    };
    const stored = await writeConversation(convId, update);
    return {
      conv: stored,
      changed: new Set([...Object.keys($set), ...Object.keys($unset)].map((k) => k.slice(8))),
    };
  });
  // Each person's entry under their own lock, a few at a time (a channel may start with 500).
  const added = await inChunks(
    add.filter((id) => isMember(conv, id)),
    async (id) => (await ensureInboxEntry(id, conv)) || changed.has(id),
  );
  const removed = await inChunks(
    remove.filter((id) => !isMember(conv, id)),
    async (id) => (await dropInboxEntry(id, convId)) || changed.has(id),
  );
  if (added.length || removed.length) {
    events.publish('chat.members_changed', { conversation: conv, added, removed, actorId });
  }
  return { conversation: conv, added, removed };
}

export async function listMembers(user: Actor, convId: string): Promise<MemberDTO[]> {
  return presentMembers(await loadReadable(user, convId));
}

export async function addMembers(
  user: Actor,
  convId: string,
  personIds: string[],
): Promise<MemberDTO[]> {
  const ids = [...new Set(personIds)];
  const check = (conv: Conversation) => {
    if (!canAddMembers(user, conv)) throw forbidden();
    const fresh = ids.filter((id) => !isMember(conv, id));
    if (conv.kind === 'group' && conv.memberCount + fresh.length > GROUP_MAX_MEMBERS) {
      throw badRequest('A group has at most 50 members.', [
        { path: 'personIds', code: 'too_big', message: 'Too many members.' },
      ]);
    }
  };
  check(await loadConversation(convId));
  await assertActivePeople(ids, (i) => `personIds.${i}`);
  const { conversation } = await changeMembers(user.id, convId, { add: ids, check });
  return presentMembers(conversation);
}

/** Join a public channel (twice = one membership). */
export async function joinConversation(user: Actor, convId: string): Promise<Conversation> {
  const check = (conv: Conversation) => {
    if (!isMember(conv, user.id) && !canJoin(user, conv)) throw forbidden();
  };
  check(await loadConversation(convId));
  return (await changeMembers(user.id, convId, { add: [user.id], check })).conversation;
}

export async function leaveConversation(user: Actor, convId: string): Promise<void> {
  // Checked again under the lock: two last owners leaving at once must not both go.
  const check = (conv: Conversation) => {
    if (canLeave(user, conv)) return;
    const lastOwner = isMember(conv, user.id) && conv.kind === 'channel' && conv.roomId === null;
    throw lastOwner ? lastOwnerError() : forbidden();
  };
  check(await loadConversation(convId));
  await changeMembers(user.id, convId, { remove: [user.id], check });
}

const lastOwnerError = () =>
  new HttpError(409, 'last_owner', 'Make someone else an owner before leaving.');

/** An owner removes a member (audited); removing oneself is leaving. */
export async function removeMember(
  user: Actor,
  convId: string,
  personId: string,
  req?: Request,
): Promise<MemberDTO[]> {
  if (personId === user.id) {
    await leaveConversation(user, convId);
    return [];
  }
  const check = (conv: Conversation) => {
    if (!canRemoveMembers(user, conv)) throw forbidden();
  };
  check(await loadConversation(convId));
  const { conversation, removed } = await changeMembers(user.id, convId, {
    remove: [personId],
    check,
  });
  if (removed.length) {
    await audit({
      action: 'chat.member.remove',
      actorId: user.id,
      subjectType: 'chat_conversation',
      subjectId: convId,
      detail: { personId },
      req,
    });
  }
  return presentMembers(conversation);
}

/** Owners make others owners or members; the last owner cannot step down. */
export async function changeMemberRole(
  user: Actor,
  convId: string,
  personId: string,
  role: MemberRole,
): Promise<MemberDTO[]> {
  const conv = await loadConversation(convId);
  if (!canChangeRoles(user, conv)) throw forbidden();
  const stored = await withKeyLock(convLockKey(convId), async () => {
    const current = await loadConversation(convId);
    if (!canChangeRoles(user, current)) throw forbidden();
    const member = current.members[personId];
    if (!member) throw notFound('Not a member.');
    if (member.role === role) return current;
    const owners = Object.values(current.members).filter((m) => m.role === 'owner').length;
    if (member.role === 'owner' && owners === 1) throw lastOwnerError();
    return writeConversation(convId, { $set: { [`members.${personId}.role`]: role } });
  });
  events.publish('chat.member_state', { userId: personId, conversationId: convId });
  return presentMembers(stored);
}
