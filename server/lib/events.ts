import { EventEmitter } from 'node:events';
import { logger } from './logger';
import type { NotificationDTO } from '@shared/notifications/types';
import type { NewsCommentDTO } from '@shared/news/types';
import type { NewsReaction } from '@shared/news/schemas';
import type { HomeBoardDTO } from '@shared/home/types';
import type { NewsChangedEvent } from '../modules/news/news.events';
import type { ChatEvents } from '../modules/chat/chat.events';
import type { LeaveEvents } from '../modules/leave/leave.events';
import type { WikiEvents } from '../modules/wiki/wiki.events';
import type { RoomEvents } from '../modules/rooms/rooms.events';
import type { LearningEvents } from '../modules/learning/learning.events';

/**
 * Domain events, published by services after a successful write. Realtime, notifications and
 * search subscribe; no service calls another module's sockets or collections directly.
 * In-process: each instance delivers to its own subscribers, and Socket.IO's adapter fans out.
 */
export interface DomainEvents
  extends ChatEvents, LeaveEvents, WikiEvents, RoomEvents, LearningEvents {
  'auth.login': { userId: string; sessionId: string; method: 'local' | 'oidc' };
  'auth.logout': { userId: string; sessionId: string };
  'person.created': { personId: string; actorId: string };
  'person.updated': { personId: string; actorId: string; changed: string[] };
  'person.deactivated': { personId: string; actorId: string };
  /** All sessions of a person were ended (e.g. password reset by an admin). */
  'person.sessions_revoked': { personId: string; actorId: string };
  'unit.changed': { unitId: string; actorId: string };
  'location.changed': { locationId: string; actorId: string };
  'notification.created': { userId: string; notification: NotificationDTO; unreadCount: number };
  'notification.read': { userId: string; ids: string[] | 'all'; unreadCount: number };
  /** A comment was added or changed (payload presented as any reader sees it). */
  'news.comment': { articleId: string; comment: NewsCommentDTO; commentCount: number };
  'news.reactions': { articleId: string; reactions: Partial<Record<NewsReaction, number>> };
  /** An article was written or changed state (`before`/`after`: stored metadata; null = none). */
  'news.changed': NewsChangedEvent;
  /** A reader confirmed the current round of a mandatory article (first time only). */
  'news.acknowledged': { articleId: string; round: number; personId: string; at: Date };
  /** The app catalogue changed (`userId` null: for everyone) or one person's pins. */
  'apps.changed': { userId: string | null };
  /** A person's start-page layout was saved or reset. */
  'home.layout_changed': { userId: string; layout: HomeBoardDTO['layout'] };
}

type Handler<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void | Promise<void>;

class EventBus {
  private emitter = new EventEmitter({ captureRejections: false });

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  /** Subscribers run after the write; their failures are logged, never thrown back at the writer. */
  on<K extends keyof DomainEvents>(name: K, handler: Handler<K>): () => void {
    const wrapped = (payload: DomainEvents[K]) => {
      Promise.resolve()
        .then(() => handler(payload))
        .catch((err: unknown) => logger.error({ err, event: name }, 'event subscriber failed'));
    };
    this.emitter.on(name, wrapped);
    return () => this.emitter.off(name, wrapped);
  }

  publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }

  clear(): void {
    this.emitter.removeAllListeners();
  }
}

export const events = new EventBus();
