import type { InfiniteData } from '@tanstack/react-query';
import type {
  ChatUnreadSummaryDTO,
  ConversationDTO,
  MessageDTO,
  MessagePageDTO,
} from '@shared/chat/types';
import { toPlainText } from '@shared/chat/markdown';
import type { ThreadDTO } from './api';

/**
 * Pure cache transformations shared by socket events, REST answers and optimistic updates. Every
 * function returns the same object when nothing changes (React Query then skips re-renders), and
 * everything is keyed by id, so a message delivered twice (REST answer + live copy, or a refetch
 * after a reconnect) is stored once.
 */

/** Timeline pages, newest page first; each page ascending by `seq`. Page param = `before`. */
export type MessagePages = InfiniteData<MessagePageDTO, number | null>;

const byActivity = (a: ConversationDTO, b: ConversationDTO) =>
  b.lastActivityAt.localeCompare(a.lastActivityAt);

const unreadOf = (c: ConversationDTO) => (c.me ? Math.max(0, c.lastSeq - c.me.readSeq) : 0);
/** What a conversation adds to the navigation badge. */
export const badgeCount = (c: ConversationDTO | undefined) =>
  c && c.me && !c.me.muted && !c.archived ? c.unread : 0;

const PREVIEW_MAX = 140;
/** Plain preview of a markdown body for the list (the server builds the same with the same parser). */
export const previewText = (body: string): string => toPlainText(body, PREVIEW_MAX);

/** A conversation after a new message: position, preview, activity, own unread and mentions. */
export function withMessage(
  conv: ConversationDTO,
  message: MessageDTO,
  myId: string,
): ConversationDTO {
  if (message.seq <= conv.lastSeq) return conv; // known already (or older)
  const mine = message.sender.id === myId;
  const me = conv.me
    ? {
        ...conv.me,
        // Sending advances the sender's own read position (server does the same).
        readSeq: mine ? Math.max(conv.me.readSeq, message.seq) : conv.me.readSeq,
        mentions:
          !mine && (message.mentionsAll || message.mentions.some((p) => p.id === myId))
            ? conv.me.mentions + 1
            : conv.me.mentions,
      }
    : null;
  const next: ConversationDTO = {
    ...conv,
    me,
    lastSeq: message.seq,
    lastMessage: {
      id: message.id,
      sender: message.sender,
      preview: message.deletedAt ? '' : previewText(message.body),
      deleted: message.deletedAt !== null,
      createdAt: message.createdAt,
    },
    lastActivityAt:
      message.createdAt > conv.lastActivityAt ? message.createdAt : conv.lastActivityAt,
  };
  return { ...next, unread: unreadOf(next) };
}

/** A conversation after my read position moved (never backwards). */
export function withRead(
  conv: ConversationDTO,
  readSeq: number,
  mentions?: number,
): ConversationDTO {
  if (!conv.me) return conv;
  const seq = Math.max(conv.me.readSeq, readSeq);
  const nextMentions = mentions ?? (seq > conv.me.readSeq ? 0 : conv.me.mentions);
  if (seq === conv.me.readSeq && nextMentions === conv.me.mentions) return conv;
  const next = { ...conv, me: { ...conv.me, readSeq: seq, mentions: nextMentions } };
  return { ...next, unread: unreadOf(next) };
}

/** The later of two states of one conversation: a stale full copy must not undo newer messages. */
export function mergeConversation(
  old: ConversationDTO | undefined,
  incoming: ConversationDTO,
): ConversationDTO {
  if (!old || incoming.lastSeq >= old.lastSeq) {
    if (!old?.me || !incoming.me || incoming.me.readSeq >= old.me.readSeq) return incoming;
    return withRead(incoming, old.me.readSeq, old.me.mentions);
  }
  const next: ConversationDTO = {
    ...incoming,
    lastSeq: old.lastSeq,
    lastMessage: old.lastMessage,
    lastActivityAt: old.lastActivityAt,
  };
  return { ...next, unread: unreadOf(next) };
}

