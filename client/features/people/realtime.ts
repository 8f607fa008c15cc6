import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { PortalSocket } from '../../lib/socket';
import { patchPerson } from './queries';

/** Live updates of profiles: `person:updated` patches the same keys the queries use. */
export function registerPeopleRealtime(socket: PortalSocket, qc: QueryClient): () => void {
  const onUpdated: ServerToClientEvents['person:updated'] = ({ person }) => patchPerson(qc, person);
  socket.on('person:updated', onUpdated);
  return () => {
    socket.off('person:updated', onUpdated);
  };
}

/** Hook form for the app's realtime bridge. */
export function usePeopleRealtime(socket: PortalSocket | null): void {
  const qc = useQueryClient();
  useEffect(() => (socket ? registerPeopleRealtime(socket, qc) : undefined), [socket, qc]);
}
