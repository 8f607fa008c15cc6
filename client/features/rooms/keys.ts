import type { RoomListQuery } from '@shared/rooms/schemas';

/**
 * Query keys of team rooms (one factory: socket invalidations and mutations hit the same keys).
 * Helpers add keys additively. Everything of one room hangs under `room(roomId)`, so access loss
 * removes it in one call.
 */
export const roomKeys = {
  all: ['rooms'] as const,
  lists: () => [...roomKeys.all, 'list'] as const,
  list: (q: Partial<RoomListQuery>) => [...roomKeys.lists(), q] as const,
  requests: () => [...roomKeys.all, 'room-requests'] as const,
  room: (roomId: string) => [...roomKeys.all, 'room', roomId] as const,
  /** The room's own DTO (header, abilities); under `room(id)` so access loss removes it too. */
  detail: (roomId: string) => [...roomKeys.room(roomId), 'detail'] as const,
  members: (roomId: string) => [...roomKeys.room(roomId), 'members'] as const,
  joinRequests: (roomId: string) => [...roomKeys.room(roomId), 'join-requests'] as const,
  feed: (roomId: string) => [...roomKeys.room(roomId), 'feed'] as const,
  post: (roomId: string, postId: string) => [...roomKeys.feed(roomId), 'post', postId] as const,
  files: (roomId: string, folderId: string | null) =>
    [...roomKeys.room(roomId), 'files', folderId ?? 'root'] as const,
  allFiles: (roomId: string) => [...roomKeys.room(roomId), 'files'] as const,
  events: (roomId: string, past: boolean) =>
    [...roomKeys.room(roomId), 'events', past ? 'past' : 'upcoming'] as const,
  allEvents: (roomId: string) => [...roomKeys.room(roomId), 'events'] as const,
  attendees: (roomId: string, eventId: string) =>
    [...roomKeys.allEvents(roomId), 'attendees', eventId] as const,
  tasks: (roomId: string) => [...roomKeys.room(roomId), 'tasks'] as const,
};