/** Inserts or replaces a conversation; newest activity first. */
export function upsertConversation(
  list: ConversationDTO[] | undefined,
  conv: ConversationDTO,
): ConversationDTO[] | undefined {
  if (!list) return list;
  const old = list.find((c) => c.id === conv.id);
  const merged = mergeConversation(old, conv);
  if (old === merged) return list;
  return [...list.filter((c) => c.id !== conv.id), merged].sort(byActivity);
}

/** Applies `fn` to one conversation of the list (unchanged list when absent or unchanged). */
export function updateConversation(
  list: ConversationDTO[] | undefined,
  id: string,
  fn: (c: ConversationDTO) => ConversationDTO,
): ConversationDTO[] | undefined {
  if (!list) return list;
  let changed = false;
  const next = list.map((c) => {
    if (c.id !== id) return c;
    const updated = fn(c);
    if (updated !== c) changed = true;
    return updated;
  });
  return changed ? next.sort(byActivity) : list;
}

export function removeConversation(
  list: ConversationDTO[] | undefined,
  id: string,
): ConversationDTO[] | undefined {
  if (!list || !list.some((c) => c.id === id)) return list;
  return list.filter((c) => c.id !== id);
}

export type ConversationPatch = {
  id: string;
  name?: string;
  topic?: string;
  archived?: boolean;
  memberCount?: number;
};

/** Shared fields from `chat:conversation-patch`. */
export function patchConversation(
  conv: ConversationDTO,
  patch: ConversationPatch,
): ConversationDTO {
  const { id: _id, ...fields } = patch;
  const defined = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined),
  ) as Partial<ConversationDTO>;
  return { ...conv, ...defined };
}

/**
 * The badge summary after one conversation changed from `before` to `after` (undefined = gone or
 * unknown). Total moves by the difference; the short list keeps the 5 newest with unread.
 */
export function updateSummary(
  summary: ChatUnreadSummaryDTO | undefined,
  before: ConversationDTO | undefined,
  after: ConversationDTO | undefined,
  limit = 5,
): ChatUnreadSummaryDTO | undefined {
  if (!summary) return summary;
  const delta = badgeCount(after) - badgeCount(before);
  const id = (after ?? before)?.id;
  let conversations = summary.conversations.filter((c) => c.id !== id);
  if (after && after.unread > 0 && after.me) {
    conversations = [...conversations, after].sort(byActivity).slice(0, limit);
  }
  const unchanged =
    delta === 0 &&
    conversations.length === summary.conversations.length &&
    conversations.every((c, i) => c === summary.conversations[i]);
  if (unchanged) return summary;
  return { total: Math.max(0, summary.total + delta), conversations };
}

// ---------------------------------------------------------------------------------------------
// Messages

/** Keeps the viewer's own fields of a message it already holds (see the MessageDTO comment). */
export function mergeLiveMessage(old: MessageDTO | undefined, live: MessageDTO): MessageDTO {
  if (!old) return live;
  return {
    ...live,
    abilities: old.abilities,
    thread:
      live.thread && old.thread ? { ...live.thread, following: old.thread.following } : live.thread,
  };
}

export function findMessage(data: MessagePages | undefined, id: string): MessageDTO | undefined {
  for (const page of data?.pages ?? []) {
    const found = page.data.find((m) => m.id === id);
    if (found) return found;
  }
  return undefined;
}

const insertSorted = (list: MessageDTO[], message: MessageDTO) =>
  [...list.filter((m) => m.id !== message.id), message].sort((a, b) => a.seq - b.seq);

/**
 * Puts a message into the timeline: replaces it by id wherever it is (`live`: keeping the
 * viewer's own fields), otherwise inserts it into the page whose range holds its `seq` (new
 * messages land in the newest page). Messages older than every loaded page are left to paging.
 */
