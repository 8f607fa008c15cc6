import type { AbsenceDTO } from '@shared/leave/types';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { absenceOf } from './absence';
import { todayInBerlin } from './holidays';

/**
 * Hand-over for profiles: "on leave until …, deputy …" for those of `personIds` on approved leave
 * today. The deputy named in the request wins; otherwise the person's standing deputy. Reads only
 * the leave and directory read models.
 */
export async function absencesOf(
  personIds: string[],
  today: string = todayInBerlin(),
): Promise<Map<string, AbsenceDTO>> {
  const out = new Map<string, AbsenceDTO>();
  const found: { personId: string; until: string; deputyId: string | null }[] = [];
  for (const personId of personIds) {
    const a = await absenceOf(personId, today);
    if (a) found.push({ personId, ...a });
  }
  if (found.length === 0) return out;
  const people = new Map(
    (await peopleFromDirectory(found.map((f) => f.personId))).map((p) => [String(p._id), p]),
  );
  const deputyIdOf = (f: (typeof found)[number]) =>
    f.deputyId ??
    (people.get(f.personId)?.deputyId ? String(people.get(f.personId)?.deputyId) : null);
  const deputies = new Map(
    (await peopleFromDirectory(found.map(deputyIdOf).filter((id): id is string => Boolean(id))))
      .filter((p) => p.active !== false)
      .map((p) => [String(p._id), p]),
  );
  for (const f of found) {
    const deputy = deputies.get(deputyIdOf(f) ?? '');
    out.set(f.personId, {
      personId: f.personId,
      until: f.until,
      deputy: deputy ? presentPersonRef(deputy) : null,
    });
  }
  return out;
}
