import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { connectSocket, disconnectSocket, useSocket } from '../../lib/socket';
import { useNotificationRealtime } from '../../features/notifications/realtime';
import { usePeopleRealtime } from '../../features/people/realtime';
import { useNewsRealtime } from '../../features/news/realtime';
import { useHomeRealtime } from '../../features/home/realtime';
import { useChatRealtime } from '../../features/chat/realtime';
import { useLeaveRealtime } from '../../features/leave/realtime';
import { useWikiRealtime } from '../../features/wiki/realtime';
import { useRoomsRealtime } from '../../features/rooms/realtime';
import { useLearningRealtime } from '../../features/learning/realtime';
import { meQueryOptions } from '../../features/auth/queries';
import { endClientSession } from '../session';

/**
 * Opens the session's socket while someone is signed in and turns server events into cache
 * updates. `session:ended` (logout elsewhere, revocation, deactivation) signs this tab out.
 */
export function RealtimeBridge({ userId }: { userId: string }) {
  const socket = useSocket();
  const qc = useQueryClient();

  useEffect(() => {
    connectSocket();
    return () => disconnectSocket();
  }, [userId]);

  useEffect(() => {
    if (!socket) return;
    const onEnded = ({ reason }: { reason: string }) => void endClientSession(reason);
    const onConnectError = (err: Error) => {
      // Refused by the namespace middleware: Socket.IO will not retry, the session is gone.
      if (err.message === 'unauthenticated' && !socket.active) {
        void endClientSession('expired');
        return;
      }
      // A refused handshake looks like a transport error: ask the API whether we are still
      // signed in (a 401 there ends the client session through the query cache).
      void qc.fetchQuery({ ...meQueryOptions(), staleTime: 0 }).catch(() => undefined);
    };
    socket.on('session:ended', onEnded);
    socket.on('connect_error', onConnectError);
    return () => {
      socket.off('session:ended', onEnded);
      socket.off('connect_error', onConnectError);
    };
  }, [socket, qc]);

  useNotificationRealtime(socket);
  usePeopleRealtime(socket);
  useNewsRealtime(socket);
  useHomeRealtime(socket);
  useChatRealtime(socket, userId);
  useLeaveRealtime(socket, userId);
  useWikiRealtime(socket);
  useRoomsRealtime(socket);
  useLearningRealtime(socket);
  return null;
}
