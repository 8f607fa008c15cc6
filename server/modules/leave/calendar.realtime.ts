import { objectId } from '@shared/http/fields';
import type { PortalSocket, Realtime } from '../../realtime';
import { events } from '../../lib/events';
import { logger } from '../../lib/logger';
import { auditRefusedJoin } from '../audit/deny';
import { unitIndex } from '../org/unit-index';
import { peopleFromDirectory } from '../people/directory-index';
import { canWatchCalendar } from './calendar.policy';
import { calendarViewer } from './calendar.service';
import type { LeaveEvents } from './leave.events';

export const calendarRoom = (unitId: string) => `leave-cal:${unitId}`;

/**
 * Team calendars live: `leave:watch-calendar {unitId}` joins `leave-cal:<unitId>` when the policy
 * lets the person open that unit's calendar (refused otherwise); `leave.changed` sends
 * `leave:calendar {unitId, from, to}` to the person's unit and every unit above it, so a calendar
 * with sub-units refetches too. The payload names no person and no type (a refetch hint; the
 * REST answer applies the policy again). Watches are not restored on reconnect: the client
 * watches again after `connect`.
 */
export function registerLeaveCalendarRealtime(realtime: Realtime): () => void {
  const onConnection = (socket: PortalSocket) => {
    socket.on('leave:watch-calendar', (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => undefined;
      const id = objectId.safeParse((payload as { unitId?: unknown } | null)?.unitId);
      const refuse = () =>
        auditRefusedJoin(socket.data.user.id, 'leave:watch-calendar', {
          type: 'unit',
          id: id.success ? id.data : null,
        }).then(() => reply({ error: 'forbidden' }));
      if (!id.success) return void refuse();
      unitIndex()
        .then(async (units) => {
          const unit = units.byId.get(id.data.toLowerCase());
          if (!unit || !canWatchCalendar(calendarViewer(socket.data.user), unit.chain)) {
            return refuse();
          }
          await socket.join(calendarRoom(unit.id));
          reply({ ok: true });
        })
        .catch(() => refuse());
    });
    socket.on('leave:unwatch-calendar', (payload) => {
      const id = objectId.safeParse((payload as { unitId?: unknown } | null)?.unitId);
      if (id.success) void socket.leave(calendarRoom(id.data.toLowerCase()));
    });
  };
  realtime.io.on('connection', onConnection);
  const off = events.on('leave.changed', (e) =>
    announceCalendarChange(realtime, e).catch((err: unknown) =>
      logger.warn({ err }, 'leave calendar update failed'),
    ),
  );
  // Training days in the calendar: a registration became or stopped being confirmed.
  const offTrainings = events.on('learning.registration_changed', (e) => {
    if ((e.before === 'confirmed') === (e.after === 'confirmed')) return;
    announceCalendarChange(realtime, e).catch((err: unknown) =>
      logger.warn({ err }, 'leave calendar update failed'),
    );
  });
  return () => {
    off();
    offTrainings();
    realtime.io.off('connection', onConnection);
  };
}

/** `leave:calendar` to the calendars of the person's unit chain. */
export async function announceCalendarChange(
  realtime: Realtime,
  e: Pick<LeaveEvents['leave.changed'], 'personId' | 'from' | 'to'>,
): Promise<void> {
  const [person] = await peopleFromDirectory([e.personId]);
  if (!person?.unitId) return;
  const unit = (await unitIndex()).byId.get(String(person.unitId));
  for (const unitId of unit?.chain ?? []) {
    realtime.toRoom(calendarRoom(unitId), 'leave:calendar', { unitId, from: e.from, to: e.to });
  }
}
