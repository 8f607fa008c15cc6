import { useEffect } from 'react';
import { connectSocket, disconnectSocket, useSocket } from '../../lib/socket';
import { useNotificationRealtime } from '../../features/notifications/realtime';
import { endClientSession } from '../session';

/**
 * Opens the session's socket while someone is signed in and turns server events into cache
 * updates. `session:ended` (logout elsewhere, revocation, deactivation) signs this tab out.
 */
export function RealtimeBridge({ userId }: { userId: string }) {
  const socket = useSocket();

  useEffect(() => {
    connectSocket();
    return () => disconnectSocket();
  }, [userId]);

  useEffect(() => {
    if (!socket) return;
    const onEnded = ({ reason }: { reason: string }) => void endClientSession(reason);
    // A refused handshake (session gone) does not retry by itself: treat it as signed out.
    const onConnectError = (err: Error) => {
      if (err.message === 'unauthenticated' && !socket.active) void endClientSession('expired');
    };
    socket.on('session:ended', onEnded);
    socket.on('connect_error', onConnectError);
    return () => {
      socket.off('session:ended', onEnded);
      socket.off('connect_error', onConnectError);
    };
  }, [socket]);

  useNotificationRealtime(socket);
  return null;
}
