import type { Request } from 'express';
import { Types } from 'mongoose';
import type { ConversationDTO } from '@shared/chat/types';
import type {
  CreateConversationInput,
  MemberRole,
  UpdateConversationInput,
} from '@shared/chat/schemas';
import type { CurrentUser } from '../auth/current-user';
import { HttpError, badRequest, forbidden } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { fold } from '../../lib/text';
import { audit } from '../audit/audit.service';
import {
  ChatKeyModel,
  ConversationModel,
  type Conversation,
  type StoredMember,
} from './conversation.model';
import { convLockKey, rememberConversation } from './conversation.store';
import { getInbox } from './inbox.store';
import { canArchive, canJoin, canRead, canUpdate } from './chat.policy';
import {
  assertActivePeople,
  changeMembers,
  loadConversation,
  loadReadable,
  writeConversation,
} from './member.service';
import { presentConversation, presentConversations } from './conversation.presenter';

type Actor = Pick<CurrentUser, 'id'>;

const isDuplicate = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

const nameTaken = () =>
  new HttpError(409, 'channel_name_taken', 'A channel with this name already exists.');

export const directKey = (a: string, b: string) => `dm:${[a, b].sort().join(':')}`;
export const channelKey = (name: string) => `channel:${fold(name.trim())}`;
/** A team room's channel: one per room, names may repeat across rooms (issue 6). */
export const roomChannelKey = (roomId: string) => `room-channel:${roomId}`;

/** A channel name key older than this without its conversation was left by a crash. */
const ORPHAN_KEY_MS = 60_000;

/**
 * Claims a unique key for a new conversation id. Returns the id the key stands for: the new one,
 * or (direct messages) the existing conversation's; a channel name in use is a 409.
 */
