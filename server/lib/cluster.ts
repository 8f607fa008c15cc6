import { logger } from './logger';

type Handler = (payload: unknown) => void;
type Transport = (topic: string, payload: unknown) => void;

/**
 * Messages to the OTHER app instances (cache invalidation). With several instances the realtime
 * layer plugs in Socket.IO's `serverSideEmit` over the Redis adapter; with one instance there is
 * nobody to tell and `broadcast` does nothing. The sender has already applied its own change.
 */
class ClusterBus {
  private handlers = new Map<string, Set<Handler>>();
  private transport: Transport | null = null;

  /** Set by the realtime layer; returns a function that unplugs it. */
  setTransport(transport: Transport): () => void {
    this.transport = transport;
    return () => {
      if (this.transport === transport) this.transport = null;
    };
  }

  broadcast(topic: string, payload: unknown): void {
    try {
      this.transport?.(topic, payload);
    } catch (err) {
      logger.warn({ err, topic }, 'cluster broadcast failed');
    }
  }

  /** Called by the transport for a message from another instance. */
  deliver(topic: string, payload: unknown): void {
    for (const handler of this.handlers.get(topic) ?? []) {
      try {
        handler(payload);
      } catch (err) {
        logger.error({ err, topic }, 'cluster handler failed');
      }
    }
  }

  on(topic: string, handler: Handler): () => void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }
}

export const cluster = new ClusterBus();
