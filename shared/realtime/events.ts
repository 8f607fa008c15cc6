import type { NotificationDTO } from '../notifications/types';
import type { PersonDTO, PersonRef } from '../people/types';
import type { NewsCommentDTO, NewsSummaryDTO } from '../news/types';
import type { NewsReaction } from '../news/schemas';
import type { HomeBoardDTO } from '../home/types';

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
}

/**
 * Errors a connection attempt can end with. `unauthenticated` arrives as `connect_error` from the
 * namespace; a refused handshake (no or ended session, foreign origin) shows as a transport error
 * (HTTP 403 for polling): the client then checks `GET /api/me` before retrying.
 */
export type SocketConnectError = 'unauthenticated' | 'unavailable';
