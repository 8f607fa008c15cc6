import { events } from '../../lib/events';
import { notify } from '../notifications/notifications.service';
import { directoryRows, peopleFromDirectory } from '../people/directory-index';
import { approverOf } from './approver';
import { todayInBerlin } from './holidays';
import { leaveIndex } from './request-index';

/** Actions that ask the approver to act or tell them about a change. */
const TO_APPROVER = new Set(['created', 'edited', 'withdrawn', 'cancel_requested', 'shortened']);
/** Decisions the requester hears about. */
const TO_OWNER = new Set(['approved', 'rejected', 'cancelled', 'cancel_rejected']);
const KIND: Record<string, string> = { created: 'requested' };

/**
 * Notifications of the leave card (`leave.<word>`; texts under `notifications.kinds.leave.*`):
 * the approver on a new request, edit, cancellation request or shortening; the requester on
 * decisions; HR on escalation; the deputy when approvals are delegated. Returns an unsubscribe.
 */
export function registerLeaveNotifications(): () => void {
  const offs = [
    events.on('leave.changed', async (e) => {
      const row = (await leaveIndex()).get(e.requestId);
      if (!row) return;
      const [owner] = await peopleFromDirectory([e.personId]);
      const params = { name: owner?.displayName ?? '', from: row.from, to: row.to };
      const link = `/leave/requests/${e.requestId}`;
      const kind = `leave.${KIND[e.action] ?? e.action}`;
      if (TO_APPROVER.has(e.action)) {
        const { effective } = await approverOf(e.personId, todayInBerlin());
        if (effective && effective !== e.actorId)
          await notify({ userId: effective, kind, params, link });
      } else if (TO_OWNER.has(e.action)) {
        if (e.actorId !== e.personId) await notify({ userId: e.personId, kind, params, link });
      } else if (e.action === 'escalated') {
        const hr = (await directoryRows()).filter(
          (r) => r.active && r.roles.includes('hr') && r.id !== e.personId,
        );
        if (hr.length) await notify({ userIds: hr.map((r) => r.id), kind, params, link });
      }
    }),
    events.on('leave.delegation_changed', async ({ personId, until }) => {
      if (!until) return;
      const [manager] = await peopleFromDirectory([personId]);
      if (!manager?.deputyId) return;
      await notify({
        userId: String(manager.deputyId),
        kind: 'leave.delegated',
        params: { name: manager.displayName, until },
        link: '/leave/approvals',
      });
    }),
  ];
  return () => offs.forEach((off) => off());
}
