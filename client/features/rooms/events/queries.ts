import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiData } from '@shared/http/errors';
import type { AttendanceAnswer, EventCreateInput } from '@shared/rooms/schemas';
import type { AttendeeDTO, RoomEventDTO } from '@shared/rooms/types';
import { api } from '../../../lib/api';
import { roomKeys } from '../keys';

/** REST of a room's events and the hooks on `roomKeys.events|allEvents|attendees`. */
const enc = encodeURIComponent;
export const eventsPath = (roomId: string) => `/api/rooms/${enc(roomId)}/events`;
const eventPath = (roomId: string, id: string) => `${eventsPath(roomId)}/${enc(id)}`;
/** Download links (the session cookie authorises them). */
export const roomIcsUrl = (roomId: string) => `/api/rooms/${enc(roomId)}/events.ics`;
export const eventIcsUrl = (roomId: string, id: string) => `${eventPath(roomId, id)}/ics`;

export interface EventUpdateInput {
  rev: number;
  title?: string;
  description?: string;
  start?: string;
  end?: string;
  allDay?: boolean;
  place?: string;
  videoUrl?: string | null;
}

const data = <T>(p: Promise<ApiData<T>>) => p.then((r) => r.data);

export const eventsQuery = (roomId: string, past: boolean) =>
  queryOptions({
    queryKey: roomKeys.events(roomId, past),
    queryFn: ({ signal }) =>
      data(api<ApiData<RoomEventDTO[]>>(eventsPath(roomId), { query: { past }, signal })),
    // `rooms:content` invalidates these keys, so they may stay a while.
    staleTime: 60_000,
  });

export const useEvents = (roomId: string, past: boolean) => useQuery(eventsQuery(roomId, past));

export const useAttendees = (roomId: string, eventId: string | null) =>
  useQuery({
    queryKey: roomKeys.attendees(roomId, eventId ?? ''),
    queryFn: ({ signal }) =>
      data(
        api<ApiData<AttendeeDTO[]>>(`${eventPath(roomId, eventId ?? '')}/attendees`, { signal }),
      ),
    enabled: !!eventId,
  });

/** Puts a changed event into the cached lists it is in (counts and answers without a refetch). */
function useReplaceEvent(roomId: string) {
  const qc = useQueryClient();
  return (event: RoomEventDTO) => {
    for (const past of [false, true]) {
      qc.setQueryData<RoomEventDTO[]>(roomKeys.events(roomId, past), (list) =>
        list?.map((e) => (e.id === event.id ? event : e)),
      );
    }
  };
}

export function useCreateEvent(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EventCreateInput) =>
      data(api<ApiData<RoomEventDTO>>(eventsPath(roomId), { method: 'POST', body: { ...input } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: roomKeys.allEvents(roomId) }),
  });
}

export function useUpdateEvent(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: EventUpdateInput & { id: string }) =>
      data(
        api<ApiData<RoomEventDTO>>(eventPath(roomId, id), { method: 'PATCH', body: { ...patch } }),
      ),
    // A new time can move it between upcoming and past and change the order: refetch.
    onSettled: () => qc.invalidateQueries({ queryKey: roomKeys.allEvents(roomId) }),
  });
}

export function useDeleteEvent(roomId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, rev }: { id: string; rev: number }) =>
      api<void>(eventPath(roomId, id), { method: 'DELETE', query: { rev } }),
    onSettled: () => qc.invalidateQueries({ queryKey: roomKeys.allEvents(roomId) }),
  });
}

export function useAnswer(roomId: string) {
  const qc = useQueryClient();
  const replace = useReplaceEvent(roomId);
  return useMutation({
    // One answer at a time per room, in the order chosen (arrow keys can choose quickly).
    scope: { id: `room-attendance:${roomId}` },
    mutationFn: ({ id, answer }: { id: string; answer: AttendanceAnswer }) =>
      data(
        api<ApiData<RoomEventDTO>>(`${eventPath(roomId, id)}/attendance`, {
          method: 'PUT',
          body: { answer },
        }),
      ),
    onSuccess: (event) => {
      replace(event);
      void qc.invalidateQueries({ queryKey: roomKeys.attendees(roomId, event.id) });
    },
  });
}
