import type { QueryClient } from '@tanstack/react-query';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@shared/realtime/events';
import { patchPerson } from './queries';

type PortalSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Live updates of profiles: `person:updated` patches the same keys the queries use. */
export function registerPeopleRealtime(socket: PortalSocket, qc: QueryClient): () => void {
  const onUpdated: ServerToClientEvents['person:updated'] = ({ person }) => patchPerson(qc, person);
  socket.on('person:updated', onUpdated);
  return () => {
    socket.off('person:updated', onUpdated);
  };
}
