import type { PersonRef } from '@shared/people/types';
import type { ConversationDTO, MemberDTO, MyMembershipDTO } from '@shared/chat/types';
import type { CurrentUser } from '../auth/current-user';
import type { Person } from '../people/person.model';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import type { Conversation } from './conversation.model';
import type { Inbox, InboxEntry } from './inbox.model';
import { conversationAbilities } from './chat.policy';

type Viewer = Pick<CurrentUser, 'id'>;

const MEMBERS_PREVIEW = 5;

/** People of a conversation as the presenter needs them (from the in-memory directory). */
async function peopleOf(ids: string[]): Promise<Map<string, PersonRef>> {
  const people = await peopleFromDirectory([...new Set(ids)]);
  return new Map(people.map((p: Person) => [String(p._id), presentPersonRef(p)]));
}

/** Unread of an entry: never negative, 0 without an entry. */
export function unreadOf(conv: Pick<Conversation, 'lastSeq'>, entry: InboxEntry | undefined) {
  return entry ? Math.max(0, conv.lastSeq - entry.readSeq) : 0;
}

function myMembership(
  viewer: Viewer,
  conv: Conversation,
  entry: InboxEntry | undefined,
): MyMembershipDTO | null {
  const member = conv.members[viewer.id];
  if (!member) return null;
  return {
    role: member.role,
    // A membership whose inbox entry is not written yet (half-done add) reads as all unread.
    readSeq: Math.min(entry?.readSeq ?? 0, conv.lastSeq),
    muted: entry?.muted ?? false,
    favourite: entry?.favourite ?? false,
    mentions: entry?.mentions ?? 0,
    joinedAt: new Date(entry?.joinedAt ?? member.joinedAt).toISOString(),
  };
}

interface Parts {
  previewIds: string[];
  peerId: string | null;
  senderId: string | null;
}

function partsOf(viewer: Viewer, conv: Conversation): Parts {
  const others = Object.keys(conv.members).filter((p) => p !== viewer.id);
  return {
    previewIds: conv.kind === 'group' ? others.slice(0, MEMBERS_PREVIEW) : [],
    peerId: conv.kind === 'direct' ? (others[0] ?? null) : null,
    senderId: conv.lastMessage?.senderId ?? null,
  };
}

const idsOf = (p: Parts) => [
  ...p.previewIds,
  ...(p.peerId ? [p.peerId] : []),
  ...(p.senderId ? [p.senderId] : []),
];

function build(
  viewer: Viewer,
  conv: Conversation,
  inbox: Inbox | null,
  parts: Parts,
  people: Map<string, PersonRef>,
): ConversationDTO {
  const id = String(conv._id);
  const peer = parts.peerId ? (people.get(parts.peerId) ?? null) : null;
  const entry = conv.members[viewer.id] ? inbox?.conversations[id] : undefined;
  const me = myMembership(viewer, conv, entry);
  // Outsiders (browsing public channels) see no content and no count: members only read.
  const last = me ? conv.lastMessage : null;
  return {
    id,
    kind: conv.kind,
    visibility: conv.kind === 'channel' ? conv.visibility : null,
    name: conv.kind === 'direct' ? (peer?.displayName ?? '') : conv.name,
    topic: conv.topic,
    peer,
    membersPreview: parts.previewIds
      .map((p) => people.get(p))
      .filter((p): p is PersonRef => Boolean(p)),
    memberCount: conv.memberCount,
    roomId: conv.roomId ? String(conv.roomId) : null,
    archived: conv.archived,
    lastSeq: me ? conv.lastSeq : 0,
    lastMessage: last
      ? {
          id: last.id,
          sender: people.get(last.senderId) ?? null,
          preview: last.deleted ? '' : last.preview,
          deleted: last.deleted,
          createdAt: new Date(last.createdAt).toISOString(),
        }
      : null,
    lastActivityAt: new Date(conv.lastActivityAt).toISOString(),
    createdAt: new Date(conv.createdAt).toISOString(),
    me,
    unread: me ? Math.max(0, conv.lastSeq - me.readSeq) : 0,
    abilities: conversationAbilities(viewer, conv),
  };
}

/**
 * Conversations for one viewer (people looked up once for the whole list): names of direct
 * messages are the other person's, `me` and `unread` are the viewer's own (null / 0 when not a
 * member, e.g. browsing public channels). `inbox` is the viewer's inbox (null when unknown).
 */
export async function presentConversations(
  viewer: Viewer,
  convs: Conversation[],
  inbox: Inbox | null,
): Promise<ConversationDTO[]> {
  const parts = convs.map((c) => partsOf(viewer, c));
  const people = await peopleOf(parts.flatMap(idsOf));
  return convs.map((c, i) => build(viewer, c, inbox, parts[i] as Parts, people));
}

export async function presentConversation(
  viewer: Viewer,
  conv: Conversation,
  inbox: Inbox | null,
): Promise<ConversationDTO> {
  const [dto] = await presentConversations(viewer, [conv], inbox);
  return dto as ConversationDTO;
}

/** Members, owners first, then by name (people no longer in the directory are skipped). */
export async function presentMembers(conv: Conversation): Promise<MemberDTO[]> {
  const entries = Object.entries(conv.members);
  const people = await peopleFromDirectory([...new Set(entries.map(([id]) => id))]);
  const byId = new Map(people.map((p: Person) => [String(p._id), p]));
  const out: MemberDTO[] = [];
  for (const [id, m] of entries) {
    const person = byId.get(id);
    if (person) {
      out.push({
        person: presentPersonRef(person),
        username: person.username,
        role: m.role,
        joinedAt: new Date(m.joinedAt).toISOString(),
      });
    }
  }
  return out.sort(
    (a, b) =>
      Number(b.role === 'owner') - Number(a.role === 'owner') ||
      a.person.displayName.localeCompare(b.person.displayName, 'de'),
  );
}
