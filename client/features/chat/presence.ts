import { useEffect, useSyncExternalStore } from 'react';
import type { PresenceDTO } from '@shared/chat/types';
import type { PresenceStatus } from '@shared/chat/schemas';
import type { PortalSocket } from '../../lib/socket';

/**
 * Ephemeral chat state outside the query cache: presence of watched people and who is typing.
 * Neither is stored anywhere; both are refreshed by the socket.
 */

function store<T>(initial: T) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: T) {
      if (next === value) return;
      value = next;
      listeners.forEach((fn) => fn());
    },
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

// --- presence --------------------------------------------------------------------------------

const statuses = store<Record<string, PresenceStatus>>({});
const watchCounts = new Map<string, number>();
let watchSocket: PortalSocket | null = null;
let watchScheduled = false;

/** Hand-over: last day of the approved leave of watched people (absent key = not on leave). */
const leaves = store<Record<string, string>>({});

export function setPresence(list: PresenceDTO[]): void {
  const current = statuses.get();
  if (!list.every((p) => current[p.personId] === p.status)) {
    const next = { ...current };
    for (const p of list) next[p.personId] = p.status;
    statuses.set(next);
  }
  // The server leaves `onLeaveUntil` out when the person is not on leave: that clears it.
  const away = leaves.get();
  if (list.every((p) => (away[p.personId] ?? null) === (p.onLeaveUntil ?? null))) return;
  const nextAway = { ...away };
  for (const p of list) {
    if (p.onLeaveUntil) nextAway[p.personId] = p.onLeaveUntil;
    else delete nextAway[p.personId];
  }
  leaves.set(nextAway);
}

/** Sends the union of every watched id (the server replaces the previous set; max 200). */
function scheduleWatch(): void {
  if (watchScheduled) return;
  watchScheduled = true;
  queueMicrotask(() => {
    watchScheduled = false;
    const socket = watchSocket;
    if (!socket?.connected) return;
    const personIds = [...watchCounts.keys()].slice(0, 200);
    socket.emit('presence:watch', { personIds }, (answer) => {
      if ('statuses' in answer) setPresence(answer.statuses);
    });
  });
}

/** The socket the watch set is sent on (again after every connect). */
export function attachPresenceSocket(socket: PortalSocket | null): void {
  watchSocket = socket;
  scheduleWatch();
}

/** Watches these people while the component is mounted. */
export function useWatchPresence(personIds: string[]): void {
  const key = [...new Set(personIds)].sort().join(',');
  useEffect(() => {
    const ids = key ? key.split(',') : [];
    for (const id of ids) watchCounts.set(id, (watchCounts.get(id) ?? 0) + 1);
    scheduleWatch();
    return () => {
      for (const id of ids) {
        const n = (watchCounts.get(id) ?? 1) - 1;
        if (n <= 0) watchCounts.delete(id);
        else watchCounts.set(id, n);
      }
      scheduleWatch();
    };
  }, [key]);
}

export function usePresence(personId: string | null | undefined): PresenceStatus | null {
  const all = useSyncExternalStore(statuses.subscribe, statuses.get, statuses.get);
  return personId ? (all[personId] ?? null) : null;
}

/** "On leave until …": the last day (`YYYY-MM-DD`) while the person is on approved leave. */
export function useOnLeaveUntil(personId: string | null | undefined): string | null {
  const all = useSyncExternalStore(leaves.subscribe, leaves.get, leaves.get);
  return personId ? (all[personId] ?? null) : null;
}

// --- typing ----------------------------------------------------------------------------------

export interface Typist {
  personId: string;
  displayName: string;
  threadId: string | null;
  until: number;
}

/** How long a "typing" signal shows without a new one (clients send every 3 s while typing). */
export const TYPING_SHOW_MS = 5_000;
export const TYPING_SEND_EVERY_MS = 3_000;

const typing = store<Record<string, Typist[]>>({});
let sweepTimer: ReturnType<typeof setTimeout> | null = null;

function sweep(now = Date.now()): void {
  const current = typing.get();
  let changed = false;
  const next: Record<string, Typist[]> = {};
  for (const [conv, list] of Object.entries(current)) {
    const alive = list.filter((t) => t.until > now);
    if (alive.length !== list.length) changed = true;
    if (alive.length) next[conv] = alive;
  }
  if (changed) typing.set(next);
  if (sweepTimer) clearTimeout(sweepTimer);
  sweepTimer = Object.keys(next).length ? setTimeout(() => sweep(), 1_000) : null;
}

export function addTypist(
  conversationId: string,
  t: Omit<Typist, 'until'>,
  now = Date.now(),
): void {
  const current = typing.get();
  const list = (current[conversationId] ?? []).filter((x) => x.personId !== t.personId);
  typing.set({ ...current, [conversationId]: [...list, { ...t, until: now + TYPING_SHOW_MS }] });
  sweep(now);
}

/** A message from the person ends their typing line at once. */
export function removeTypist(conversationId: string, personId: string): void {
  const current = typing.get();
  const list = current[conversationId];
  if (!list?.some((x) => x.personId === personId)) return;
  typing.set({ ...current, [conversationId]: list.filter((x) => x.personId !== personId) });
}

const none: Typist[] = [];
export function useTypists(conversationId: string, threadId: string | null): Typist[] {
  const all = useSyncExternalStore(typing.subscribe, typing.get, typing.get);
  const list = all[conversationId] ?? none;
  return list.filter((t) => t.threadId === threadId);
}

const lastSent = new Map<string, number>();
/** Sends `chat:typing` at most every 3 s per conversation/thread. */
export function sendTyping(
  socket: PortalSocket | null,
  conversationId: string,
  threadId: string | null,
  now = Date.now(),
): boolean {
  const key = `${conversationId}:${threadId ?? ''}`;
  if (!socket?.connected || now - (lastSent.get(key) ?? 0) < TYPING_SEND_EVERY_MS) return false;
  lastSent.set(key, now);
  socket.emit('chat:typing', { conversationId, threadId });
  return true;
}

/** Reports an idle tab (no input for 5 minutes or hidden) so `auto` presence shows away. */
export function useIdleReporter(socket: PortalSocket | null): void {
  useEffect(() => {
    if (!socket) return;
    let idle = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const report = (next: boolean) => {
      if (next === idle) return;
      idle = next;
      if (socket.connected) socket.emit('presence:idle', { idle });
    };
    const active = () => {
      report(document.visibilityState === 'hidden');
      clearTimeout(timer);
      timer = setTimeout(() => report(true), 5 * 60_000);
    };
    const events = ['pointerdown', 'keydown', 'visibilitychange'] as const;
    events.forEach((e) => document.addEventListener(e, active, { passive: true }));
    active();
    return () => {
      clearTimeout(timer);
      events.forEach((e) => document.removeEventListener(e, active));
    };
  }, [socket]);
}
