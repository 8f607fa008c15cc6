import { api } from '../../lib/api';
import type { ApiData, ApiPage } from '@shared/http/errors';
import type { z } from 'zod';
import type {
  RoomCreateInput,
  RoomInviteInput,
  RoomListQuery,
  RoomRole,
  RoomUpdateInput,
  roomRequestCreateSchema,
} from '@shared/rooms/schemas';
import type {
  JoinRequestDTO,
  RoomDTO,
  RoomInviteResultDTO,
  RoomMemberDTO,
  RoomRequestDTO,
  RoomSummaryDTO,
} from '@shared/rooms/types';

/** REST calls of the room shell (`/api/rooms`, `/api/room-requests`), unwrapped from `{ data }`. */
export const roomsBase = '/api/rooms';
const enc = encodeURIComponent;
export const roomPath = (id: string) => `${roomsBase}/${enc(id)}`;
const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

/** A page of rooms; `total` counts only rooms the viewer may see. */
export interface RoomListPage extends ApiPage<RoomSummaryDTO> {
  total: number;
}
export type RoomListParams = Partial<Omit<RoomListQuery, 'cursor'>>;
export type RoomRequestInput = z.input<typeof roomRequestCreateSchema>;
export type Decision = { decision: 'approve' | 'reject'; reason?: string };

// --- Rooms ---
export const listRooms = (q: RoomListParams, cursor?: string | null, signal?: AbortSignal) =>
  api<RoomListPage>(roomsBase, {
    query: { ...q, cursor: cursor ?? undefined },
    signal,
  });
export const getRoom = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<RoomDTO>>(roomPath(id), { signal }));
export const createRoom = (input: RoomCreateInput) =>
  data(api<ApiData<RoomDTO>>(roomsBase, { method: 'POST', body: { ...input } }));
export const updateRoom = (id: string, input: RoomUpdateInput) =>
  data(api<ApiData<RoomDTO>>(roomPath(id), { method: 'PATCH', body: { ...input } }));
export const archiveRoom = (id: string, rev: number) =>
  data(api<ApiData<RoomDTO>>(`${roomPath(id)}/archive`, { method: 'POST', body: { rev } }));
export const restoreRoom = (id: string, rev: number) =>
  data(api<ApiData<RoomDTO>>(`${roomPath(id)}/restore`, { method: 'POST', body: { rev } }));
/** Multipart field `image` (JPEG, PNG or WebP; the server strips metadata). */
export const uploadRoomImage = (id: string, file: File) => {
  const form = new FormData();
  form.append('image', file);
  return api<unknown>(`${roomPath(id)}/image`, { method: 'PUT', body: form });
};
export const deleteRoomImage = (id: string) =>
  api<unknown>(`${roomPath(id)}/image`, { method: 'DELETE' });
/** Mark the room seen (unread = activity after this moment). */
export const markRoomSeen = (id: string) =>
  api<unknown>(`${roomPath(id)}/seen`, { method: 'POST' });

// --- Membership of the viewer ---
export const joinRoom = (id: string) => api<unknown>(`${roomPath(id)}/join`, { method: 'POST' });
export const leaveRoom = (id: string) => api<unknown>(`${roomPath(id)}/leave`, { method: 'POST' });
export const requestJoin = (id: string, message: string) =>
  data(
    api<ApiData<JoinRequestDTO>>(`${roomPath(id)}/join-requests`, {
      method: 'POST',
      body: { message },
    }),
  );
export const withdrawJoinRequest = (id: string) =>
  api<unknown>(`${roomPath(id)}/join-requests/mine`, { method: 'DELETE' });

// --- Members (managers) ---
export const listMembers = (
  id: string,
  q: { q?: string; cursor?: string | null },
  signal?: AbortSignal,
) =>
  api<ApiPage<RoomMemberDTO>>(`${roomPath(id)}/members`, {
    query: { q: q.q, cursor: q.cursor ?? undefined, limit: 50 },
    signal,
  });
export const inviteMembers = (id: string, input: RoomInviteInput) =>
  data(
    api<ApiData<RoomInviteResultDTO>>(`${roomPath(id)}/members`, {
      method: 'POST',
      body: { ...input },
    }),
  );
export const changeMemberRole = (id: string, personId: string, role: RoomRole) =>
  api<unknown>(`${roomPath(id)}/members/${enc(personId)}`, { method: 'PATCH', body: { role } });
export const removeMember = (id: string, personId: string) =>
  api<unknown>(`${roomPath(id)}/members/${enc(personId)}`, { method: 'DELETE' });
export const listJoinRequests = (id: string, signal?: AbortSignal) =>
  data(api<ApiData<JoinRequestDTO[]>>(`${roomPath(id)}/join-requests`, { signal }));
export const decideJoinRequest = (id: string, requestId: string, d: Decision) =>
  api<unknown>(`${roomPath(id)}/join-requests/${enc(requestId)}/decision`, {
    method: 'POST',
    body: { decision: d.decision, reason: d.reason ?? '' },
  });

// --- Room requests (people who may not create rooms) ---
export const listRoomRequests = (signal?: AbortSignal) =>
  data(api<ApiData<RoomRequestDTO[]>>('/api/room-requests', { signal }));
export const createRoomRequest = (input: RoomRequestInput) =>
  data(api<ApiData<RoomRequestDTO>>('/api/room-requests', { method: 'POST', body: { ...input } }));
export const decideRoomRequest = (requestId: string, d: Decision) =>
  data(
    api<ApiData<RoomRequestDTO>>(`/api/room-requests/${enc(requestId)}/decision`, {
      method: 'POST',
      body: { decision: d.decision, reason: d.reason ?? '' },
    }),
  );
