import { useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@shared/realtime/events';

export type { ServerToClientEvents, ClientToServerEvents };
export type PortalSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: PortalSocket | null = null;
const subscribers = new Set<() => void>();
const notify = () => subscribers.forEach((fn) => fn());

/**
 * Opens the one socket of this signed-in session (same origin, session cookie). Socket.IO
 * reconnects by itself and recovers missed packets after short outages.
 */
export function connectSocket(): PortalSocket {
  if (socket) return socket;
  socket = io({
    path: '/socket.io',
    withCredentials: true,
    // Browsers omit Origin on same-origin polling GETs, and the server refuses handshakes
    // without an allowed Origin (cross-site WebSocket hijacking); a WebSocket always sends it.
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
  });
  notify();
  return socket;
}

/** Closes the socket (logout, session ended). */
export function disconnectSocket(): void {
  if (!socket) return;
  socket.removeAllListeners();
  socket.disconnect();
  socket = null;
  notify();
}

export function getSocket(): PortalSocket | null {
  return socket;
}

/** The current socket, or null when signed out; re-renders when it changes. */
export function useSocket(): PortalSocket | null {
  return useSyncExternalStore(
    (fn) => {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    () => socket,
    () => null,
  );
}
