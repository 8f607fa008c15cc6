import type { AppDTO } from '@shared/apps/types';
import type { CurrentUser } from '../auth/current-user';
import type { CatalogueApp } from './apps.catalogue';
import { appAbilities, canManageApps } from './apps.policy';

/** The one shape of an app on the wire; the audience only for those who manage the catalogue. */
export function presentApp(
  app: CatalogueApp,
  viewer: Pick<CurrentUser, 'roles'>,
  pinned: boolean,
): AppDTO {
  const manage = canManageApps(viewer);
  return {
    id: app.id,
    name: { ...app.name },
    description: { ...app.description },
    url: app.url,
    icon: app.icon,
    suggested: app.suggested,
    pinned,
    audience: manage
      ? {
          units: app.audience.units.map((u) => ({ ...u })),
          roles: [...app.audience.roles],
          locationIds: [...app.audience.locationIds],
        }
      : null,
    abilities: appAbilities(viewer),
  };
}
