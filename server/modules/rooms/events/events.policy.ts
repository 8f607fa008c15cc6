import { attendanceAnswers, type AttendanceAnswer } from '@shared/rooms/schemas';
import type { RoomAbilities } from '@shared/rooms/types';
import { roomItemAbilities } from '../rooms.policy';

/**
 * What the viewer may do with one event (pure; the room's abilities come from the room policy):
 * edit and delete by the creator or moderators, answers by members until the event is over.
 */
export function eventAbilities(
  room: RoomAbilities,
  viewerId: string,
  event: { createdBy: string; end: Date },
  now: Date,
): { edit: boolean; delete: boolean; answer: boolean } {
  const item = roomItemAbilities(room, viewerId, event.createdBy);
  // Unlike posts, moderators may also edit others' events (e.g. a moved meeting room).
  const edit = item.edit || (room.contribute && room.moderate);
  return { edit, delete: item.delete, answer: canAnswer(room, event, now) };
}

/** Members answer until the event is over; an archived room is read-only. */
export const canAnswer = (room: RoomAbilities, event: { end: Date }, now: Date) =>
  room.contribute && !isPast(event, now);

export const isPast = (event: { end: Date }, now: Date) => event.end.getTime() < now.getTime();

/** Answers of current members only: a removed member's answer no longer counts. */
export function countAttendance(
  attendance: Readonly<Record<string, AttendanceAnswer>>,
  isMember: (personId: string) => boolean,
): Record<AttendanceAnswer, number> {
  const counts = Object.fromEntries(attendanceAnswers.map((a) => [a, 0])) as Record<
    AttendanceAnswer,
    number
  >;
  for (const [personId, answer] of Object.entries(attendance)) {
    if (isMember(personId) && answer in counts) counts[answer] += 1;
  }
  return counts;
}

/** Upcoming (not over yet, soonest first) or past (latest first, at most `limit`). */
export function selectEvents<T extends { start: Date; end: Date; id: string }>(
  rows: readonly T[],
  past: boolean,
  now: Date,
  limit = 50,
): T[] {
  const byStart = (a: T, b: T) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id);
  if (!past) return rows.filter((r) => !isPast(r, now)).sort(byStart);
  return rows
    .filter((r) => isPast(r, now))
    .sort((a, b) => byStart(b, a))
    .slice(0, limit);
}
