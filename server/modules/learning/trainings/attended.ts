import { todayInBerlin } from '../../leave/holidays';
import { courseById } from '../courses/course-index';
import { registrationIndex } from './registration-index';
import { sessionById } from './session-index';

/**
 * Trainings a person attended: confirmed registrations whose session's last day is before today
 * (a training course counts as completed for them). For the training record and compliance.
 */
export async function attendedTrainings(
  personId: string,
  today = todayInBerlin(),
): Promise<{ courseId: string; title: string; date: string }[]> {
  const out: { courseId: string; title: string; date: string }[] = [];
  for (const r of (await registrationIndex()).byPerson(personId)) {
    if (r.status !== 'confirmed') continue;
    const session = await sessionById(r.sessionId);
    if (!session || session.cancelledAt || !session.to || session.to >= today) continue;
    const course = await courseById(r.courseId);
    out.push({ courseId: r.courseId, title: course?.title ?? '', date: session.to });
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** A person's confirmed sessions from today on (the start page widget), soonest first. */
export async function upcomingSessionsOf(
  personId: string,
  today = todayInBerlin(),
): Promise<{ id: string; courseId: string; title: string; date: string; start: string }[]> {
  const out: { id: string; courseId: string; title: string; date: string; start: string }[] = [];
  for (const r of (await registrationIndex()).byPerson(personId)) {
    if (r.status !== 'confirmed') continue;
    const session = await sessionById(r.sessionId);
    if (!session || session.cancelledAt || session.to < today) continue;
    const next = session.days.find((d) => d.date >= today) ?? session.days[0];
    if (!next) continue;
    const course = await courseById(r.courseId);
    out.push({
      id: session.id,
      courseId: r.courseId,
      title: course?.title ?? '',
      date: next.date,
      start: next.start,
    });
  }
  return out.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : 1,
  );
}
