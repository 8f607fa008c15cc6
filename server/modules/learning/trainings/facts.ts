import { approverInfos, type ApproverInfo } from '../../leave/approver';
import { courseById } from '../courses/course-index';
import type { RegistrationRow } from './registration-index';
import type { RegistrationFacts } from './registration.policy';
import { sessionById } from './session-index';

const NO_APPROVER: ApproverInfo = { primary: null, effective: null, chainLeaders: [] };

/** The policy facts of many registrations (approvers computed at read time, deputy rule included). */
export async function registrationFacts(
  rows: RegistrationRow[],
  today: string,
): Promise<Map<string, RegistrationFacts>> {
  const infos = await approverInfos(
    rows.map((r) => r.personId),
    today,
  );
  const out = new Map<string, RegistrationFacts>();
  for (const r of rows) {
    const [session, course] = await Promise.all([sessionById(r.sessionId), courseById(r.courseId)]);
    const info = infos.get(r.personId) ?? NO_APPROVER;
    out.set(r.id, {
      personId: r.personId,
      status: r.status,
      primary: info.primary,
      effective: info.effective,
      chainLeaders: info.chainLeaders,
      courseTrainerIds: course?.trainerIds ?? [],
      sessionTrainerIds: session?.trainerIds ?? [],
    });
  }
  return out;
}

export async function registrationFact(row: RegistrationRow, today: string) {
  return (await registrationFacts([row], today)).get(row.id) as RegistrationFacts;
}
