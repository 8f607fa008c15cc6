import { createKeyedCache } from '../../lib/keyed-cache';
import type { Audience } from '@shared/org/audience';
import { AppModel, type AppDoc } from './app.model';
import { AppPinsModel } from './app-pins.model';
import { audienceFromStore } from './stored-audience';

/** A catalogue entry as held in memory. */
export interface CatalogueApp {
  id: string;
  name: { de: string; en: string };
  description: { de: string; en: string };
  url: string;
  icon: AppDoc['icon'];
  audience: Audience;
  suggested: boolean;
}

const ALL = 'all';

// The catalogue is tiny (tens of apps) and read on every start page: held in memory, reloaded
// after an admin change here and, via the cluster bus, on every other instance.
const catalogueCache = createKeyedCache<CatalogueApp[]>({
  name: 'apps-catalogue',
  max: 1,
  load: async () => {
    const rows = await AppModel.find({}).lean<AppDoc[]>();
    return rows
      .map((a) => ({
        id: String(a._id),
        name: { de: a.name.de, en: a.name.en },
        description: { de: a.description?.de ?? '', en: a.description?.en ?? '' },
        url: a.url,
        icon: a.icon,
        audience: audienceFromStore(a.audience),
        suggested: Boolean(a.suggested),
      }))
      .sort((x, y) => x.name.de.localeCompare(y.name.de, 'de'));
  },
});

export const catalogue = (): Promise<CatalogueApp[]> => catalogueCache.get(ALL);
export const catalogueChanged = (): void => catalogueCache.invalidate(ALL);

/** Per person: their own pinned app ids in order, or null while they use the suggestions. */
export const pinsCache = createKeyedCache<string[] | null>({
  name: 'app-pins',
  max: 20_000,
  load: async (personId) => {
    const doc = await AppPinsModel.findById(personId).lean<{ appIds: unknown[] }>();
    return doc ? doc.appIds.map(String) : null;
  },
});
