import type { PostDTO, RoomFileRefDTO } from '@shared/rooms/types';
import type { NewPost } from './api';

/**
 * Posts I sent that the server has not confirmed yet. Each gets its UUID at once and keeps it
 * across retries (the server is idempotent by that id, so "send again" after a lost answer never
 * doubles a post). A post shows at once, marked "sending"; a failure keeps it with the error and
 * "send again" / "discard". Kept outside React so switching tabs does not lose it.
 */
export interface PendingPost extends NewPost {
  roomId: string;
  /** The uploaded files (shown with the pending post). */
  files: RoomFileRefDTO[];
  createdAt: string;
  state: 'sending' | 'failed';
  error: unknown;
}

export interface PostOutboxDeps {
  send: (roomId: string, post: NewPost) => Promise<PostDTO>;
  /** The stored post: put it into the caches. */
  onSent: (post: PostDTO) => void;
  newId?: () => string;
  now?: () => Date;
}

export class PostOutbox {
  private entries: PendingPost[] = [];
  private lists = new Map<string, PendingPost[]>();
  private listeners = new Set<() => void>();
  private readonly newId: () => string;
  private readonly now: () => Date;

  constructor(private readonly deps: PostOutboxDeps) {
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.now = deps.now ?? (() => new Date());
  }

  /** Adds a post and sends it; resolves when this attempt ended (sent or failed). */
  add(input: { roomId: string; body: string; announcement: boolean; files: RoomFileRefDTO[] }): {
    entry: PendingPost;
    done: Promise<void>;
  } {
    const entry: PendingPost = {
      id: this.newId(),
      roomId: input.roomId,
      body: input.body,
      announcement: input.announcement,
      files: input.files,
      fileIds: input.files.map((f) => f.id),
      createdAt: this.now().toISOString(),
      state: 'sending',
      error: null,
    };
    this.entries = [entry, ...this.entries];
    this.notify();
    return { entry, done: this.attempt(entry.id) };
  }

  /** "Send again": the same id, body and files. */
  retry(id: string): Promise<void> {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry || entry.state === 'sending') return Promise.resolve();
    this.replace(id, { state: 'sending', error: null });
    return this.attempt(id);
  }

  discard(id: string): void {
    if (!this.entries.some((e) => e.id === id)) return;
    this.entries = this.entries.filter((e) => e.id !== id);
    this.notify();
  }

  /** Newest first; the same array until something changes (a `useSyncExternalStore` snapshot). */
  list(roomId: string): PendingPost[] {
    let list = this.lists.get(roomId);
    if (!list) {
      list = this.entries.filter((e) => e.roomId === roomId);
      this.lists.set(roomId, list);
    }
    return list;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private async attempt(id: string): Promise<void> {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) return;
    try {
      const post = await this.deps.send(entry.roomId, {
        id: entry.id,
        body: entry.body,
        announcement: entry.announcement,
        fileIds: entry.fileIds,
      });
      // Into the caches before the pending copy goes, so the post never blinks out.
      this.deps.onSent(post);
      this.discard(id);
    } catch (error) {
      this.replace(id, { state: 'failed', error });
    }
  }

  private replace(id: string, change: Partial<PendingPost>): void {
    let changed = false;
    this.entries = this.entries.map((e) => {
      if (e.id !== id) return e;
      changed = true;
      return { ...e, ...change };
    });
    if (changed) this.notify();
  }

  private notify(): void {
    this.lists.clear();
    this.listeners.forEach((fn) => fn());
  }
}
