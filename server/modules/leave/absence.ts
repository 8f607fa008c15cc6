import { addDays } from '@shared/leave/days';
import { peopleFromDirectory } from '../people/directory-index';
import { leaveIndex } from './request-index';

/**
 * Approved leave (or leave whose cancellation is still undecided) covering `today`: "on leave
 * until …, deputy …". Back-to-back requests join (the last day of the chain is `until`). The
 * deputy named in the request wins over the person's standing deputy (`person.deputyId`).
 */
export async function absenceOf(
  personId: string,
  today: string,
): Promise<{ until: string; deputyId: string | null } | null> {
  const rows = (await leaveIndex())
    .byPerson(personId)
    .filter((r) => r.status === 'approved' || r.status === 'cancel_requested')
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  const current = rows.find((r) => r.from <= today && r.to >= today);
  if (!current) return null;
  let until = current.to;
  for (const r of rows) {
    if (r.from > until && r.from <= nextDay(until)) until = r.to > until ? r.to : until;
  }
  if (current.deputyId) return { until, deputyId: current.deputyId };
  const [person] = await peopleFromDirectory([personId]);
  return { until, deputyId: person?.deputyId ? String(person.deputyId) : null };
}

const nextDay = (d: string) => addDays(d, 1);
