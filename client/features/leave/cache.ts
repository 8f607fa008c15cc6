import type { QueryClient } from '@tanstack/react-query';
import type { LeaveInboxDTO, LeaveRequestDTO, LeaveRequestDetailDTO } from '@shared/leave/types';
import { leaveKeys } from './keys';

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The request belongs in the list of `year` when it touches that year. */
export const touchesYear = (r: Pick<LeaveRequestDTO, 'from' | 'to'>, year: number) =>
  yearOf(r.from) <= year && yearOf(r.to) >= year;

const newestFirst = (a: LeaveRequestDTO, b: LeaveRequestDTO) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * One year's list of own requests with `request` applied: replaced in place (an older `rev`
 * never overwrites a newer one), added when it belongs to the year (and `mayAdd`), removed when
 * an edit moved it out of the year.
 */
export function upsertInList(
  list: LeaveRequestDTO[] | undefined,
  request: LeaveRequestDTO,
  year: number,
  mayAdd: boolean,
): LeaveRequestDTO[] | undefined {
  if (!list) return list;
  const i = list.findIndex((r) => r.id === request.id);
  const belongs = touchesYear(request, year);
  if (i >= 0) {
    const old = list[i]!;
    if (old.rev > request.rev) return list;
    if (!belongs) return list.filter((r) => r.id !== request.id);
    const next = list.slice();
    next[i] = request;
    return next;
  }
  if (!belongs || !mayAdd) return list;
  return [...list, request].sort(newestFirst);
}

/** The detail keeps its history; a new `rev` means the history grew, so it is fetched again. */
export function mergeDetail(
  detail: LeaveRequestDetailDTO | undefined,
  request: LeaveRequestDTO,
): { next: LeaveRequestDetailDTO | undefined; stale: boolean } {
  if (!detail) return { next: detail, stale: false };
  if (detail.rev > request.rev) return { next: detail, stale: false };
  const full = 'history' in request ? (request as LeaveRequestDetailDTO) : null;
  return {
    next: { ...detail, ...request, history: full?.history ?? detail.history },
    stale: !full && detail.rev !== request.rev,
  };
}

const decidable = (r: LeaveRequestDTO) =>
  r.abilities.decide && (r.status === 'pending' || r.status === 'cancel_requested');

/** The decider's inbox: replaced in place, dropped once it needs no decision (count: `leave:inbox`). */
export function patchInbox(
  inbox: LeaveInboxDTO | undefined,
  request: LeaveRequestDTO,
): LeaveInboxDTO | undefined {
  if (!inbox) return inbox;
  const i = inbox.requests.findIndex((r) => r.id === request.id);
  if (i < 0) return inbox;
  if (inbox.requests[i]!.rev > request.rev) return inbox;
  if (!decidable(request))
    return { ...inbox, requests: inbox.requests.filter((r) => r.id !== request.id) };
  const requests = inbox.requests.slice();
  requests[i] = request;
  return { ...inbox, requests };
}

/**
 * A request as the server now presents it (own change, socket): every cached list of own
 * requests, its detail, the inbox. `myId` decides whether it may be added to own lists.
 */
export function upsertRequest(qc: QueryClient, request: LeaveRequestDTO, myId?: string): void {
  const mine = myId === undefined || request.person.id === myId;
  for (const [key, list] of qc.getQueriesData<LeaveRequestDTO[]>({
    queryKey: leaveKeys.requestLists(),
  })) {
    const year = key[2];
    if (typeof year !== 'number' || !list) continue;
    const next = upsertInList(list, request, year, mine);
    if (next !== list) qc.setQueryData(key, next);
  }
  const { next, stale } = mergeDetail(
    qc.getQueryData<LeaveRequestDetailDTO>(leaveKeys.request(request.id)),
    request,
  );
  if (next) qc.setQueryData(leaveKeys.request(request.id), next);
  if (stale) void qc.invalidateQueries({ queryKey: leaveKeys.request(request.id) });
  qc.setQueryData<LeaveInboxDTO>(leaveKeys.inbox(), (inbox) => patchInbox(inbox, request));
}
