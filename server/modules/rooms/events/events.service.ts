import type { z } from 'zod';
import type { AttendanceAnswer, eventCreateSchema, eventUpdateSchema } from '@shared/rooms/schemas';
import type { AttendeeDTO, RoomEventDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { requireRoom, type RoomAccess } from '../access';
import { RoomEventModel, type RoomEventDoc } from './event.model';
import { eventCache, eventLock, patchCachedEvent, toRow, type EventRow } from './event-cache';
import { eventAbilities, isPast, selectEvents } from './events.policy';
import {
  presentAttendees,
  presentEvent,
  presentEvents,
  personRefs,
  type EventViewer,
} from './events.presenter';
import { writeRoomIcs, type RoomIcsEvent } from './ics';

type Actor = Pick<CurrentUser, 'id' | 'roles'>;
type EventCreate = z.infer<typeof eventCreateSchema>;
type EventUpdate = z.infer<typeof eventUpdateSchema>;

const reused = () => new HttpError(409, 'client_id_reused', 'This id belongs to another event.');
const stale = () => new HttpError(409, 'stale_copy', 'The event was changed meanwhile.');
const over = () => new HttpError(409, 'invalid_transition', 'The event is over.');
const fieldError = (path: string, code: string) =>
  badRequest('Invalid input.', [{ path, code, message: code }]);

const viewerOf = (user: Actor, access: RoomAccess): EventViewer => ({
  id: user.id,
  abilities: access.abilities,
  isMember: (personId) => access.room.members.has(personId),
  now: new Date(),
});

async function presentOne(user: Actor, access: RoomAccess, row: EventRow) {
  return presentEvent(row, viewerOf(user, access), await personRefs([row.createdBy]));
}

async function findEvent(roomId: string, eventId: string): Promise<EventRow> {
  const id = eventId.toLowerCase();
  const row = (await eventCache.get(roomId)).find((r) => r.id === id);
  if (!row) throw notFound();
  return row;
}

const DAY = 86_400_000;
/**
 * Start and exclusive end as stored. All-day events keep the calendar days as written (the date
 * part of the client's local date-time): midnight UTC of the first day up to midnight UTC after
 * the last day, so every time zone shows the same days.
 */
export function eventTimes(input: { start: string; end: string; allDay: boolean }) {
  if (!input.allDay) return { start: new Date(input.start), end: new Date(input.end) };
  const start = new Date(`${input.start.slice(0, 10)}T00:00:00Z`);
  const end = new Date(new Date(`${input.end.slice(0, 10)}T00:00:00Z`).getTime() + DAY);
  return { start, end };
}

function checkTimes(times: { start: Date; end: Date }) {
  if (times.end.getTime() <= times.start.getTime()) throw fieldError('end', 'end_not_after_start');
}

function publish(
  roomId: string,
  actorId: string,
  itemId: string,
  kind: 'created' | 'updated' | 'deleted',
) {
  events.publish('rooms.content_changed', {
    roomId,
    actorId,
    module: 'event',
    itemId,
    kind,
    activity: kind === 'created',
  });
}

/** Upcoming events (soonest first) or the latest 50 past ones. */
export async function listEvents(
  user: Actor,
  roomId: string,
  past: boolean,
): Promise<RoomEventDTO[]> {
  const access = await requireRoom(user, roomId, 'read', 'events');
  const viewer = viewerOf(user, access);
  return presentEvents(selectEvents(await eventCache.get(roomId), past, viewer.now), viewer);
}

export async function getEvent(user: Actor, roomId: string, eventId: string) {
  const access = await requireRoom(user, roomId, 'read', 'events');
  return presentOne(user, access, await findEvent(roomId, eventId));
}

/** Idempotent by the client's UUID: a retry by the same person returns the stored event. */
export async function createEvent(
  user: Actor,
  roomId: string,
  data: EventCreate,
): Promise<{ event: RoomEventDTO; created: boolean }> {
  const id = data.id.toLowerCase();
  const access = await requireRoom(user, roomId, 'contribute', 'events');
  const again = async () => {
    const known = (await eventCache.get(roomId)).find((r) => r.id === id);
    if (!known || known.createdBy !== user.id) throw reused();
    return { event: await presentOne(user, access, known), created: false };
  };
  if ((await eventCache.get(roomId)).some((r) => r.id === id)) return again();
  const times = eventTimes(data);
  checkTimes(times);
  const row = await withKeyLock(eventLock(roomId), async () => {
    try {
      const doc = await RoomEventModel.create({
        _id: id,
        roomId,
        title: data.title,
        description: data.description,
        ...times,
        allDay: data.allDay,
        place: data.place,
        videoUrl: data.videoUrl,
        createdBy: user.id,
        attendance: {},
      });
      const created = toRow(doc.toObject() as RoomEventDoc);
      await patchCachedEvent(roomId, id, created);
      return created;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return null;
      throw err;
    }
  });
  if (!row) return again();
  publish(roomId, user.id, id, 'created');
  return { event: await presentOne(user, access, row), created: true };
}

/** Creator or moderators; rev-guarded. */
export async function updateEvent(
  user: Actor,
  roomId: string,
  eventId: string,
  patch: EventUpdate,
): Promise<RoomEventDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'events');
  const row = await withKeyLock(eventLock(roomId), async () => {
    const current = await findEvent(roomId, eventId);
    if (!eventAbilities(access.abilities, user.id, current, new Date()).edit) throw forbidden();
    if (current.rev !== patch.rev) throw stale();
    const allDay = patch.allDay ?? current.allDay;
    const times =
      patch.start !== undefined || patch.end !== undefined || patch.allDay !== undefined
        ? eventTimes({
            start: patch.start ?? current.start.toISOString(),
            // An all-day event's stored end is exclusive: its last day is the day before.
            end:
              patch.end ??
              new Date(current.end.getTime() - (current.allDay ? DAY : 0)).toISOString(),
            allDay,
          })
        : { start: current.start, end: current.end };
    checkTimes(times);
    const set = {
      title: patch.title ?? current.title,
      description: patch.description ?? current.description,
      place: patch.place ?? current.place,
      videoUrl: patch.videoUrl !== undefined ? patch.videoUrl : current.videoUrl,
      allDay,
      ...times,
      rev: current.rev + 1,
    };
    const res = await RoomEventModel.updateOne(
      { _id: current.id, rev: current.rev, deletedAt: null },
      { $set: set },
    );
    if (res.matchedCount === 0) {
      eventCache.invalidate(roomId); // another instance wrote: reload on next use
      throw stale();
    }
    const next: EventRow = { ...current, ...set, updatedAt: new Date() };
    await patchCachedEvent(roomId, current.id, next);
    return next;
  });
  publish(roomId, user.id, row.id, 'updated');
  return presentOne(user, access, row);
}

