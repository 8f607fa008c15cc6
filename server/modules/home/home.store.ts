import { widgetIds, type WidgetPlacement } from '@shared/home/widgets';
import type { Audience } from '@shared/org/audience';
import { createKeyedCache } from '../../lib/keyed-cache';
import { audienceFromStore } from '../apps/stored-audience';
import { HomeDefaultModel, type HomeDefaultDoc } from './home-default.model';
import { HomeLayoutModel } from './home-layout.model';

export interface PersonalLayout {
  widgets: WidgetPlacement[];
  rev: number;
}

export interface DefaultLayout {
  id: string;
  name: string;
  audience: Audience;
  priority: number;
  widgets: WidgetPlacement[];
  createdAt: Date;
}

const known = new Set<string>(widgetIds);
/** Drops placements of widgets that no longer exist (a feature was removed since the save). */
export const cleanWidgets = (widgets: readonly { id: string; size: string }[]) =>
  widgets
    .filter((w) => known.has(w.id))
    .map((w) => ({ id: w.id, size: w.size }) as WidgetPlacement);

/** Per person, read on every start page: memory first (the embedded engine scans even by `_id`). */
export const layoutCache = createKeyedCache<PersonalLayout | null>({
  name: 'home-layouts',
  max: 20_000,
  load: async (personId) => {
    const doc = await HomeLayoutModel.findById(personId).lean<PersonalLayout>();
    return doc ? { widgets: cleanWidgets(doc.widgets), rev: doc.rev } : null;
  },
});

const ALL = 'all';
const defaultsCache = createKeyedCache<DefaultLayout[]>({
  name: 'home-defaults',
  max: 1,
  load: async () => {
    const rows = await HomeDefaultModel.find({}).lean<HomeDefaultDoc[]>();
    return rows.map((d) => ({
      id: String(d._id),
      name: d.name,
      audience: audienceFromStore(d.audience),
      priority: d.priority,
      widgets: cleanWidgets(d.widgets),
      createdAt: d.createdAt,
    }));
  },
});

export const defaultLayouts = (): Promise<DefaultLayout[]> => defaultsCache.get(ALL);
export const defaultsChanged = (): void => defaultsCache.invalidate(ALL);
