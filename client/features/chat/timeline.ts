import type { MessageDTO } from '@shared/chat/types';
import type { PersonRef } from '@shared/people/types';
import type { OutboxEntry } from './outbox';

/** A message as the timeline shows it: stored, or still in my outbox (pending / failed). */
export type ViewMessage = MessageDTO & {
  local?: { state: OutboxEntry['state']; error: OutboxEntry['error'] };
};

export type TimelineItem =
  | { type: 'date'; key: string; date: string }
  | { type: 'unread'; key: string }
  | { type: 'message'; key: string; message: ViewMessage; grouped: boolean }
  /** A thread reply in the main timeline: one compact line linking to the thread. */
  | { type: 'reply'; key: string; message: ViewMessage };

/** How long a linked message (`?message=`) stays highlighted after the jump. */
export const HIGHLIGHT_MS = 4_000;

/** Consecutive messages of one sender within this time join one group (one name, one avatar). */
const GROUP_MS = 5 * 60_000;

/** An outbox entry shown like a message (it keeps its future server id: replaced, never doubled). */
export function pendingMessage(entry: OutboxEntry, me: PersonRef): ViewMessage {
  return {
    id: entry.id,
    conversationId: entry.conversationId,
    seq: Number.MAX_SAFE_INTEGER,
    clientId: entry.clientId,
    sender: me,
    body: entry.body,
    attachments: [],
    threadId: entry.threadId,
    thread: null,
    mentions: [],
    mentionsAll: false,
    reactions: [],
    forwardedFrom: null,
    createdAt: entry.createdAt,
    editedAt: null,
    deletedAt: null,
    abilities: { edit: false, delete: false, react: false, reply: false, forward: false },
    local: { state: entry.state, error: entry.error },
  };
}

/** Stored messages (ascending) followed by my queued ones that the server has not answered yet. */
export function withPending(stored: MessageDTO[], pending: ViewMessage[]): ViewMessage[] {
  const known = new Set(stored.map((m) => m.id));
  return [...stored, ...pending.filter((p) => !known.has(p.id))];
}

/**
 * The main timeline: date separators, one "new" divider before the first unread message of
 * someone else (`readSeq` as it was when the conversation was opened; null = no divider), groups
 * of one sender, and thread replies as compact lines.
 */
export function buildTimeline(
  messages: ViewMessage[],
  {
    readSeq,
    myId,
    dayOf,
  }: { readSeq: number | null; myId: string; dayOf: (iso: string) => string },
): TimelineItem[] {
  const items: TimelineItem[] = [];
  let day = '';
  let dividerShown = false;
  let prev: ViewMessage | null = null;
  for (const m of messages) {
    const d = dayOf(m.createdAt);
    let breakGroup = false;
    if (d !== day) {
      items.push({ type: 'date', key: `date-${d}`, date: m.createdAt });
      day = d;
      breakGroup = true;
    }
    if (!dividerShown && readSeq !== null && !m.local && m.seq > readSeq && m.sender.id !== myId) {
      items.push({ type: 'unread', key: 'unread' });
      dividerShown = true;
      breakGroup = true;
    }
    if (m.threadId) {
      items.push({ type: 'reply', key: m.id, message: m });
      prev = null;
      continue;
    }
    const grouped =
      !breakGroup &&
      prev !== null &&
      prev.sender.id === m.sender.id &&
      !prev.forwardedFrom &&
      !m.forwardedFrom &&
      Date.parse(m.createdAt) - Date.parse(prev.createdAt) < GROUP_MS;
    items.push({ type: 'message', key: m.id, message: m, grouped });
    prev = m;
  }
  return items;
}

/** The first unread message of someone else (for "jump to first unread"). */
export function firstUnread(messages: ViewMessage[], readSeq: number, myId: string) {
  return messages.find((m) => !m.local && m.seq > readSeq && m.sender.id !== myId) ?? null;
}

/** My newest stored, not deleted root message (↑ in an empty composer edits it). */
export function lastEditable(messages: ViewMessage[], myId: string): ViewMessage | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.sender.id === myId && !m.local && !m.deletedAt && m.abilities.edit) return m;
  }
  return null;
}
