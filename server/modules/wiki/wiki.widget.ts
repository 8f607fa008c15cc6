import type { WikiWidgetDTO } from '@shared/wiki/types';
import type { CurrentUser } from '../auth/current-user';
import { pageAccessIn, viewerOf } from './access';
import { wikiIndex } from './page-index';
import { presentPageRef } from './page.presenter';
import { isWatching } from './social/watch.service';

export const WIKI_WIDGET_LIMIT = 5;

/**
 * The start page widget `wiki`: watched pages changed lately, other recent changes the viewer may
 * read, and the review count. Memory reads only (page index, primed watcher lists); the walk
 * stops once both lists are full, newest first.
 */
export async function wikiWidget(user: CurrentUser): Promise<WikiWidgetDTO> {
  const [index, viewer] = await Promise.all([wikiIndex(), viewerOf(user)]);
  const newestFirst = [...index.pages.values()]
    .filter((p) => !p.archived && !p.isTemplate)
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  const watched: WikiWidgetDTO['watched'] = [];
  const recent: WikiWidgetDTO['recent'] = [];
  let reviews = 0;
  for (const p of index.pages.values()) {
    if (p.review.state !== 'pending' || p.archived) continue;
    if (pageAccessIn(index, viewer, p.id)?.abilities.review) reviews += 1;
  }
  for (const page of newestFirst) {
    if (watched.length >= WIKI_WIDGET_LIMIT && recent.length >= WIKI_WIDGET_LIMIT) break;
    if (!pageAccessIn(index, viewer, page.id)) continue;
    if (await isWatching(page.id, user.id)) {
      if (watched.length < WIKI_WIDGET_LIMIT) watched.push(presentPageRef(index, page));
    } else if (recent.length < WIKI_WIDGET_LIMIT) {
      recent.push(presentPageRef(index, page));
    }
  }
  return { watched, recent, reviews };
}
