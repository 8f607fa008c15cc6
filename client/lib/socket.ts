import { useSyncExternalStore } from 'react';
import type { Socket, io as ioFn } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@shared/realtime/events';

export type { ServerToClientEvents, ClientToServerEvents };
export type PortalSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: PortalSocket | null = null;
const subscribers = new Set<() => void>();
const notify = () => subscribers.forEach((fn) => fn());

let generation = 0;
let connecting = false;
let clientModule: Promise<{ io: typeof ioFn }> | null = null;

/**
 * Opens the one socket of this signed-in session (same origin, session cookie). Socket.IO
 * reconnects by itself and recovers missed packets after short outages. The client library is
 * loaded here, not in the initial bundle: the first paint needs no live connection, and
 * `useSocket()` re-renders its users once the socket exists.
 */
export function connectSocket(): void {
  if (socket || connecting) return;
  connecting = true;
  const mine = ++generation;
  clientModule ??= import('socket.io-client');
  clientModule
    .then(({ io }) => {
      if (mine !== generation) return; // disconnected while loading
      connecting = false;
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
    })
    .catch(() => {
      if (mine !== generation) return;
      connecting = false;
      clientModule = null; // a failed chunk load is retried by the next connect
    });
}

/** Closes the socket (logout, session ended). */
export function disconnectSocket(): void {
  generation += 1;
  connecting = false;
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
