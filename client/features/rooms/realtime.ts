import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ServerToClientEvents } from '@shared/realtime/events';
import { createIdFlags } from '../../lib/id-flags';
import { useSocket, type PortalSocket } from '../../lib/socket';
import { listenToServer } from '../../lib/socket-events';
import { roomKeys } from './keys';

type P<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

// --- "Kein Zugriff mehr": rooms this tab lost while it may still show them ---
const lost = createIdFlags();

/** True once the server said the viewer lost this room (removed, or it became invisible). */
export function useRoomAccessLost(roomId: string | undefined): boolean {
  return lost.useHas(roomId);
}
export function isRoomAccessLost(roomId: string): boolean {
  return lost.has(roomId);
}
/** Forget a loss (after joining again, or a fresh successful load). */
export function clearRoomAccessLost(roomId: string): void {
  lost.delete(roomId);
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
  // Feed, files, events, tasks, members … of the room: gone from memory at once.
  qc.removeQueries({ queryKey: roomKeys.room(roomId) });
  void qc.invalidateQueries({ queryKey: roomKeys.lists() });
  lost.add(roomId);
}

/** Wires the socket's `rooms:*` events into the query cache (mounted once, in the realtime bridge). */
export function useRoomsRealtime(socket: PortalSocket | null): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    return listenToServer(
      socket,
      {
        'rooms:content': (p) => onRoomContent(qc, p),
        'rooms:room': (p) => onRoomChanged(qc, p),
        'rooms:mine': () => onMyRooms(qc),
        'rooms:access-lost': (p) => onRoomAccessLost(qc, p),
      },
      // Missed packets after an unrecovered reconnect: everything of the rooms again.
      () => void qc.invalidateQueries({ queryKey: roomKeys.all }),
    );
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
