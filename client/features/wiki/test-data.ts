import type { PersonRef } from '@shared/people/types';
import type { PageDTO, TreeNodeDTO, WikiCommentDTO } from '@shared/wiki/types';

/** Fixture DTOs for the wiki's component tests. */
export const SPACE_ID = '64b0000000000000000000aa';
export const pid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const node = (
  n: number,
  parent: number | null,
  index: number,
  title: string,
): TreeNodeDTO => ({
  id: pid(n),
  parentId: parent === null ? null : pid(parent),
  title,
  index,
  hasChildren: false,
  restricted: false,
  isTemplate: false,
  reviewPending: false,
  rev: n,
});

/** Handbuch (Anträge, Fristen), Formulare, Kontakte. */
export function treeNodes(): TreeNodeDTO[] {
  const nodes = [
    node(1, null, 0, 'Handbuch'),
    node(2, 1, 0, 'Anträge'),
    node(3, 1, 1, 'Fristen'),
    node(4, null, 1, 'Formulare'),
    node(5, null, 2, 'Kontakte'),
  ];
  return nodes.map((n) => ({ ...n, hasChildren: nodes.some((c) => c.parentId === n.id) }));
}

export const person = (id: string, displayName: string): PersonRef => ({
  id,
  displayName,
  position: null,
  unitId: null,
  initials: displayName
    .split(' ')
    .map((w) => w[0])
    .join(''),
  photoUrl: null,
});

export const anna = person('64b000000000000000000011', 'Anna Beispiel');
export const ben = person('64b000000000000000000012', 'Ben Muster');

export function pageDTO(over: Partial<PageDTO> = {}): PageDTO {
  return {
    id: pid(2),
    spaceId: SPACE_ID,
    spaceName: 'Bürgerbüro',
    parentId: pid(1),
    title: 'Anträge',
    breadcrumbs: [
      { id: pid(1), title: 'Handbuch' },
      { id: pid(2), title: 'Anträge' },
    ],
    html: '<h2 id="h-1">Ablauf</h2><p>Text</p><h2 id="h-2">Fristen</h2><p>Mehr</p>',
    toc: [
      { level: 2, text: 'Ablauf', anchor: 'h-1' },
      { level: 2, text: 'Fristen', anchor: 'h-2' },
    ],
    draftHtml: null,
    owner: anna,
    reviewBy: null,
    restriction: null,
    restrictedBy: null,
    archived: false,
    isTemplate: false,
    review: { state: 'none', requestedBy: null, requestedAt: null, comment: null },
    watching: false,
    commentCount: 0,
    updatedAt: '2025-03-01T10:00:00.000Z',
    updatedBy: anna,
    publishedAt: '2025-03-01T10:00:00.000Z',
    rev: 3,
    abilities: {
      read: true,
      comment: true,
      edit: false,
      organise: false,
      restrict: false,
      review: false,
      viewDraft: false,
      restore: false,
    },
    ...over,
  };
}

export function comment(over: Partial<WikiCommentDTO> & { id: string }): WikiCommentDTO {
  return {
    pageId: pid(2),
    parentId: null,
    author: anna,
    body: 'Text',
    resolved: false,
    resolvedBy: null,
    deleted: false,
    createdAt: '2025-03-01T10:00:00.000Z',
    editedAt: null,
    abilities: { edit: false, resolve: false, delete: false, reply: true },
    ...over,
  };
}

/** A fetch stand-in: answers by "METHOD path" and records every call with its JSON body. */
export function fakeFetch(answers: Record<string, unknown>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), window.location.origin);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    if (url.pathname === '/api/auth/csrf') return Response.json({ token: 't' });
    calls.push({ method, path: url.pathname, body });
    const key = `${method} ${url.pathname}`;
    if (!(key in answers)) return Response.json({ data: null });
    const a = answers[key];
    if (a instanceof Response) return a;
    return Response.json({ data: a });
  };
  return { fn, calls };
}
