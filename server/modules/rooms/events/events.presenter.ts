import type { PersonRef } from '@shared/people/types';
import type { AttendeeDTO, RoomAbilities, RoomEventDTO } from '@shared/rooms/types';
import { attendanceAnswers } from '@shared/rooms/schemas';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { initials } from '../../../lib/text';
import type { EventRow } from './event-cache';
import { countAttendance, eventAbilities } from './events.policy';

/** Someone no longer in the directory still shows as the creator. */
const unknownPerson = (id: string): PersonRef => ({
  id,
  displayName: '—',
  position: null,
  unitId: null,
  initials: initials('?'),
  photoUrl: null,
});

export async function personRefs(ids: Iterable<string>): Promise<Map<string, PersonRef>> {
  const people = await peopleFromDirectory([...new Set(ids)]);
  return new Map(people.map((p) => [String(p._id), presentPersonRef(p)]));
}

export interface EventViewer {
  id: string;
  abilities: RoomAbilities;
  isMember: (personId: string) => boolean;
  now: Date;
}

/** Explicit DTO fields; counts include current members only. */
export function presentEvent(
  row: EventRow,
  viewer: EventViewer,
  people: Map<string, PersonRef>,
): RoomEventDTO {
  const mine = row.attendance[viewer.id];
  return {
    id: row.id,
    roomId: row.roomId,
    title: row.title,
    description: row.description,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    allDay: row.allDay,
    place: row.place,
    videoUrl: row.videoUrl,
    createdBy: people.get(row.createdBy) ?? unknownPerson(row.createdBy),
    attendance: countAttendance(row.attendance, viewer.isMember),
    myAnswer: mine && viewer.isMember(viewer.id) ? mine : null,
    rev: row.rev,
    abilities: eventAbilities(viewer.abilities, viewer.id, row, viewer.now),
  };
}

export async function presentEvents(rows: EventRow[], viewer: EventViewer) {
  const people = await personRefs(rows.map((r) => r.createdBy));
  return rows.map((r) => presentEvent(r, viewer, people));
}

/** Current members' answers: yes first, then maybe, then no; by name within each. */
export async function presentAttendees(
  row: EventRow,
  isMember: (personId: string) => boolean,
): Promise<AttendeeDTO[]> {
  const entries = Object.entries(row.attendance).filter(([id]) => isMember(id));
  const people = await personRefs(entries.map(([id]) => id));
  const rank = (a: string) => ['yes', 'maybe', 'no'].indexOf(a);
  return entries
    .filter(([id]) => people.has(id))
    .map(([id, answer]) => ({ person: people.get(id) as PersonRef, answer }))
    .filter((a) => attendanceAnswers.includes(a.answer))
    .sort(
      (a, b) =>
        rank(a.answer) - rank(b.answer) ||
        a.person.displayName.localeCompare(b.person.displayName, 'de'),
    );
}
