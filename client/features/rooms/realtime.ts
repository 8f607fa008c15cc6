import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ServerToClientEvents } from '@shared/realtime/events';
import { useSocket, type PortalSocket } from '../../lib/socket';
import { roomKeys } from './keys';

type P<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

// --- "Kein Zugriff mehr": rooms this tab lost while it may still show them ---
const lost = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;
const notify = () => {
  version += 1;
  listeners.forEach((fn) => fn());
};
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};

/** True once the server said the viewer lost this room (removed, or it became invisible). */
export function useRoomAccessLost(roomId: string | undefined): boolean {
  useSyncExternalStore(subscribe, () => version);
  return !!roomId && lost.has(roomId);
}
export function isRoomAccessLost(roomId: string): boolean {
  return lost.has(roomId);
}
/** Forget a loss (after joining again, or a fresh successful load). */
export function clearRoomAccessLost(roomId: string): void {
  if (lost.delete(roomId)) notify();
}

/** Module → the query keys its tab reads. */
const moduleKeys = {
  feed: roomKeys.feed,
  files: roomKeys.allFiles,
  events: roomKeys.allEvents,
  tasks: roomKeys.tasks,
} as const;

export function onRoomContent(qc: QueryClient, { roomId, module }: P<'rooms:content'>) {
  const key = moduleKeys[module];
  if (key) void qc.invalidateQueries({ queryKey: key(roomId) });
  // Unread counts of my rooms move with new content.
  void qc.invalidateQueries({ queryKey: roomKeys.lists() });
}

export function onRoomChanged(qc: QueryClient, { roomId }: P<'rooms:room'>) {
  void qc.invalidateQueries({ queryKey: roomKeys.detail(roomId) });
  void qc.invalidateQueries({ queryKey: roomKeys.members(roomId) });
  void qc.invalidateQueries({ queryKey: roomKeys.joinRequests(roomId) });
  void qc.invalidateQueries({ queryKey: roomKeys.lists() });
}

export function onMyRooms(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: roomKeys.lists() });
  void qc.invalidateQueries({ queryKey: roomKeys.requests() });
}

export function onRoomAccessLost(qc: QueryClient, { roomId }: P<'rooms:access-lost'>) {
  lost.add(roomId);
  // Feed, files, events, tasks, members … of the room: gone from memory at once.
  qc.removeQueries({ queryKey: roomKeys.room(roomId) });
  void qc.invalidateQueries({ queryKey: roomKeys.lists() });
  notify();
}

/** Wires the socket's `rooms:*` events into the query cache (mounted once, in the realtime bridge). */
export function useRoomsRealtime(socket: PortalSocket | null): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const content = (p: P<'rooms:content'>) => onRoomContent(qc, p);
    const room = (p: P<'rooms:room'>) => onRoomChanged(qc, p);
    const mine = () => onMyRooms(qc);
    const accessLost = (p: P<'rooms:access-lost'>) => onRoomAccessLost(qc, p);
    let connectedBefore = socket.connected;
    const onConnect = () => {
      // Missed packets after an unrecovered reconnect: everything of the rooms again.
      if (connectedBefore && !socket.recovered)
        void qc.invalidateQueries({ queryKey: roomKeys.all });
      connectedBefore = true;
    };
    socket.on('rooms:content', content);
    socket.on('rooms:room', room);
    socket.on('rooms:mine', mine);
    socket.on('rooms:access-lost', accessLost);
    socket.on('connect', onConnect);
    return () => {
      socket.off('rooms:content', content);
      socket.off('rooms:room', room);
      socket.off('rooms:mine', mine);
      socket.off('rooms:access-lost', accessLost);
      socket.off('connect', onConnect);
    };
  }, [socket, qc]);
}

/** Calls `onActivity` when new content arrives in this room (the open room marks itself seen). */
export function useRoomActivity(roomId: string, enabled: boolean, onActivity: () => void): void {
  const socket = useSocket();
  const callback = useRef(onActivity);
  useEffect(() => {
    callback.current = onActivity;
  });
  useEffect(() => {
    if (!socket || !enabled) return;
    const handler = (p: P<'rooms:content'>) => {
      if (p.roomId === roomId) callback.current();
    };
    socket.on('rooms:content', handler);
    return () => {
      socket.off('rooms:content', handler);
    };
  }, [socket, roomId, enabled]);
}
