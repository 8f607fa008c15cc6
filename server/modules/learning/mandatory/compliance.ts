import type { ComplianceTotalsDTO } from '@shared/learning/types';
import { todayInBerlin } from '../../leave/holidays';
import { inAudience, officeOf } from '../../org/audience';
import { courseById } from '../courses/course-index';
import { completedAt, learnerIndexReady } from '../progress/learner-index';
import { registrationIndex } from '../trainings/registration-index';
import { sessionById } from '../trainings/session-index';
import {
  assignmentById,
  assignmentsGeneration,
  assignmentsReady,
  loadedOrg,
  loadedPeople,
  loadedSubject,
  type AssignmentMeta,
} from './assignment-index';

/**
 * Compliance of a mandatory assignment, computed from memory: the active people in its audience
 * (live from the org, so movers follow), done = completed the course (any version, also before
 * the assignment) or, for trainings, attended a session; open / overdue by the deadline
 * (Europe/Berlin today). Cached per assignment; invalidated by learning events and by changes of
 * the people / org read models (their row arrays are replaced on every change).
 */
export type ComplianceStatus = 'done' | 'open' | 'overdue';

export interface CompliancePerson {
  personId: string;
  unitId: string | null;
  officeId: string | null;
  status: ComplianceStatus;
  completedAt: Date | null;
}

export interface ComplianceResult {
  assignmentId: string;
  totals: ComplianceTotalsDTO;
  /** Per office id (people without a unit are only in the totals). */
  offices: Map<string, ComplianceTotalsDTO>;
  people: CompliancePerson[];
  asOf: Date;
}

// Progress / registration changes bump this (any course): cheap, and rare enough in practice.
let progressGeneration = 0;
/** Called by the compliance subscribers on progress / registration changes. */
export function invalidateCompliance(): void {
  progressGeneration += 1;
}

// Safety net for changes on other instances whose events we do not see (their learner index
// reaches us over the cluster bus, the event does not).
const MAX_AGE_MS = 60_000;

interface CacheEntry {
  key: unknown[];
  result: ComplianceResult;
}
const cache = new Map<string, CacheEntry>();

const zero = (): ComplianceTotalsDTO => ({ assigned: 0, done: 0, open: 0, overdue: 0 });

function add(t: ComplianceTotalsDTO, status: ComplianceStatus): void {
  t.assigned += 1;
  t[status] += 1;
}

/** People who attended a training course (confirmed, session over), with the last day. */
async function attendedOf(courseId: string, today: string): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (const r of (await registrationIndex()).all()) {
    if (r.courseId !== courseId || r.status !== 'confirmed') continue;
    const session = await sessionById(r.sessionId);
    if (!session || session.cancelledAt || !session.to || session.to >= today) continue;
    const at = new Date(`${session.to}T12:00:00Z`);
    const prev = out.get(r.personId);
    if (!prev || prev > at) out.set(r.personId, at);
  }
  return out;
}

/** The status of one person for an assignment (deadline inclusive). */
export const statusOf = (done: boolean, deadline: string, today: string): ComplianceStatus =>
  done ? 'done' : today > deadline ? 'overdue' : 'open';

async function compute(a: AssignmentMeta, today: string): Promise<ComplianceResult> {
  const course = await courseById(a.courseId);
  const attended = course?.kind === 'training' ? await attendedOf(a.courseId, today) : null;
  const org = loadedOrg();
  const totals = zero();
  const offices = new Map<string, ComplianceTotalsDTO>();
  const people: CompliancePerson[] = [];
  for (const row of loadedPeople()) {
    if (!row.active) continue;
    const subject = loadedSubject(row.id);
    if (!subject || !inAudience(a.audience, subject)) continue;
    const doneAt = attended
      ? (attended.get(row.id) ?? completedAt(row.id, a.courseId))
      : completedAt(row.id, a.courseId);
    const status = statusOf(doneAt !== null, a.deadline, today);
    const office = org ? officeOf(org, row.unitId) : null;
    add(totals, status);
    if (office) {
      let t = offices.get(office.id);
      if (!t) offices.set(office.id, (t = zero()));
      add(t, status);
    }
    people.push({
      personId: row.id,
      unitId: row.unitId,
      officeId: office?.id ?? null,
      status,
      completedAt: doneAt,
    });
  }
  return { assignmentId: a.id, totals, offices, people, asOf: new Date() };
}

/** Compliance of one assignment (cached; recomputed after any relevant change). */
export async function complianceOf(
  assignmentId: string,
  now: Date = new Date(),
): Promise<ComplianceResult | null> {
  await Promise.all([assignmentsReady(), learnerIndexReady()]);
  const a = assignmentById(assignmentId);
  if (!a) return null;
  const today = todayInBerlin(now);
  const key = [assignmentsGeneration(), progressGeneration, loadedPeople(), loadedOrg(), today];
  const hit = cache.get(assignmentId);
  if (
    hit &&
    hit.key.every((k, i) => k === key[i]) &&
    now.getTime() - hit.result.asOf.getTime() < MAX_AGE_MS
  ) {
    return hit.result;
  }
  const result = await compute(a, today);
  cache.set(assignmentId, { key, result });
  return result;
}

/** Tests: drop every cached result. */
export function resetComplianceCache(): void {
  cache.clear();
}
