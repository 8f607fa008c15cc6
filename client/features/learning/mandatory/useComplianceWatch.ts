import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSocket } from '../../../lib/socket';
import { listenToServer } from '../../../lib/socket-events';
import { learningKeys } from '../keys';

/**
 * While the compliance dashboard is open the server sends `learning:compliance` to this socket
 * (room `learning-compliance`); watching again after each (re)connect, since a new socket session
 * has no rooms. The event invalidates the dashboard's queries here too (C1's realtime.ts may do the
 * same; a double invalidation costs one refetch at most, since both run in the same tick).
 */
export function useComplianceWatch(): void {
  const socket = useSocket();
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    const watch = () => socket.emit('learning:watch-compliance', () => undefined);
    if (socket.connected) watch();
    socket.on('connect', watch);
    const refresh = () =>
      void qc.invalidateQueries({ queryKey: [...learningKeys.all, 'compliance'] });
    const stop = listenToServer(socket, { 'learning:compliance': refresh }, refresh);
    return () => {
      stop();
      socket.off('connect', watch);
      if (socket.connected) socket.emit('learning:unwatch-compliance');
    };
  }, [socket, qc]);
}
