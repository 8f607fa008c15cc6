import type { NotificationDTO } from '../notifications/types';
import type { PersonDTO, PersonRef } from '../people/types';
import type { NewsCommentDTO, NewsSummaryDTO } from '../news/types';
import type { NewsReaction } from '../news/schemas';
import type { HomeBoardDTO } from '../home/types';
import type { ConversationDTO, MessageDTO, PresenceDTO, ReadReceiptDTO } from '../chat/types';
import type { LeaveBalanceDTO, LeaveRequestDTO } from '../leave/types';

/** Events the server pushes. One map for both sides; payloads are DTOs. */
export interface ServerToClientEvents {
  'notification:new': (payload: { notification: NotificationDTO; unreadCount: number }) => void;
  'notification:read': (payload: { ids: string[] | 'all'; unreadCount: number }) => void;
  'person:updated': (payload: { person: PersonDTO }) => void;
  'session:ended': (payload: { reason: 'logout' | 'revoked' | 'expired' | 'deactivated' }) => void;
  /**
   * An article became visible or changed for this person (published, edited, pinned): sent only to
   * people in its audience, presented for them.
   */
  'news:upsert': (payload: { article: NewsSummaryDTO }) => void;
  /** An article is no longer visible to this person (unpublished, expired, audience narrowed). */
  'news:removed': (payload: { id: string }) => void;
  /** To those who may view the article's dashboard: one more person confirmed. */
  'news:acknowledged': (payload: {
    articleId: string;
    round: number;
    officeId: string | null;
    person: PersonRef;
    at: string;
  }) => void;
  /** To sockets watching the article (`news:watch`): a comment was added or changed. */
  'news:comment': (payload: {
    articleId: string;
    comment: NewsCommentDTO;
    commentCount: number;
  }) => void;
  /** To sockets watching the article: new reaction totals. */
  'news:reactions': (payload: {
    articleId: string;
    reactions: Partial<Record<NewsReaction, number>>;
  }) => void;
  /** The person's start-page layout changed in another tab or device. */
  'home:layout': (payload: { layout: HomeBoardDTO['layout'] }) => void;
  /** The app catalogue or the person's pins changed: refetch apps. */
  'apps:changed': (payload: Record<string, never>) => void;
  /**
   * Chat. Every member's sockets are in the room `chat:<conversationId>` (joined on connect and
   * on joining; left at once on leaving or removal). A new message (root or thread reply).
   */
  'chat:message': (payload: { message: MessageDTO }) => void;
  /** A message was edited, deleted (soft), reacted to, or its thread summary changed. */
  'chat:message-updated': (payload: { message: MessageDTO }) => void;
  /** To one person: a conversation appeared for them (created, added) or their own state changed. */
  'chat:conversation': (payload: { conversation: ConversationDTO }) => void;
  /** To the room: shared fields of a conversation changed (rename, topic, archive, members). */
  'chat:conversation-patch': (payload: {
    id: string;
    name?: string;
    topic?: string;
    archived?: boolean;
    memberCount?: number;
  }) => void;
  /** To one person: they left or were removed; drop the conversation and its messages. */
  'chat:conversation-removed': (payload: { id: string }) => void;
  /** To the person's own tabs: their read position moved (badges follow in every tab). */
  'chat:read': (payload: { conversationId: string; readSeq: number; mentions: number }) => void;
  /** To a direct conversation's room, when both people allow read receipts. */
  'chat:receipt': (payload: ReadReceiptDTO) => void;
  /** Volatile, to the room except the typist. */
  'chat:typing': (payload: {
    conversationId: string;
    threadId: string | null;
    person: { id: string; displayName: string };
  }) => void;
  /** To sockets watching the person (`presence:watch`). */
  presence: (payload: PresenceDTO) => void;
  /**
   * Leave card. To the requester's and each current decider's tabs (`user:<id>`): a request was
   * created or changed, presented for that person (abilities differ).
   */
  'leave:request': (payload: { request: LeaveRequestDTO }) => void;
  /** To the owner's tabs: their balance for a year changed. */
  'leave:balance': (payload: { balance: LeaveBalanceDTO }) => void;
  /** To a decider's tabs: how many requests wait for their decision now. */
  'leave:inbox': (payload: { count: number }) => void;
  /**
   * To sockets watching a team calendar (`leave:watch-calendar`, room `leave-cal:<unitId>`, sent for
   * the person's unit and every unit above it): absences changed in these days; refetch.
   */
  'leave:calendar': (payload: { unitId: string; from: string; to: string }) => void;
  /**
   * Wiki. Invalidations only (ids, never titles or content: page restrictions differ per reader),
   * to sockets watching the space (`wiki:watch-space`, room `wiki-space:<spaceId>`): the tree changed; refetch.
   */
  'wiki:tree': (payload: { spaceId: string }) => void;
  /** To sockets watching the page (`wiki:watch-page`, room `wiki-page:<pageId>`): refetch it (and its history). */
  'wiki:page': (payload: { pageId: string; rev: number }) => void;
  /** To sockets watching the page: comments changed; refetch them. */
  'wiki:comments': (payload: { pageId: string; commentCount: number }) => void;
  /** To one person's tabs: the spaces they can see (or their roles) changed; refetch the list. */
  'wiki:spaces': (payload: Record<string, never>) => void;
  /** To a watcher who lost access (removed, restricted): close the page or space. */
  'wiki:access-lost': (payload: { spaceId: string; pageId: string | null }) => void;
  /**
   * Team rooms. Invalidations with ids only, to the sockets of the room's members (room
   * `team-room:<roomId>`, joined on connect for every room the person belongs to and on joining):
   * something in a module changed; refetch that module's queries.
   */
  'rooms:content': (payload: {
    roomId: string;
    module: 'feed' | 'files' | 'events' | 'tasks';
    itemId: string;
  }) => void;
  /** To members: settings, members or archive state of the room changed; refetch room + members. */
  'rooms:room': (payload: { roomId: string }) => void;
  /** To one person's tabs: my rooms (membership, roles, unread, requests) changed; refetch lists. */
  'rooms:mine': (payload: Record<string, never>) => void;
  /** To a person removed from a room (or whose room became invisible): close its views now. */
  'rooms:access-lost': (payload: { roomId: string }) => void;
  /**
   * E-learning. Invalidations with ids only. `learning:course` goes to sockets that watch the
   * course (room `learning-course:<id>`, joined with `learning:watch` after a policy check) and
   * to the course's authors; `learning:mine` to one person's tabs (my courses, registrations, due
   * trainings changed); `learning:registrations` to deciders (manager, HR) whose inbox changed;
   * `learning:compliance` to sockets in room `learning-compliance` (HR and leaders who may see it).
   */
  'learning:course': (payload: {
    courseId: string;
    part: 'meta' | 'content' | 'discussion' | 'announcements' | 'sessions' | 'learners';
  }) => void;
  'learning:mine': (payload: Record<string, never>) => void;
  'learning:registrations': (payload: { registrationId: string; sessionId: string }) => void;
  'learning:compliance': (payload: { assignmentId: string | null }) => void;
}

