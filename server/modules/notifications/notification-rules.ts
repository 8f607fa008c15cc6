import { events } from '../../lib/events';
import { PersonModel } from '../people/person.model';
import { notify } from './notifications.service';

/**
 * Notifications that follow from other modules' domain events (the texts are the client's
 * `notifications.kinds.*`). Registered from `modules/subscribers.ts`; returns an unsubscribe.
 */
export function registerNotificationRules(): () => void {
  const offs = [
    events.on('person.created', async ({ personId }) => {
      const p = await PersonModel.findById(personId).select({ givenName: 1 }).lean();
      if (p)
        await notify({ userId: personId, kind: 'system.welcome', params: { name: p.givenName } });
    }),
    events.on('person.updated', async ({ personId, actorId, changed }) => {
      if (changed.includes('roles') && actorId !== personId) {
        await notify({ userId: personId, kind: 'person.roles_changed' });
      }
      if (changed.includes('deputyId')) {
        const p = await PersonModel.findById(personId)
          .select({ displayName: 1, deputyId: 1 })
          .lean();
        if (p?.deputyId && String(p.deputyId) !== personId) {
          await notify({
            userId: String(p.deputyId),
            kind: 'person.deputy_assigned',
            params: { name: p.displayName },
            link: `/people/${personId}`,
          });
        }
      }
    }),
  ];
  return () => offs.forEach((off) => off());
}
