import type { NotificationDTO } from '../notifications/types';
import type { PersonDTO } from '../people/types';

/** Events the server pushes. One map for both sides; payloads are DTOs. */
export interface ServerToClientEvents {
  'notification:new': (payload: { notification: NotificationDTO; unreadCount: number }) => void;
  'notification:read': (payload: { ids: string[] | 'all'; unreadCount: number }) => void;
  'person:updated': (payload: { person: PersonDTO }) => void;
  'session:ended': (payload: { reason: 'logout' | 'revoked' | 'expired' | 'deactivated' }) => void;
}

/**
 * What an acknowledgement carries when the server dropped a client event: over the per-socket
 * rate limit (burst 30, then 10 events/s; a socket that keeps flooding is disconnected).
 */
export interface SocketEventError {
  error: 'rate_limited';
}

export interface ClientToServerEvents {
  ping: (ack: (payload: { at: string } | SocketEventError) => void) => void;
}

/**
 * Errors a connection attempt can end with. `unauthenticated` arrives as `connect_error` from the
 * namespace; a refused handshake (no or ended session, foreign origin) shows as a transport error
 * (HTTP 403 for polling): the client then checks `GET /api/me` before retrying.
 */
export type SocketConnectError = 'unauthenticated' | 'unavailable';
