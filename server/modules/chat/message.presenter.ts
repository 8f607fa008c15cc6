import type { AttachmentDTO, MessageDTO, ReactionDTO } from '@shared/chat/types';
import { chatReactions } from '@shared/chat/schemas';
import type { PersonRef } from '@shared/people/types';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { initials } from '../../lib/text';
import type { Conversation } from './conversation.model';
import type { Message, StoredAttachment } from './message.model';
import { memberViewAbilities, messageAbilities } from './chat.policy';

type Viewer = { id: string } | null;
export type People = Map<string, PersonRef>;

/** Someone no longer in the directory (the message stays readable). */
const unknownPerson = (id: string): PersonRef => ({
  id,
  displayName: '—',
  position: null,
  unitId: null,
  initials: initials('?'),
  photoUrl: null,
});

const ref = (people: People, id: string) => people.get(id) ?? unknownPerson(id);

/** Every person a set of messages shows (sender, mentions, reactions, repliers, forwarded sender). */
export function personIdsOf(messages: Message[]): Set<string> {
  const ids = new Set<string>();
  for (const m of messages) {
    ids.add(String(m.senderId));
    m.mentionIds.forEach((id) => ids.add(id));
    for (const list of Object.values(m.reactions ?? {})) list?.forEach((id) => ids.add(id));
    m.thread?.participantIds.slice(-3).forEach((id) => ids.add(id));
    if (m.forwardedFrom?.senderId) ids.add(m.forwardedFrom.senderId);
  }
  return ids;
}

/** People for presenting these messages, from the in-memory directory (never a query per message). */
export async function peopleFor(messages: Message[], extra: string[] = []): Promise<People> {
  const ids = [...personIdsOf(messages), ...extra];
  const people = await peopleFromDirectory([...new Set(ids)]);
  return new Map(people.map((p) => [String(p._id), presentPersonRef(p)]));
}

export const fileUrl = (conversationId: string, fileId: string) =>
  `/api/conversations/${conversationId}/files/${fileId}`;

export function presentAttachment(conversationId: string, a: StoredAttachment): AttachmentDTO {
  const url = fileUrl(conversationId, a.fileId);
  return {
    id: a.fileId,
    name: a.name,
    size: a.size,
    contentType: a.contentType,
    image: a.image
      ? { width: a.image.width, height: a.image.height, previewUrl: `${url}?preview=1` }
      : null,
    url,
  };
}

function presentReactions(msg: Message, people: People): ReactionDTO[] {
  const out: ReactionDTO[] = [];
  for (const reaction of chatReactions) {
    const ids = msg.reactions?.[reaction];
    if (!ids?.length) continue;
    out.push({
      reaction,
      count: ids.length,
      personIds: [...ids],
      names: ids.slice(0, 10).map((id) => ref(people, id).displayName),
    });
  }
  return out;
}

/**
 * A message for one viewer, or (viewer null) the live copy for the whole room: abilities of an
 * ordinary member who is not the sender and `thread.following` false.
 */
export function presentMessage(
  viewer: Viewer,
  conv: Pick<
    Conversation,
    'kind' | 'visibility' | 'members' | 'memberCount' | 'archived' | 'roomId'
  >,
  msg: Message,
  people: People,
): MessageDTO {
  const conversationId = String(msg.conversationId);
  const thread = msg.thread;
  const following = viewer !== null && !!thread?.followerIds.includes(viewer.id);
  return {
    id: msg._id,
    conversationId,
    seq: msg.seq,
    clientId: msg.clientId,
    sender: ref(people, String(msg.senderId)),
    body: msg.deletedAt ? '' : msg.body,
    attachments: msg.deletedAt
      ? []
      : msg.attachments.map((a) => presentAttachment(conversationId, a)),
    threadId: msg.threadId,
    // A root someone merely follows (no replies yet) shows a summary only to its followers.
    thread:
      thread && (thread.replyCount > 0 || following)
        ? {
            replyCount: thread.replyCount,
            lastReplyAt: thread.lastReplyAt ? new Date(thread.lastReplyAt).toISOString() : null,
            participants: thread.participantIds.slice(-3).map((id) => ref(people, id)),
            following,
          }
        : null,
    mentions: msg.mentionIds.map((id) => ref(people, id)),
    mentionsAll: msg.mentionsAll,
    reactions: presentReactions(msg, people),
    forwardedFrom: msg.forwardedFrom
      ? {
          sender: msg.forwardedFrom.senderId ? ref(people, msg.forwardedFrom.senderId) : null,
          conversationName: msg.forwardedFrom.conversationName,
          createdAt: new Date(msg.forwardedFrom.createdAt).toISOString(),
        }
      : null,
    createdAt: new Date(msg.createdAt).toISOString(),
    editedAt: msg.editedAt ? new Date(msg.editedAt).toISOString() : null,
    deletedAt: msg.deletedAt ? new Date(msg.deletedAt).toISOString() : null,
    abilities: viewer ? messageAbilities(viewer, conv, msg) : memberViewAbilities(conv, msg),
  };
}

/** Several messages for one viewer, with one directory read. */
export async function presentMessages(
  viewer: Viewer,
  conv: Conversation,
  messages: Message[],
): Promise<MessageDTO[]> {
  const people = await peopleFor(messages);
  return messages.map((m) => presentMessage(viewer, conv, m, people));
}
