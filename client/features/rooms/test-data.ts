import type { RoomAbilities, RoomDTO, RoomSummaryDTO } from '@shared/rooms/types';

/** Test data for the room shell's tests. */
export const rid = (n: number) => `65a0000000000000000000${String(n).padStart(2, '0')}`;

export const noAbilities: RoomAbilities = {
  view: true,
  read: false,
  join: false,
  requestJoin: false,
  leave: false,
  contribute: false,
  moderate: false,
  manageMembers: false,
  update: false,
  administer: false,
  archive: false,
  restore: false,
};

export const memberAbilities: RoomAbilities = {
  ...noAbilities,
  read: true,
  leave: true,
  contribute: true,
};

export const ownerAbilities: RoomAbilities = {
  ...memberAbilities,
  moderate: true,
  manageMembers: true,
  update: true,
  administer: true,
  archive: true,
};

export function summary(over: Partial<RoomSummaryDTO> = {}): RoomSummaryDTO {
  return {
    id: rid(1),
    name: 'Digitale Akte',
    description: 'Einführung der E-Akte in allen Ämtern.',
    visibility: 'closed',
    template: 'project',
    modules: { feed: true, chat: true, wiki: true, files: true, events: true, tasks: true },
    imageUrl: null,
    memberCount: 12,
    archived: false,
    reviewBy: null,
    myRole: 'member',
    requestPending: false,
    unread: 0,
    lastActivityAt: null,
    abilities: memberAbilities,
    ...over,
  };
}

export function room(over: Partial<RoomDTO> = {}): RoomDTO {
  return {
    ...summary(),
    rev: 3,
    conversationId: null,
    wikiSpaceId: null,
    owners: [],
    createdAt: '2026-01-01T10:00:00.000Z',
    pendingRequests: 0,
    reviewDue: false,
    ...over,
  };
}

/** A fetch stub answering `METHOD /path` with `{ data }` (or a given Response); records calls. */
export function fakeFetch(answers: Record<string, unknown | (() => Response)>) {
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
    if (typeof a === 'function') return (a as () => Response)();
    return Response.json({ data: a });
  };
  return { fn, calls };
}

export const apiError = (status: number, code: string) => () =>
  Response.json({ error: { code, message: code } }, { status });
