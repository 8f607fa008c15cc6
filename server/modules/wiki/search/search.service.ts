import type { z } from 'zod';
import type { wikiSearchQuerySchema } from '@shared/wiki/schemas';
import type { WikiSearchHitDTO } from '@shared/wiki/types';
import type { CurrentUser } from '../../auth/current-user';
import { pageAccessIn, viewerOf, type PageAccess } from '../access';
import { wikiIndex } from '../page-index';
import { pageTexts } from './search.index';
import { excerptOf, matchPage, queryTerms, titleTerms, type PageMatch } from './search.text';

export type WikiSearchQuery = z.infer<typeof wikiSearchQuerySchema>;

interface Hit {
  access: PageAccess;
  match: PageMatch;
  raw: string;
}

const titleWordCache = new Map<string, { title: string; words: string[] }>();
function titleWordsOf(id: string, title: string): string[] {
  const cached = titleWordCache.get(id);
  if (cached?.title === title) return cached.words;
  const words = titleTerms(title);
  titleWordCache.set(id, { title, words });
  return words;
}

/**
 * Pages the viewer may read whose title or text contains every query word (at a word start),
 * archived pages and templates left out. Title hits come first (more title words first), then
 * text hits by frequency; the newer page wins a tie. A space filter the viewer cannot read
 * answers nothing, like an unknown space. Readers match the published text; people who may
 * see the draft match the draft.
 */
export async function searchWiki(
  user: CurrentUser,
  query: WikiSearchQuery,
): Promise<WikiSearchHitDTO[]> {
  const terms = queryTerms(query.q);
  if (terms.length === 0) return [];
  const [viewer, index] = await Promise.all([viewerOf(user), wikiIndex()]);
  const readable: PageAccess[] = [];
  const pages = query.spaceId ? index.pagesOf(query.spaceId) : [...index.pages.values()];
  for (const page of pages) {
    if (page.archived || page.isTemplate) continue;
    const access = pageAccessIn(index, viewer, page.id);
    if (access) readable.push(access);
  }
  if (readable.length === 0) return [];
  const texts = await pageTexts(
    index,
    readable.map((a) => a.page),
  );
  const hits: Hit[] = [];
  for (const access of readable) {
    const entry = texts.get(access.page.id);
    const text =
      (access.abilities.viewDraft ? (entry?.draft ?? entry?.published) : entry?.published) ?? null;
    const match = matchPage(terms, titleWordsOf(access.page.id, access.page.title), text);
    if (match) hits.push({ access, match, raw: text?.raw ?? '' });
  }
  hits.sort(
    (a, b) =>
      b.match.title - a.match.title ||
      b.match.text - a.match.text ||
      b.access.page.updatedAt.getTime() - a.access.page.updatedAt.getTime(),
  );
  return hits.slice(0, query.limit).map(({ access, raw }) => ({
    id: access.page.id,
    spaceId: access.space.id,
    spaceName: access.space.name,
    title: access.page.title,
    breadcrumbs: access.ancestors.map((a) => ({ id: a.id, title: a.title })),
    updatedAt: access.page.updatedAt.toISOString(),
    excerpt: excerptOf(raw, terms),
  }));
}
