import { useEffect } from 'react';
import { useSocket } from '../../../../lib/socket';

/**
 * While a team calendar is shown, the server sends `leave:calendar` for its unit (the realtime
 * handlers in `realtime.ts` refetch the matching calendar queries). Watching again after each
 * (re)connect: a new socket session has no rooms.
 */
export function useCalendarWatch(unitId: string | null): void {
  const socket = useSocket();
  useEffect(() => {
    if (!socket || !unitId) return;
    const watch = () => socket.emit('leave:watch-calendar', { unitId }, () => undefined);
    if (socket.connected) watch();
    socket.on('connect', watch);
    return () => {
      socket.off('connect', watch);
      if (socket.connected) socket.emit('leave:unwatch-calendar', { unitId });
    };
  }, [socket, unitId]);
}
