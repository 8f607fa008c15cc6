/**
 * Query keys of the wiki (one factory: socket invalidations and mutations hit the same keys).
 * Helpers add keys additively.
 */
export const wikiKeys = {
  all: ['wiki'] as const,
  spaces: () => [...wikiKeys.all, 'spaces'] as const,
  space: (spaceId: string) => [...wikiKeys.all, 'space', spaceId] as const,
  members: (spaceId: string) => [...wikiKeys.space(spaceId), 'members'] as const,
  tree: (spaceId: string) => [...wikiKeys.space(spaceId), 'tree'] as const,
  archive: (spaceId: string) => [...wikiKeys.space(spaceId), 'archive'] as const,
  stale: (spaceId: string) => [...wikiKeys.space(spaceId), 'stale'] as const,
  templates: (spaceId: string) => [...wikiKeys.space(spaceId), 'templates'] as const,
  page: (pageId: string) => [...wikiKeys.all, 'page', pageId] as const,
  backlinks: (pageId: string) => [...wikiKeys.page(pageId), 'backlinks'] as const,
  comments: (pageId: string) => [...wikiKeys.page(pageId), 'comments'] as const,
  files: (pageId: string) => [...wikiKeys.page(pageId), 'files'] as const,
  revisions: (pageId: string) => [...wikiKeys.page(pageId), 'revisions'] as const,
  revision: (pageId: string, revisionId: string) =>
    [...wikiKeys.revisions(pageId), revisionId] as const,
  diff: (pageId: string, from: string, to: string) =>
    [...wikiKeys.page(pageId), 'diff', from, to] as const,
  search: (q: string, spaceId: string | null) => [...wikiKeys.all, 'search', q, spaceId] as const,
  reviews: () => [...wikiKeys.all, 'reviews'] as const,
};