/**
 * What an acknowledgement carries when the server dropped a client event: over the per-socket
 * rate limit (burst 30, then 10 events/s; a socket that keeps flooding is disconnected).
 */
export interface SocketEventError {
  error: 'rate_limited';
}

/** Answer to a watch request the policy refused (the article is not readable, or unknown). */
export interface SocketForbidden {
  error: 'forbidden';
}

export interface ClientToServerEvents {
  ping: (ack: (payload: { at: string } | SocketEventError) => void) => void;
  /** Receive live comments and reactions of an article while it is open (checked by its policy). */
  'news:watch': (
    payload: { articleId: string },
    ack: (payload: { ok: true } | SocketForbidden | SocketEventError) => void,
  ) => void;
  'news:unwatch': (payload: { articleId: string }) => void;
  /** "I am typing" (clients send at most every 3 s; members only; relayed volatile). */
  'chat:typing': (payload: { conversationId: string; threadId: string | null }) => void;
  /**
   * Receive presence of these people (replaces the previous set; at most 200). The answer holds
   * their current statuses.
   */
  'presence:watch': (
    payload: { personIds: string[] },
    ack: (payload: { statuses: PresenceDTO[] } | SocketEventError) => void,
  ) => void;
  /** The tab was idle for a while (or active again): `auto` presence shows away. */
  'presence:idle': (payload: { idle: boolean }) => void;
  /** Receive `leave:calendar` for a unit's team calendar while it is shown (checked by policy). */
  'leave:watch-calendar': (
    payload: { unitId: string },
    ack: (payload: { ok: true } | SocketForbidden | SocketEventError) => void,
  ) => void;
  'leave:unwatch-calendar': (payload: { unitId: string }) => void;
  /** Receive `wiki:tree` for a space while its tree is shown (checked by the space policy). */
  'wiki:watch-space': (
    payload: { spaceId: string },
    ack: (payload: { ok: true } | SocketForbidden | SocketEventError) => void,
  ) => void;
  'wiki:unwatch-space': (payload: { spaceId: string }) => void;
  /** Receive `wiki:page` and `wiki:comments` while a page is open (checked by the page policy). */
  'wiki:watch-page': (
    payload: { pageId: string },
    ack: (payload: { ok: true } | SocketForbidden | SocketEventError) => void,
  ) => void;
  'wiki:unwatch-page': (payload: { pageId: string }) => void;
  /** Receive `learning:course` while a course is open (checked by the course policy). */
  'learning:watch': (
    payload: { courseId: string },
    ack: (payload: { ok: true } | SocketForbidden | SocketEventError) => void,
  ) => void;
  'learning:unwatch': (payload: { courseId: string }) => void;
  /** Receive `learning:compliance` while the dashboard is open (HR and leaders only). */
  'learning:watch-compliance': (
    ack: (payload: { ok: true } | SocketForbidden | SocketEventError) => void,
  ) => void;
  'learning:unwatch-compliance': () => void;
}

/**
 * Errors a connection attempt can end with. `unauthenticated` arrives as `connect_error` from the
 * namespace; a refused handshake (no or ended session, foreign origin) shows as a transport error
 * (HTTP 403 for polling): the client then checks `GET /api/me` before retrying.
 */
export type SocketConnectError = 'unauthenticated' | 'unavailable';
