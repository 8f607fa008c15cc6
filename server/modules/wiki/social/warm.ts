import { logger } from '../../../lib/logger';
import { wikiIndex } from '../page-index';
import { warmCommentCounts } from './comment.service';
import { warmWatchers } from './watch.service';

/**
 * Fills the watcher lists and comment counts of every page after start (two bulk reads), so the
 * page view never reads those collections per request (the embedded engine scans them).
 */
export function warmWikiSocial(): void {
  wikiIndex()
    .then(async (index) => {
      const ids = [...index.pages.keys()];
      await warmWatchers(ids);
      await warmCommentCounts(ids);
    })
    .catch((err: unknown) => logger.warn({ err }, 'wiki social warm-up failed'));
}