/** Creator or moderators; rev-guarded; kept as a tombstone (`deletedAt`). */
export async function deleteEvent(user: Actor, roomId: string, eventId: string, rev: number) {
  const access = await requireRoom(user, roomId, 'contribute', 'events');
  const id = await withKeyLock(eventLock(roomId), async () => {
    const current = await findEvent(roomId, eventId);
    if (!eventAbilities(access.abilities, user.id, current, new Date()).delete) throw forbidden();
    if (current.rev !== rev) throw stale();
    const res = await RoomEventModel.updateOne(
      { _id: current.id, rev, deletedAt: null },
      { $set: { deletedAt: new Date(), deletedBy: user.id, rev: rev + 1 } },
    );
    if (res.matchedCount === 0) {
      eventCache.invalidate(roomId);
      throw stale();
    }
    await patchCachedEvent(roomId, current.id, null);
    return current.id;
  });
  publish(roomId, user.id, id, 'deleted');
}

/** My answer (set semantics: repeating it changes nothing). Members only, not after the event. */
export async function setAttendance(
  user: Actor,
  roomId: string,
  eventId: string,
  answer: AttendanceAnswer,
): Promise<RoomEventDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'events');
  const { row, changed } = await withKeyLock(eventLock(roomId), async () => {
    const current = await findEvent(roomId, eventId);
    if (isPast(current, new Date())) throw over();
    if (current.attendance[user.id] === answer) return { row: current, changed: false };
    const res = await RoomEventModel.updateOne(
      { _id: current.id },
      { $set: { [`attendance.${user.id}`]: answer } },
    );
    if (res.matchedCount === 0) {
      eventCache.invalidate(roomId);
      throw notFound();
    }
    const next: EventRow = { ...current, attendance: { ...current.attendance, [user.id]: answer } };
    await patchCachedEvent(roomId, current.id, next);
    return { row: next, changed: true };
  });
  if (changed) publish(roomId, user.id, row.id, 'updated');
  return presentOne(user, access, row);
}

export async function listAttendees(
  user: Actor,
  roomId: string,
  eventId: string,
): Promise<AttendeeDTO[]> {
  const access = await requireRoom(user, roomId, 'read', 'events');
  const row = await findEvent(roomId, eventId);
  return presentAttendees(row, (id) => access.room.members.has(id));
}

const icsOf = (row: EventRow): RoomIcsEvent => ({
  uid: `${row.id}@staff-portal`,
  summary: row.title,
  description: row.description,
  stamp: row.updatedAt,
  start: row.start,
  end: row.end,
  allDay: row.allDay,
  location: row.place,
  url: row.videoUrl,
});

/** One event as iCalendar, with the file name to offer. */
export async function eventIcs(user: Actor, roomId: string, eventId: string) {
  const access = await requireRoom(user, roomId, 'read', 'events');
  const row = await findEvent(roomId, eventId);
  return { body: writeRoomIcs({ name: access.room.name, events: [icsOf(row)] }), name: row.title };
}

/** Every upcoming event of the room as iCalendar. */
export async function roomIcs(user: Actor, roomId: string) {
  const access = await requireRoom(user, roomId, 'read', 'events');
  const rows = selectEvents(await eventCache.get(roomId), false, new Date());
  return {
    body: writeRoomIcs({ name: access.room.name, events: rows.map(icsOf) }),
    name: access.room.name,
  };
}
