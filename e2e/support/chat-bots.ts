// A chat bot as the fault test drives it: one signed-in person with one live socket in one
// conversation. It sends over REST with client ids, retrying each until acknowledged, records what
// arrives live, and catches up over REST (`?after=<contiguous seq>`) after every connect that
// Socket.IO did not recover — the client protocol the chat UI follows.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { ApiSession } from './chat-harness';
import { sleep } from './chat-harness';

export interface SeenMessage {
  id: string;
  seq: number;
  clientId: string;
  conversationId: string;
  sender: { id: string };
}

export interface Acked {
  clientId: string;
  id: string;
  seq: number;
}

/** Status codes a retry cannot fix: the test fails instead of looping. */
const FATAL = new Set([400, 401, 403, 404, 409, 413, 422]);

export class ChatBot {
  readonly received = new Map<string, number>();
  readonly acked = new Map<string, Acked>();
  liveCount = 0;
  catchUpCount = 0;
  duplicates = 0;
  retries = 0;
  connects = 0;
  recoveredConnects = 0;
  /** Why the socket dropped, by Socket.IO's reason (e.g. `transport close`). */
  readonly disconnects = new Map<string, number>();
  fatal: string | null = null;
  private seqs = new Set<number>();
  private contiguous = 0;
  private socket: Socket | null = null;
  private catching: Promise<void> | null = null;
  private again = false;

  constructor(
    readonly session: ApiSession,
    readonly conversationId: string,
  ) {}

  get id(): string {
    return this.session.personId;
  }

  connect(): Promise<void> {
    const base = this.session.base;
    const socket = io(base, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 300,
      reconnectionDelayMax: 2000,
      randomizationFactor: 0.5,
      extraHeaders: { cookie: this.session.cookie, origin: base },
    });
    this.socket = socket;
    socket.on('chat:message', (payload: { message?: SeenMessage }) => {
      const m = payload?.message;
      if (m && m.conversationId === this.conversationId) this.record(m, 'live');
    });
    socket.on('disconnect', (reason) => {
      this.disconnects.set(reason, (this.disconnects.get(reason) ?? 0) + 1);
    });
    socket.on('connect', () => {
      this.connects += 1;
      if (socket.recovered) this.recoveredConnects += 1;
      // Not recovered (first connect, or the server restarted): whatever was sent meanwhile only
      // REST can tell.
      else void this.catchUp();
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bot ${this.id}: no connection`)), 30_000);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private record(m: SeenMessage, how: 'live' | 'catch-up'): void {
    if (this.received.has(m.id)) {
      this.duplicates += 1;
      return;
    }
    this.received.set(m.id, m.seq);
    if (how === 'live') this.liveCount += 1;
    else this.catchUpCount += 1;
    this.seqs.add(m.seq);
    while (this.seqs.has(this.contiguous + 1)) this.contiguous += 1;
  }

  /** Pages `after` the highest gap-free position seen until the server has nothing newer. */
  catchUp(): Promise<void> {
    if (this.catching) {
      this.again = true;
      return this.catching;
    }
    this.catching = (async () => {
      do {
        this.again = false;
        for (;;) {
          const res = await this.session
            .request<{ data: SeenMessage[] }>(
              'GET',
              `/api/conversations/${this.conversationId}/messages?after=${this.contiguous}&limit=100`,
            )
            .catch(() => null);
          if (!res || res.status >= 500 || res.status === 429) {
            await sleep(300);
            continue; // server down or starting: try again
          }
          if (res.status !== 200) {
            this.fatal ??= `catch-up: ${res.status} ${JSON.stringify(res.body)}`;
            return;
          }
          const before = this.contiguous;
          for (const m of res.body.data) this.record(m, 'catch-up');
          if (res.body.data.length < 100 || this.contiguous === before) break;
        }
      } while (this.again);
    })().finally(() => {
      this.catching = null;
    });
    return this.catching;
  }

  /** Sends one message and retries the same client id until the server acknowledges it. */
  async send(body: string): Promise<Acked | null> {
    const clientId = randomUUID();
    for (let attempt = 0; ; attempt += 1) {
      if (attempt > 0) {
        this.retries += 1;
        await sleep(Math.min(2000, 200 * attempt));
      }
      const res = await this.session
        .request<{ data: SeenMessage }>(
          'POST',
          `/api/conversations/${this.conversationId}/messages`,
          { clientId, body },
          AbortSignal.timeout(10_000),
        )
        .catch(() => null);
      if (!res) continue; // connection refused or reset, timeout: unknown outcome, resend
      if (res.status === 200 || res.status === 201) {
        const acked = { clientId, id: res.body.data.id, seq: res.body.data.seq };
        this.acked.set(clientId, acked);
        return acked;
      }
      if (FATAL.has(res.status)) {
        this.fatal ??= `send: ${res.status} ${JSON.stringify(res.body)}`;
        return null;
      }
    }
  }

  /** Sends a message every `minMs`–`maxMs` until `stop()`; resolves when the last one is acked. */
  async chat(minMs: number, maxMs: number, stop: () => boolean): Promise<void> {
    let n = 0;
    await sleep(Math.random() * maxMs);
    while (!stop() && !this.fatal) {
      n += 1;
      await this.send(`Nachricht ${n} von ${this.id.slice(-4)}`);
      const until = Date.now() + minMs + Math.random() * (maxMs - minMs);
      while (Date.now() < until && !stop()) await sleep(200);
    }
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  close(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
  }
}
