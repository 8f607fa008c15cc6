import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  RoomCreateInput,
  RoomInviteInput,
  RoomRole,
  RoomUpdateInput,
} from '@shared/rooms/schemas';
import type { RoomDTO } from '@shared/rooms/types';
import {
  archiveRoom,
  changeMemberRole,
  createRoom,
  createRoomRequest,
  decideJoinRequest,
  decideRoomRequest,
  deleteRoomImage,
  getRoom,
  inviteMembers,
  joinRoom,
  leaveRoom,
  listJoinRequests,
  listMembers,
  listRoomRequests,
  listRooms,
  markRoomSeen,
  removeMember,
  requestJoin,
  restoreRoom,
  updateRoom,
  uploadRoomImage,
  withdrawJoinRequest,
  type Decision,
  type RoomListParams,
  type RoomRequestInput,
} from './api';
import { roomKeys } from './keys';

// --- Queries (socket events invalidate the same keys, see realtime.ts) ---

export const roomQuery = (id: string) =>
  queryOptions({
    queryKey: roomKeys.detail(id),
    queryFn: ({ signal }) => getRoom(id, signal),
    staleTime: 30_000,
    // 404/403 are answers, not hiccups.
    retry: false,
  });
export const useRoom = (id: string) => useQuery(roomQuery(id));

/** A list of rooms with "load more" (`scope` mine or discover, filters, search). */
export const useRoomList = (q: RoomListParams, enabled = true) =>
  useInfiniteQuery({
    queryKey: roomKeys.list(q),
    queryFn: ({ pageParam, signal }) => listRooms(q, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled,
  });

export const useRoomMembers = (roomId: string, q: string, enabled = true) =>
  useInfiniteQuery({
    queryKey: [...roomKeys.members(roomId), q] as const,
    queryFn: ({ pageParam, signal }) => listMembers(roomId, { q, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });

export const useJoinRequests = (roomId: string, enabled = true) =>
  useQuery({
    queryKey: roomKeys.joinRequests(roomId),
    queryFn: ({ signal }) => listJoinRequests(roomId, signal),
    enabled,
  });

export const useRoomRequests = () =>
  useQuery({
    queryKey: roomKeys.requests(),
    queryFn: ({ signal }) => listRoomRequests(signal),
  });

// --- Cache helpers ---

/** A fresh room DTO from a write: into its detail, lists refetch. */
export function putRoom(qc: QueryClient, room: RoomDTO): void {
  qc.setQueryData(roomKeys.detail(room.id), room);
  void qc.invalidateQueries({ queryKey: roomKeys.lists() });
}

/** After a membership change of the viewer: room, its members and every list. */
function refreshRoom(qc: QueryClient, roomId: string) {
  void qc.invalidateQueries({ queryKey: roomKeys.room(roomId) });
  void qc.invalidateQueries({ queryKey: roomKeys.lists() });
}

// --- Mutations ---

export function useCreateRoom() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RoomCreateInput) => createRoom(input),
    onSuccess: (room) => putRoom(qc, room),
  });
}

export function useCreateRoomRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RoomRequestInput) => createRoomRequest(input),
    onSuccess: () => qc.invalidateQueries({ queryKey: roomKeys.requests() }),
  });
}

export function useDecideRoomRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...d }: Decision & { requestId: string }) =>
      decideRoomRequest(requestId, d),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: roomKeys.requests() });
      void qc.invalidateQueries({ queryKey: roomKeys.lists() });
    },
  });
}

export function useUpdateRoom(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RoomUpdateInput) => updateRoom(roomId, input),
    onSuccess: (room) => putRoom(qc, room),
  });
}

export function useArchiveRoom(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ archive, rev }: { archive: boolean; rev: number }) =>
      archive ? archiveRoom(roomId, rev) : restoreRoom(roomId, rev),
    onSuccess: (room) => putRoom(qc, room),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useRoomImage(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) =>
      file ? uploadRoomImage(roomId, file) : deleteRoomImage(roomId),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useMarkSeen() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (roomId: string) => markRoomSeen(roomId),
    onSuccess: (_r, roomId) => {
      qc.setQueryData<RoomDTO>(roomKeys.detail(roomId), (old) =>
        old ? { ...old, unread: 0 } : old,
      );
      void qc.invalidateQueries({ queryKey: roomKeys.lists() });
    },
  });
}

export function useJoinRoom(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => joinRoom(roomId),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useLeaveRoom(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => leaveRoom(roomId),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useRequestJoin(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (message: string) => requestJoin(roomId, message),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useWithdrawJoinRequest(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawJoinRequest(roomId),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useInviteMembers(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RoomInviteInput) => inviteMembers(roomId, input),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useChangeMemberRole(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, role }: { personId: string; role: RoomRole }) =>
      changeMemberRole(roomId, personId, role),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useRemoveMember(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => removeMember(roomId, personId),
    onSettled: () => refreshRoom(qc, roomId),
  });
}

export function useDecideJoinRequest(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, ...d }: Decision & { requestId: string }) =>
      decideJoinRequest(roomId, requestId, d),
    onSettled: () => refreshRoom(qc, roomId),
  });
}
