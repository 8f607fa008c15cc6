import type { PortalSocket, ServerToClientEvents } from './socket';

/** Listeners for some of the server's events, by event name. */
export type ServerHandlers = { [K in keyof ServerToClientEvents]?: ServerToClientEvents[K] };

/**
 * Wires a feature's handlers into the socket and returns the cleanup (for a `useEffect`).
 * `onMissed` runs after a reconnect that could not recover the packets sent meanwhile (never on
 * the first connect): the feature refetches what it shows, since some events are lost.
 */
export function listenToServer(
  socket: PortalSocket,
  handlers: ServerHandlers,
  onMissed?: () => void,
): () => void {
  // Object.entries forgets which listener belongs to which event; the mapped type above keeps
  // them paired for the callers, so the casts only restate that.
  const entries = Object.entries(handlers) as [keyof ServerToClientEvents, never][];
  let connectedBefore = socket.connected;
  const onConnect = () => {
    if (connectedBefore && !socket.recovered) onMissed?.();
    connectedBefore = true;
  };
  for (const [event, handler] of entries) socket.on(event, handler);
  if (onMissed) socket.on('connect', onConnect);
  return () => {
    for (const [event, handler] of entries) socket.off(event, handler);
    if (onMissed) socket.off('connect', onConnect);
  };
}
