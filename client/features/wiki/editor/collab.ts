import { useEffect, useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { collabDocName } from '@shared/wiki/schemas';

/**
 * Caret colours: each has at least 4.5:1 contrast with white (the name label's text) and they are
 * told apart by hue and lightness, so neighbouring carets stay distinguishable.
 */
export const caretPalette = [
  '#0b5cad',
  '#8a1c7c',
  '#1d6b38',
  '#a33b00',
  '#5b3fa8',
  '#00677f',
  '#9c1f2e',
  '#6b5500',
] as const;

/** A stable colour per person (the same in every tab and for every co-editor). */
export function caretColor(personId: string): string {
  let h = 0;
  for (let i = 0; i < personId.length; i++) h = (h * 31 + personId.charCodeAt(i)) >>> 0;
  return caretPalette[h % caretPalette.length] as string;
}

/** `ws(s)://<this host>/collab`. */
export function collabUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/collab`;
}

export interface CollabUser {
  id: string;
  name: string;
  color: string;
  initials: string;
}

/** Who is in the page, one entry per person (several tabs of one person count once). */
export function peopleInAwareness(
  states: Iterable<[number, Record<string, unknown>]>,
  selfClientId: number,
): (CollabUser & { self: boolean })[] {
  const byId = new Map<string, CollabUser & { self: boolean }>();
  for (const [clientId, state] of states) {
    const u = state.user as Partial<CollabUser> | undefined;
    if (!u?.id || !u.name) continue;
    const self = clientId === selfClientId;
    const prev = byId.get(u.id);
    if (!prev || self)
      byId.set(u.id, {
        id: u.id,
        name: u.name,
        color: u.color ?? caretPalette[0],
        initials: u.initials ?? u.name.slice(0, 2),
        self: self || Boolean(prev?.self),
      });
  }
  return [...byId.values()].sort((a, b) =>
    a.self === b.self ? a.name.localeCompare(b.name) : a.self ? -1 : 1,
  );
}

export type CollabAccess = 'pending' | 'write' | 'readonly' | 'refused';

export interface CollabState {
  /** The socket is open now. */
  connected: boolean;
  /** It was open before and is being re-established. */
  reconnecting: boolean;
  /** The first sync with the server is done. */
  synced: boolean;
  /** Local changes the server has not yet acknowledged. */
  unsynced: number;
  access: CollabAccess;
  people: (CollabUser & { self: boolean })[];
}

/** Hocuspocus closes with these when the session or the page's rights do not allow the document. */
const refusedCloseCodes = new Set([4401, 4403, 4404]);

const initialState: CollabState = {
  connected: false,
  reconnecting: false,
  synced: false,
  unsynced: 0,
  access: 'pending',
  people: [],
};

export interface CollabSession {
  ydoc: Y.Doc;
  provider: HocuspocusProvider;
}

/** An unused connection (released, or created by a render React threw away) closes after this. */
const GRACE_MS = 1500;

/**
 * One Y doc + Hocuspocus provider per page, shared by the components that show it and closed a
 * moment after the last one lets go (so StrictMode's mount–unmount–mount keeps one socket). The
 * session cookie authenticates the socket; the token only makes Hocuspocus run its auth step.
 */
class CollabConnection implements CollabSession {
  readonly ydoc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  private state: CollabState = initialState;
  private readonly listeners = new Set<() => void>();
  private refs = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private wasConnected = false;

  constructor(
    pageId: string,
    private readonly onGone: () => void,
  ) {
    this.provider = new HocuspocusProvider({
      url: collabUrl(),
      name: collabDocName(pageId),
      document: this.ydoc,
      token: 'session',
    });
    const p = this.provider;
    p.on('status', ({ status }: { status: string }) => {
      if (this.state.access === 'refused') return;
      const connected = status === 'connected';
      if (connected) this.wasConnected = true;
      this.patch({ connected, reconnecting: !connected && this.wasConnected });
    });
    p.on('synced', ({ state }: { state: boolean }) => this.patch({ synced: state }));
    p.on('unsyncedChanges', ({ number }: { number: number }) => this.patch({ unsynced: number }));
    p.on('authenticated', ({ scope }: { scope: string }) =>
      this.patch({ access: scope === 'readonly' ? 'readonly' : 'write' }),
    );
    p.on('authenticationFailed', () => this.refuse());
    p.on('close', ({ event }: { event: { code?: number } }) => {
      if (event.code !== undefined && refusedCloseCodes.has(event.code)) this.refuse();
    });
    p.on('awarenessChange', () => {
      const aw = p.awareness;
      if (aw)
        this.patch({
          people: peopleInAwareness(
            aw.getStates() as Map<number, Record<string, unknown>>,
            aw.clientID,
          ),
        });
    });
    this.scheduleClose();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getState = () => this.state;

  acquire() {
    this.refs += 1;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  release() {
    this.refs -= 1;
    if (this.refs <= 0) this.scheduleClose();
  }

  private refuse() {
    this.patch({ access: 'refused', connected: false, reconnecting: false });
    // Retrying cannot help: the rights decide, not the network.
    this.provider.disconnect();
  }

  private patch(p: Partial<CollabState>) {
    this.state = { ...this.state, ...p };
    for (const l of this.listeners) l();
  }

  private scheduleClose() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.refs > 0) return;
      this.provider.destroy();
      this.ydoc.destroy();
      this.onGone();
    }, GRACE_MS);
  }
}

const live = new Map<string, CollabConnection>();

function connectionFor(pageId: string): CollabConnection {
  let c = live.get(pageId);
  if (!c) {
    c = new CollabConnection(pageId, () => live.delete(pageId));
    live.set(pageId, c);
  }
  return c;
}

/** The page's shared document and provider, and the connection state to show. */
export function useCollab(pageId: string): { session: CollabSession; state: CollabState } {
  const conn = useMemo(() => connectionFor(pageId), [pageId]);
  useEffect(() => {
    conn.acquire();
    return () => conn.release();
  }, [conn]);
  const state = useSyncExternalStore(conn.subscribe, conn.getState);
  return { session: conn, state };
}
