import type { ConversationDTO, MessageDTO } from '@shared/chat/types';
import type { PersonRef } from '@shared/people/types';
import type { MessagePages } from './cache';

/** Builders for the chat feature's unit tests. */
export const ME = 'a'.repeat(24);
export const OTHER = 'b'.repeat(24);
export const CONV = 'c'.repeat(24);

export const person = (id: string, displayName = `P ${id.slice(0, 3)}`): PersonRef => ({
  id,
  displayName,
  position: null,
  unitId: null,
  initials: 'PP',
  photoUrl: null,
});

export function conversation(over: Partial<ConversationDTO> = {}): ConversationDTO {
  const base: ConversationDTO = {
    id: CONV,
    kind: 'direct',
    visibility: null,
    name: 'Ben',
    topic: '',
    peer: person(OTHER, 'Ben'),
    membersPreview: [],
    memberCount: 2,
    roomId: null,
    archived: false,
    lastSeq: 3,
    lastMessage: null,
    lastActivityAt: '2026-01-01T10:00:00.000Z',
    createdAt: '2026-01-01T09:00:00.000Z',
    me: {
      role: 'member',
      readSeq: 1,
      muted: false,
      favourite: false,
      mentions: 0,
      joinedAt: '2026-01-01T09:00:00.000Z',
    },
    unread: 2,
    abilities: {
      read: true,
      post: true,
      join: false,
      leave: true,
      addMembers: false,
      removeMembers: false,
      update: false,
      archive: false,
      mentionAll: false,
    },
  };
  return { ...base, ...over };
}

export function message(seq: number, over: Partial<MessageDTO> = {}): MessageDTO {
  const sender = over.sender ?? person(OTHER, 'Ben');
  const clientId = over.clientId ?? `client-${seq}-xyz`;
  return {
    id: `${sender.id}-${clientId}`,
    conversationId: CONV,
    seq,
    clientId,
    sender,
    body: `Nachricht ${seq}`,
    attachments: [],
    threadId: null,
    thread: null,
    mentions: [],
    mentionsAll: false,
    reactions: [],
    forwardedFrom: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, seq)).toISOString(),
    editedAt: null,
    deletedAt: null,
    abilities: { edit: false, delete: false, react: true, reply: true, forward: true },
    ...over,
  };
}

/** Pages newest first, each ascending. */
export function pages(...seqs: number[][]): MessagePages {
  return {
    pages: seqs.map((list, i) => ({
      data: list.map((s) => message(s)),
      hasMore: i < seqs.length - 1 || (list[0] ?? 1) > 1,
    })),
    pageParams: seqs.map((_l, i) => (i === 0 ? null : (seqs[i - 1]?.[0] ?? null))),
  };
}
