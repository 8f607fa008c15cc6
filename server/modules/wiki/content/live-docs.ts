import type * as Y from 'yjs';

/**
 * The bridge from content services to the co-editing server on this instance (set by
 * `attachCollab`): read a loaded document, or change one so connected editors see it at once.
 * Without a collab server (REST-only tests, scripts) the services work on the stored state.
 */
export interface LiveDocs {
  /** The page's document if it is loaded on this instance. */
  loaded(pageId: string): Y.Doc | undefined;
  /** Runs `change` on the live document (loading it if needed) and stores it before resolving. */
  change(pageId: string, actorId: string, change: (doc: Y.Doc) => void): Promise<void>;
}

let live: LiveDocs | null = null;

export function setLiveDocs(docs: LiveDocs | null): void {
  live = docs;
}
export const liveDocs = (): LiveDocs | null => live;
