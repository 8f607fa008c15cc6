import type { NotificationDTO } from '../notifications/types';
import type { PersonDTO } from '../people/types';

/** Events the server pushes. One map for both sides; payloads are DTOs. */
export interface ServerToClientEvents {
  'notification:new': (payload: { notification: NotificationDTO; unreadCount: number }) => void;
  'notification:read': (payload: { ids: string[] | 'all'; unreadCount: number }) => void;
  'person:updated': (payload: { person: PersonDTO }) => void;
  'session:ended': (payload: { reason: 'logout' | 'revoked' | 'expired' | 'deactivated' }) => void;
}

export interface ClientToServerEvents {
  ping: (ack: (payload: { at: string }) => void) => void;
}
