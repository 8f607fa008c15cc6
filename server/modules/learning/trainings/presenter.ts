import type { PersonRef } from '@shared/people/types';
import type { RegistrationDTO, SessionDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { approverInfos } from '../../leave/approver';
import { courseById } from '../courses/course-index';
import type { CourseAccess } from '../access';
import { registrationFacts } from './facts';
import { isActive, registrationIndex, seatState, type RegistrationRow } from './registration-index';
import {
  canSeeParticipants,
  isHr,
  isTrainerOf,
  needsHr,
  registerRefusal,
  registrationAbilities,
  sessionAbilities,
} from './registration.policy';
import { sessionById, type SessionRow } from './session-index';

async function refs(ids: Iterable<string | null | undefined>): Promise<Map<string, PersonRef>> {
  const list = [...new Set([...ids].filter((i): i is string => !!i))];
  return new Map(
    (await peopleFromDirectory(list)).map((p) => [String(p._id), presentPersonRef(p)]),
  );
}

/** Registrations as DTOs (one batch of directory and approver look-ups). */
export async function presentRegistrations(
  rows: RegistrationRow[],
  viewer: CurrentUser,
  today: string,
): Promise<RegistrationDTO[]> {
  const facts = await registrationFacts(rows, today);
  const people = await refs(
    rows.flatMap((r) => [
      r.personId,
      facts.get(r.id)?.effective,
      ...r.doc.history.map((h) => (h.actorId ? String(h.actorId) : null)),
    ]),
  );
  const index = await registrationIndex();
  const out: RegistrationDTO[] = [];
  for (const r of rows) {
    const f = facts.get(r.id);
    const person = people.get(r.personId);
    if (!f || !person) continue;
    const [session, course] = await Promise.all([sessionById(r.sessionId), courseById(r.courseId)]);
    const seatsNow = seatState(index.bySession(r.sessionId));
    const position =
      r.status === 'waitlisted' ? seatsNow.waitlist.findIndex((w) => w.id === r.id) + 1 : 0;
    out.push({
      id: r.id,
      sessionId: r.sessionId,
      courseId: r.courseId,
      courseTitle: course?.title ?? '',
      person,
      status: r.status,
      waitlistPosition: position > 0 ? position : null,
      note: r.doc.note ?? '',
      approver: (f.effective && people.get(f.effective)) || null,
      days: session?.days ?? [],
      // What the deciders weigh (the inbox shows cost and fill).
      costCents: course?.costCents ?? 0,
      seats: {
        seats: session?.seats ?? null,
        taken: seatsNow.confirmed.length,
        waitlisted: seatsNow.waitlist.length,
      },
      createdAt: r.createdAt.toISOString(),
      updatedAt: new Date(r.doc.updatedAt ?? r.createdAt).toISOString(),
      history: r.doc.history.map((h) => ({
        at: new Date(h.at).toISOString(),
        actor: (h.actorId && people.get(String(h.actorId))) || null,
        action: h.action,
        from: (h.from ?? null) as RegistrationDTO['status'] | null,
        to: h.to as RegistrationDTO['status'],
        reason: h.reason ?? '',
      })),
      rev: r.rev,
      abilities: registrationAbilities(viewer, f),
    });
  }
  return out;
}

export async function presentRegistration(
  row: RegistrationRow,
  viewer: CurrentUser,
  today: string,
) {
  const [dto] = await presentRegistrations([row], viewer, today);
  if (!dto) throw new Error('registration without a person');
  return dto;
}

/** The viewer's newest registration of a session (active ones first). */
export function myRegistrationOf(
  rows: RegistrationRow[],
  personId: string,
): RegistrationRow | null {
  const mine = rows
    .filter((r) => r.personId === personId)
    .sort(
      (a, b) =>
        Number(isActive(b.status)) - Number(isActive(a.status)) ||
        b.createdAt.getTime() - a.createdAt.getTime(),
    );
  return mine[0] ?? null;
}

/** Sessions of one course as DTOs; `onlineUrl` only for confirmed participants, trainers, HR. */
export async function presentSessions(
  sessions: SessionRow[],
  viewer: CurrentUser,
  access: CourseAccess,
  today: string,
): Promise<SessionDTO[]> {
  const index = await registrationIndex();
  const trainers = await refs(sessions.flatMap((s) => s.trainerIds));
  const mine = sessions
    .map((s) => myRegistrationOf(index.bySession(s.id), viewer.id))
    .filter((r): r is RegistrationRow => r !== null);
  const myDtos = new Map(
    (await presentRegistrations(mine, viewer, today)).map((d) => [d.sessionId, d]),
  );
  // Who decides my manager step (the register dialog names them); null = no manager step.
  const approverId = (await approverInfos([viewer.id], today)).get(viewer.id)?.effective ?? null;
  const myApprover = approverId ? ((await refs([approverId])).get(approverId) ?? null) : null;
  return sessions.map((s) => {
    const { confirmed, waitlist } = seatState(index.bySession(s.id));
    const my = myDtos.get(s.id) ?? null;
    const facts = { courseTrainerIds: access.course.trainerIds, sessionTrainerIds: s.trainerIds };
    const refusal = registerRefusal(viewer, {
      ...facts,
      courseViewable: access.abilities.view,
      kind: access.course.kind,
      coursePublished: access.course.status === 'published',
      cancelled: s.cancelledAt !== null,
      registrationUntil: s.registrationUntil,
      firstDay: s.from,
      today,
    });
    const seeUrl = isHr(viewer) || isTrainerOf(viewer, facts) || my?.status === 'confirmed';
    return {
      id: s.id,
      courseId: s.courseId,
      courseTitle: access.course.title,
      days: s.days,
      format: s.format,
      place: s.place,
      onlineUrl: seeUrl ? s.onlineUrl : null,
      seats: s.seats,
      taken: confirmed.length,
      waitlisted: waitlist.length,
      trainers: s.trainerIds.flatMap((id) => trainers.get(id) ?? []),
      registrationUntil: s.registrationUntil,
      cancelled: s.cancelledAt !== null,
      needsHr: needsHr(access.course, s),
      myRegistration: my,
      myApprover,
      rev: s.rev,
      abilities: sessionAbilities(viewer, {
        ...facts,
        manageSessions: access.abilities.manageSessions,
        cancelled: s.cancelledAt !== null,
        mayRegister: refusal === null && !(my && isActive(my.status)),
      }),
    };
  });
}

export { canSeeParticipants };