export function upsertMessage(
  data: MessagePages | undefined,
  message: MessageDTO,
  { live = false }: { live?: boolean } = {},
): MessagePages | undefined {
  if (!data || data.pages.length === 0) return data;
  const old = findMessage(data, message.id);
  const next = live ? mergeLiveMessage(old, message) : message;
  if (old) {
    return {
      ...data,
      pages: data.pages.map((p) =>
        p.data.some((m) => m.id === message.id)
          ? { ...p, data: p.data.map((m) => (m.id === message.id ? next : m)) }
          : p,
      ),
    };
  }
  // Pages are newest first: the first page whose oldest message is below this one takes it.
  const index = data.pages.findIndex(
    (p, i) => i === data.pages.length - 1 || (p.data[0]?.seq ?? 0) < message.seq,
  );
  const target = data.pages[index];
  if (!target) return data;
  const oldest = target.data[0]?.seq;
  if (
    index === data.pages.length - 1 &&
    target.hasMore &&
    oldest !== undefined &&
    message.seq < oldest
  )
    return data; // older than anything loaded: paging brings it
  return {
    ...data,
    pages: data.pages.map((p, i) => (i === index ? { ...p, data: insertSorted(p.data, next) } : p)),
  };
}

/** Applies `fn` to one message of the timeline. */
export function updateMessage(
  data: MessagePages | undefined,
  id: string,
  fn: (m: MessageDTO) => MessageDTO,
): MessagePages | undefined {
  const old = findMessage(data, id);
  if (!data || !old) return data;
  const updated = fn(old);
  return updated === old ? data : upsertMessage(data, updated);
}

/** Timeline in reading order (oldest first). */
export function flattenPages(data: { pages: MessagePageDTO[] } | undefined): MessageDTO[] {
  if (!data) return [];
  const out: MessageDTO[] = [];
  for (let i = data.pages.length - 1; i >= 0; i--) out.push(...(data.pages[i]?.data ?? []));
  return out;
}

/** A thread after a live or REST copy of its root or one of its replies. */
export function upsertInThread(
  thread: ThreadDTO | undefined,
  message: MessageDTO,
  { live = false }: { live?: boolean } = {},
): ThreadDTO | undefined {
  if (!thread) return thread;
  if (message.id === thread.root.id) {
    return { ...thread, root: live ? mergeLiveMessage(thread.root, message) : message };
  }
  if (message.threadId !== thread.root.id) return thread;
  const old = thread.replies.find((m) => m.id === message.id);
  const next = live ? mergeLiveMessage(old, message) : message;
  return { ...thread, replies: insertSorted(thread.replies, next) };
}

/** Reaction toggled by me (optimistic; the server's live copy follows). */
export function toggleReaction(
  message: MessageDTO,
  reaction: MessageDTO['reactions'][number]['reaction'],
  me: { id: string; displayName: string },
  on: boolean,
): MessageDTO {
  const current = message.reactions.find((r) => r.reaction === reaction);
  const has = current?.personIds.includes(me.id) ?? false;
  if (has === on) return message;
  let reactions = message.reactions;
  if (on) {
    reactions = current
      ? reactions.map((r) =>
          r.reaction === reaction
            ? {
                ...r,
                count: r.count + 1,
                personIds: [...r.personIds, me.id],
                names: [...r.names, me.displayName].slice(0, 10),
              }
            : r,
        )
      : [...reactions, { reaction, count: 1, personIds: [me.id], names: [me.displayName] }];
  } else {
    reactions = reactions
      .map((r) =>
        r.reaction === reaction
          ? {
              ...r,
              count: r.count - 1,
              personIds: r.personIds.filter((p) => p !== me.id),
              names: r.names.filter((n) => n !== me.displayName),
            }
          : r,
      )
      .filter((r) => r.count > 0);
  }
  return { ...message, reactions };
}