async function claimKey(key: string, id: Types.ObjectId, reuse: boolean): Promise<Types.ObjectId> {
  try {
    await ChatKeyModel.create({ _id: key, conversationId: id });
    return id;
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
  const found = await ChatKeyModel.findById(key).lean();
  if (!found) throw new HttpError(503, 'service_unavailable', 'Please try again.');
  if (reuse || String(found.conversationId) === String(id)) return found.conversationId;
  const exists = await ConversationModel.exists({ _id: found.conversationId });
  if (exists || Date.now() - new Date(found.createdAt).getTime() < ORPHAN_KEY_MS) throw nameTaken();
  // The key of a channel whose creation crashed before the conversation was written: take it over.
  const taken = await ChatKeyModel.updateOne(
    { _id: key, conversationId: found.conversationId },
    { $set: { conversationId: id, createdAt: new Date() } },
  );
  if (taken.modifiedCount !== 1) throw nameTaken();
  return id;
}

/** Inserts the conversation unless it exists (a retry or a parallel create); remembers it. */
async function insertIfMissing(
  doc: Conversation,
): Promise<{ conv: Conversation; inserted: boolean }> {
  try {
    const created = await ConversationModel.create(doc);
    const conv = created.toObject<Conversation>();
    rememberConversation(conv);
    return { conv, inserted: true };
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
  const conv = await ConversationModel.findById(doc._id).lean<Conversation>();
  if (!conv) throw new HttpError(503, 'service_unavailable', 'Please try again.');
  rememberConversation(conv);
  return { conv, inserted: false };
}

function newConversation(
  id: Types.ObjectId,
  actorId: string,
  fields: Pick<Conversation, 'kind' | 'visibility' | 'name' | 'topic' | 'roomId'>,
  members: Record<string, MemberRole>,
): Conversation {
  const now = new Date();
  const map: Record<string, StoredMember> = {};
  for (const [pid, role] of Object.entries(members)) map[pid] = { role, joinedAt: now };
  return {
    _id: id,
    ...fields,
    nameKey: fold(fields.name),
    createdById: new Types.ObjectId(actorId),
    members: map,
    memberCount: Object.keys(map).length,
    archived: false,
    archivedAt: null,
    lastSeq: 0,
    lastMessage: null,
    lastActivityAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

const selfIssue = (path: string) =>
  badRequest('Not with yourself.', [{ path, code: 'self_reference', message: 'Not yourself.' }]);

/**
 * Creates a conversation (the route and, later, team rooms use this). Direct messages are one per
 * pair: a second create (also in parallel) returns the same conversation with `created: false`,
 * and completes one whose creation stopped halfway. `roomId` marks a team room's channel.
 */
export async function createConversation(
  actorId: string,
  input: CreateConversationInput,
  opts: { roomId?: string | null; req?: Request } = {},
): Promise<{ conversation: Conversation; created: boolean }> {
  const roomId = opts.roomId ? new Types.ObjectId(opts.roomId) : null;
  const members: Record<string, MemberRole> = {};
  let id = new Types.ObjectId();
  let fields: Pick<Conversation, 'kind' | 'visibility' | 'name' | 'topic' | 'roomId'>;
  if (input.kind === 'direct') {
    if (input.personId === actorId) throw selfIssue('personId');
    await assertActivePeople([input.personId], () => 'personId');
    id = await claimKey(directKey(actorId, input.personId), id, true);
    fields = { kind: 'direct', visibility: null, name: '', topic: '', roomId };
    members[actorId] = 'member';
    members[input.personId] = 'member';
  } else {
    const others = input.memberIds.filter((p) => p !== actorId);
    const indexOf = (i: number) => `memberIds.${input.memberIds.indexOf(others[i] as string)}`;
    await assertActivePeople(others, indexOf);
    const unique = [...new Set(others)];
    if (input.kind === 'group') {
      if (unique.length < 2) {
        throw badRequest('A group needs two more people.', [
          { path: 'memberIds', code: 'too_small', message: 'At least two other people.' },
        ]);
      }
      fields = { kind: 'group', visibility: null, name: input.name ?? '', topic: '', roomId };
    } else {
      fields = {
        kind: 'channel',
        visibility: input.visibility,
        name: input.name,
        topic: input.topic,
        roomId,
      };
      // A room's channel is one per room (a repeat or a parallel provision reuses it), not per name.
      id = opts.roomId
        ? await claimKey(roomChannelKey(opts.roomId), id, true)
        : await claimKey(channelKey(input.name), id, false);
    }
    for (const p of unique) members[p] = 'member';
    members[actorId] = 'owner';
  }
  const { conv, inserted } = await insertIfMissing(newConversation(id, actorId, fields, members));
  // Inbox entries of everyone (idempotent): completes a creation that stopped halfway.
  const { conversation } = await changeMembers(actorId, String(conv._id), {
    add: Object.keys(conv.members),
  });
  if (inserted && conv.kind === 'channel') {
    await audit({
      action: 'chat.channel.create',
      actorId,
      subjectType: 'chat_conversation',
      subjectId: String(conv._id),
      detail: { name: conv.name, visibility: conv.visibility },
      req: opts.req,
    });
  }
  return { conversation, created: inserted };
}

export async function presentFor(user: Actor, conv: Conversation): Promise<ConversationDTO> {
  return presentConversation(user, conv, await getInbox(user.id));
}

export async function getConversationFor(user: Actor, id: string): Promise<ConversationDTO> {
  return presentFor(user, await loadReadable(user, id));
}

/** Owners rename / change the topic / archive (groups: every member renames). */
export async function updateConversation(
  user: Actor,
  id: string,
  input: UpdateConversationInput,
  req?: Request,
): Promise<ConversationDTO> {
  const { name, topic, archived } = input;
  if (name === undefined && topic === undefined && archived === undefined) {
    throw badRequest('Nothing to change.', [
      { path: '', code: 'nothing_to_change', message: 'Nothing to change.' },
    ]);
  }
  const check = (conv: Conversation) => {
    if (archived !== undefined && !canArchive(user, conv)) throw forbidden();
    const after = { ...conv, archived: archived ?? conv.archived };
    if ((name !== undefined || topic !== undefined) && !canUpdate(user, after)) throw forbidden();
  };
  const conv = await loadReadable(user, id);
  check(conv);
  const stored = await withKeyLock(convLockKey(id), async () => {
    const current = await loadConversation(id);
    // Again on the current state: an owner may have archived it (or demoted us) meanwhile.
    check(current);
    const $set: Record<string, unknown> = {};
    let oldKey: string | null = null;
    if (name !== undefined && name !== current.name) {
      if (current.kind === 'channel' && current.roomId === null && fold(name) !== current.nameKey) {
        await claimKey(channelKey(name), current._id, false);
        oldKey = channelKey(current.name);
      }
      Object.assign($set, { name, nameKey: fold(name) });
    }
    if (topic !== undefined && topic !== current.topic) $set.topic = topic;
    if (archived !== undefined && archived !== current.archived) {
      Object.assign($set, { archived, archivedAt: archived ? new Date() : null });
    }
    if (Object.keys($set).length === 0) return null;
    const written = await writeConversation(id, { $set });
    if (oldKey) await ChatKeyModel.deleteOne({ _id: oldKey, conversationId: current._id });
    return written;
  });
  if (!stored) return presentFor(user, conv);
  events.publish('chat.conversation_changed', { conversation: stored, actorId: user.id });
  if (archived !== undefined && archived !== conv.archived) {
    await audit({
      action: archived ? 'chat.channel.archive' : 'chat.channel.unarchive',
      actorId: user.id,
      subjectType: 'chat_conversation',
      subjectId: id,
      req,
    });
  }
  return presentFor(user, stored);
}

/**
 * Public channels one may join or is in (filtered by name and topic). The one accepted query of
 * `chat_conversations` by something other than `_id`: a rare, explicit action.
 */
export async function browseChannels(
  user: Actor,
  q: string | undefined,
  limit: number,
): Promise<ConversationDTO[]> {
  const found = await ConversationModel.find({
    kind: 'channel',
    visibility: 'public',
    archived: false,
  }).lean<Conversation[]>();
  const needle = fold(q?.trim() ?? '');
  const hits = found
    .filter((c) => canJoin(user, c) || canRead(user, c))
    .filter((c) => !needle || c.nameKey.includes(needle) || fold(c.topic).includes(needle))
    .sort(
      (a, b) => a.nameKey.localeCompare(b.nameKey) || String(a._id).localeCompare(String(b._id)),
    )
    .slice(0, limit);
  const inbox = await getInbox(user.id);
  return presentConversations(user, hits, inbox);
}
