import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';
import type { PersonRef } from '@shared/people/types';

export const ref = (id: string, displayName: string): PersonRef => ({
  id,
  displayName,
  position: null,
  unitId: null,
  initials: displayName.slice(0, 2).toUpperCase(),
  photoUrl: null,
});

export const registration = (over: Partial<RegistrationDTO> = {}): RegistrationDTO => ({
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  sessionId: '64b0000000000000000000a1',
  courseId: '64b0000000000000000000c1',
  courseTitle: 'Erste Hilfe',
  person: ref('64b000000000000000000001', 'Erika Muster'),
  status: 'pending_manager',
  waitlistPosition: null,
  note: '',
  approver: ref('64b000000000000000000002', 'Max Manager'),
  days: [{ date: '2026-03-02', start: '09:00', end: '16:00' }],
  createdAt: '2026-02-01T10:00:00.000Z',
  updatedAt: '2026-02-01T10:00:00.000Z',
  history: [],
  rev: 0,
  abilities: { decide: false, cancel: true },
  ...over,
});

export const session = (over: Partial<SessionDTO> = {}): SessionDTO => ({
  id: '64b0000000000000000000a1',
  courseId: '64b0000000000000000000c1',
  courseTitle: 'Erste Hilfe',
  days: [{ date: '2026-03-02', start: '09:00', end: '16:00' }],
  format: 'classroom',
  place: 'Rathaus, Raum 101',
  onlineUrl: null,
  seats: 12,
  taken: 7,
  waitlisted: 0,
  trainers: [],
  registrationUntil: '2026-03-01',
  cancelled: false,
  needsHr: true,
  myRegistration: null,
  rev: 0,
  abilities: { register: true, edit: false, cancel: false, seeParticipants: false },
  ...over,
});
