import type { DefaultLayoutDTO } from '@shared/home/types';
import type { CurrentUser } from '../auth/current-user';
import { defaultLayoutAbilities } from './home.policy';
import type { DefaultLayout } from './home.store';

export function presentDefaultLayout(
  d: DefaultLayout,
  viewer: Pick<CurrentUser, 'roles'>,
): DefaultLayoutDTO {
  return {
    id: d.id,
    name: d.name,
    audience: {
      units: d.audience.units.map((u) => ({ ...u })),
      roles: [...d.audience.roles],
      locationIds: [...d.audience.locationIds],
    },
    priority: d.priority,
    widgets: d.widgets.map((w) => ({ ...w })),
    abilities: defaultLayoutAbilities(viewer),
  };
}
