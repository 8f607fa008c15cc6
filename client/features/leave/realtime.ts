import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ServerToClientEvents } from '@shared/realtime/events';
import type { LeaveBalanceDTO, LeaveInboxDTO } from '@shared/leave/types';
import type { PortalSocket } from '../../lib/socket';
import { listenToServer } from '../../lib/socket-events';
import { leaveKeys } from './keys';
import { upsertRequest } from './cache';

type P<K extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[K]>[0];

/** `leave:request`: the request in my lists, its detail and the inbox. */
export function onLeaveRequest(qc: QueryClient, { request }: P<'leave:request'>, myId: string) {
  upsertRequest(qc, request, myId);
}

/** `leave:balance`: my balance of that year (an older `rev` never overwrites a newer one). */
export function onLeaveBalance(qc: QueryClient, { balance }: P<'leave:balance'>, myId: string) {
  const set = (old: LeaveBalanceDTO | undefined) =>
    old && old.personId === balance.personId && old.rev > balance.rev ? old : balance;
  if (balance.personId === myId) {
    qc.setQueryData<LeaveBalanceDTO>(leaveKeys.balance(balance.year), set);
    // An open form's "balance after" depends on it.
    void qc.invalidateQueries({ queryKey: leaveKeys.previews() });
  }
  if (qc.getQueryData(leaveKeys.personBalance(balance.personId, balance.year)))
    qc.setQueryData<LeaveBalanceDTO>(leaveKeys.personBalance(balance.personId, balance.year), set);
}

/** `leave:inbox`: the count for badge and start page; an open inbox list is asked again. */
export function onLeaveInbox(qc: QueryClient, { count }: P<'leave:inbox'>) {
  qc.setQueryData<number>(leaveKeys.inboxCount(), count);
  const inbox = qc.getQueryData<LeaveInboxDTO>(leaveKeys.inbox());
  if (inbox && inbox.count !== count) {
    qc.setQueryData<LeaveInboxDTO>(leaveKeys.inbox(), { ...inbox, count });
    void qc.invalidateQueries({ queryKey: leaveKeys.inbox() });
  }
}

const monthRange = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
};

/** `leave:calendar`: calendars of that unit (or any, when the unit is not in the key) in the days. */
export function onLeaveCalendar(qc: QueryClient, p: P<'leave:calendar'>) {
  void qc.invalidateQueries({
    queryKey: leaveKeys.calendars(),
    predicate: (q) => {
      const [, , month, unitId] = q.queryKey as [string, string, unknown, unknown];
      if (typeof month !== 'string') return true;
      const { from, to } = monthRange(month);
      if (p.to < from || p.from > to) return false;
      // A calendar opened without unit shows the viewer's own unit, which may be this one.
      return unitId === null || unitId === p.unitId || q.queryKey[4] === true;
    },
  });
}

/** After a reconnect that lost packets: everything of the leave card again. */
export function catchUpLeave(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: leaveKeys.all });
}

/** Wires the socket's leave events into the query cache. */
export function useLeaveRealtime(socket: PortalSocket | null, myId: string): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    return listenToServer(
      socket,
      {
        'leave:request': (p) => onLeaveRequest(qc, p, myId),
        'leave:balance': (p) => onLeaveBalance(qc, p, myId),
        'leave:inbox': (p) => onLeaveInbox(qc, p),
        'leave:calendar': (p) => onLeaveCalendar(qc, p),
      },
      () => catchUpLeave(qc),
    );
  }, [socket, qc, myId]);
}
