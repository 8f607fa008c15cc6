import type { RoomModules, RoomTemplateKey, RoomVisibility } from './schemas';

/**
 * Room templates preset the modules and the suggested visibility (the create dialog starts from
 * them; the owner can change both later). Names and descriptions are i18n keys
 * `rooms:templates.<key>.name|description`.
 */
export interface RoomTemplate {
  key: RoomTemplateKey;
  modules: RoomModules;
  visibility: RoomVisibility;
  /** Wiki pages the room's space starts with (German titles: the city's working language). */
  starterPages: string[];
}

const all: RoomModules = { feed: true, chat: true, wiki: true, files: true, events: true, tasks: true };

export const roomTemplates: Record<RoomTemplateKey, RoomTemplate> = {
  project: { key: 'project', modules: all, visibility: 'closed', starterPages: ['Projektauftrag', 'Protokolle'] },
  office: {
    key: 'office',
    modules: all,
    visibility: 'secret',
    starterPages: ['Teamhandbuch'],
  },
  community: {
    key: 'community',
    modules: { ...all, tasks: false },
    visibility: 'open',
    starterPages: ['Willkommen'],
  },
  blank: {
    key: 'blank',
    modules: { feed: true, chat: false, wiki: false, files: false, events: false, tasks: false },
    visibility: 'closed',
    starterPages: [],
  },
};
