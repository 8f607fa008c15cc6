import type { Socket } from 'socket.io';

/**
 * A token bucket: `capacity` events at once, refilled at `perSecond`. In memory and per socket on
 * purpose: it only protects this process from one noisy connection; REST limits (shared store)
 * stay the per-person limit across instances.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface SocketRateLimit {
  /** Burst size. */
  capacity: number;
  /** Sustained client→server events per second. */
  perSecond: number;
  /** Dropped events after which the socket is disconnected. */
  maxDropped: number;
}

export const defaultSocketRateLimit: SocketRateLimit = {
  capacity: 30,
  perSecond: 10,
  maxDropped: 100,
};

/**
 * Limits client→server events of one socket. Over the limit an event is dropped (its ack, if any,
 * gets `{ error: 'rate_limited' }`); a socket that keeps flooding is disconnected.
 */
export function limitSocketEvents(
  socket: Socket,
  limit: SocketRateLimit = defaultSocketRateLimit,
  onDisconnect?: () => void,
): void {
  const bucket = new TokenBucket(limit.capacity, limit.perSecond);
  let dropped = 0;
  socket.use((packet, next) => {
    if (bucket.take()) return next();
    dropped += 1;
    const ack: unknown = packet[packet.length - 1];
    if (typeof ack === 'function') (ack as (res: unknown) => void)({ error: 'rate_limited' });
    if (dropped >= limit.maxDropped) {
      onDisconnect?.();
      socket.disconnect(true);
    }
    // Not calling next(): the event is dropped.
  });
}
