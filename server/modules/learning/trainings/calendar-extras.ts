import { courseById } from '../courses/course-index';
import { registrationIndex } from './registration-index';
import { sessionById } from './session-index';

export interface TrainingDay {
  registrationId: string;
  courseId: string;
  title: string;
  date: string;
  start: string;
  end: string;
}

/**
 * Confirmed training days of these people within [from, to] (for the leave card's team
 * calendar), by person. From memory only. The caller hides the title where it must.
 */
export async function trainingDaysFor(
  personIds: string[],
  from: string,
  to: string,
): Promise<Map<string, TrainingDay[]>> {
  const index = await registrationIndex();
  const out = new Map<string, TrainingDay[]>();
  for (const personId of personIds) {
    for (const r of index.byPerson(personId)) {
      if (r.status !== 'confirmed') continue;
      const session = await sessionById(r.sessionId);
      if (!session || session.cancelledAt || session.to < from || session.from > to) continue;
      const title = (await courseById(r.courseId))?.title ?? '';
      for (const d of session.days) {
        if (d.date < from || d.date > to) continue;
        const list = out.get(personId) ?? [];
        list.push({ registrationId: r.id, courseId: r.courseId, title, ...d });
        out.set(personId, list);
      }
    }
  }
  for (const list of out.values())
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : 1));
  return out;
}
