import type { Realtime } from '../../realtime';
import { events } from '../../lib/events';
import type { CurrentUser } from '../auth/current-user';
import { directoryRows, peopleFromDirectory } from '../people/directory-index';
import { unitsLedBy } from '../org/unit-index';
import { approverInfo, inboxCount } from './approver';
import { todayInBerlin } from './holidays';
import { balanceOf } from './ledger.service';
import { presentRequest } from './request.presenter';
import { leaveIndex } from './request-index';

/** A person as the policies see them, from the directory (no session: for presenting only). */
async function viewerOf(personId: string): Promise<CurrentUser | null> {
  const [p] = await peopleFromDirectory([personId]);
  if (!p || p.active === false) return null;
  return {
    id: personId,
    username: p.username,
    displayName: p.displayName,
    roles: p.roles as CurrentUser['roles'],
    unitId: p.unitId ? String(p.unitId) : null,
    leads: await unitsLedBy(personId),
    sessionId: '',
  };
}

async function sendInbox(realtime: Realtime, ids: Iterable<string>, today: string): Promise<void> {
  for (const id of new Set(ids)) {
    const viewer = await viewerOf(id);
    if (viewer) realtime.toUser(id, 'leave:inbox', { count: await inboxCount(viewer, today) });
  }
}

/**
 * Live updates: `leave:request` to the requester and to everyone who decides it now (each gets
 * their own abilities), `leave:inbox` counts to the deciders, `leave:balance` to the owner.
 * Nobody else hears anything. Returns an unsubscribe.
 */
export function registerLeaveRealtime(realtime: Realtime): () => void {
  const offs = [
    events.on('leave.changed', async (e) => {
      const today = todayInBerlin();
      const row = (await leaveIndex()).get(e.requestId);
      if (!row) return;
      const info = await approverInfo(row.personId, today);
      const deciders = new Set(
        [info.primary, info.effective].filter((id): id is string => !!id && id !== row.personId),
      );
      if (row.escalatedAt) {
        for (const r of await directoryRows())
          if (r.active && r.roles.includes('hr') && r.id !== row.personId) deciders.add(r.id);
      }
      for (const id of [row.personId, ...deciders]) {
        const viewer = await viewerOf(id);
        if (viewer)
          realtime.toUser(id, 'leave:request', {
            request: await presentRequest(row, viewer, today),
          });
      }
      await sendInbox(realtime, deciders, today);
    }),
    events.on('leave.balance_changed', async ({ personId, year }) => {
      const viewer = await viewerOf(personId);
      if (!viewer) return;
      realtime.toUser(personId, 'leave:balance', {
        balance: await balanceOf(personId, year, viewer),
      });
    }),
    events.on('leave.delegation_changed', async ({ personId }) => {
      const [manager] = await peopleFromDirectory([personId]);
      const ids = [personId, ...(manager?.deputyId ? [String(manager.deputyId)] : [])];
      await sendInbox(realtime, ids, todayInBerlin());
    }),
  ];
  return () => offs.forEach((off) => off());
}
