import type { Response } from 'express';
import { z } from 'zod';
import {
  attendanceSchema,
  eventCreateSchema,
  eventListQuerySchema,
  eventParams,
  eventUpdateSchema,
  roomIdParams,
} from '@shared/rooms/schemas';
import { defineRoute, type RouteDef } from '../../../lib/route';
import { contentDisposition } from '../../../lib/files/headers';
import {
  createEvent,
  deleteEvent,
  eventIcs,
  listAttendees,
  listEvents,
  roomIcs,
  setAttendance,
  updateEvent,
} from './events.service';

const tag = 'rooms';
const base = '/api/rooms/:roomId';
const noQuery = z.object({}).strict();
const deleteQuery = z.object({ rev: z.coerce.number().int().min(0) }).strict();
const eventPath = `${base}/events/:eventId`;

const sendIcs = (res: Response, ics: { body: string; name: string }) => {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', contentDisposition(`${ics.name}.ics`, 'attachment'));
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(ics.body);
  return undefined;
};

/** Events of a team room: dates, attendance, ICS export (members only; module `events`). */
export const roomEventRoutes: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: `${base}/events.ics`,
    tag,
    summary: 'Every upcoming event of the room as iCalendar (download)',
    access: 'user',
    raw: true,
    params: roomIdParams,
    query: noQuery,
    handler: async ({ user, params, res }) => sendIcs(res, await roomIcs(user, params.roomId)),
  }),
  defineRoute({
    method: 'get',
    path: `${base}/events`,
    tag,
    summary: 'Upcoming events (soonest first) or, with past=true, the latest 50 past ones',
    access: 'user',
    params: roomIdParams,
    query: eventListQuerySchema,
    handler: async ({ user, params, query }) => ({
      data: await listEvents(user, params.roomId, query.past === 'true'),
    }),
  }),
  defineRoute({
    method: 'post',
    path: `${base}/events`,
    tag,
    summary: 'Create an event (members; idempotent by the client UUID: a retry answers 200)',
    access: 'user',
    params: roomIdParams,
    body: eventCreateSchema,
    handler: async ({ user, params, body, res }) => {
      const { event, created } = await createEvent(user, params.roomId, body);
      res.status(created ? 201 : 200);
      return { data: event };
    },
  }),
  defineRoute({
    method: 'patch',
    path: eventPath,
    tag,
    summary: 'Change an event (creator or moderators; rev-guarded)',
    access: 'user',
    params: eventParams,
    body: eventUpdateSchema,
    handler: async ({ user, params, body }) => ({
      data: await updateEvent(user, params.roomId, params.eventId, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: eventPath,
    tag,
    summary: 'Delete an event (creator or moderators; rev-guarded by ?rev=)',
    access: 'user',
    params: eventParams,
    query: deleteQuery,
    handler: async ({ user, params, query, res }) => {
      await deleteEvent(user, params.roomId, params.eventId, query.rev);
      res.status(204).end();
      return undefined;
    },
  }),
  defineRoute({
    method: 'put',
    path: `${eventPath}/attendance`,
    tag,
    summary: 'My answer yes/no/maybe (members; not after the event; repeating it changes nothing)',
    access: 'user',
    params: eventParams,
    body: attendanceSchema,
    handler: async ({ user, params, body }) => ({
      data: await setAttendance(user, params.roomId, params.eventId, body.answer),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${eventPath}/attendees`,
    tag,
    summary: 'Answers of the current members',
    access: 'user',
    params: eventParams,
    query: noQuery,
    handler: async ({ user, params }) => ({
      data: await listAttendees(user, params.roomId, params.eventId),
    }),
  }),
  defineRoute({
    method: 'get',
    path: `${eventPath}/ics`,
    tag,
    summary: 'One event as iCalendar (download)',
    access: 'user',
    raw: true,
    params: eventParams,
    query: noQuery,
    handler: async ({ user, params, res }) =>
      sendIcs(res, await eventIcs(user, params.roomId, params.eventId)),
  }),
];
