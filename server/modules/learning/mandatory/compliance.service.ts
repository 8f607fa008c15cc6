import type { Request } from 'express';
import type {
  ComplianceDTO,
  CompliancePersonDTO,
  ComplianceRowDTO,
  DueTrainingDTO,
} from '@shared/learning/types';
import type { compliancePeopleQuerySchema, complianceQuerySchema } from '@shared/learning/schemas';
import type { z } from 'zod';
import type { CurrentUser } from '../../auth/current-user';
import { notFound } from '../../../lib/errors';
import { deny } from '../../audit/deny';
import { todayInBerlin } from '../../leave/holidays';
import { officeOf } from '../../org/audience';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { courseById } from '../courses/course-index';
import { publishedContent } from '../courses/content';
import { completedAt, enrolmentOf, learnerIndexReady } from '../progress/learner-index';
import { percentFor } from '../progress/progress.rules';
import { attendedTrainings } from '../trainings/attended';
import {
  allAssignments,
  assignmentById,
  assignmentsFor,
  assignmentsReady,
  loadedOrg,
} from './assignment-index';
import { complianceOf, statusOf } from './compliance';
import { canSeeDashboard, canSeeOfficeRow, peopleScope } from './compliance.policy';
import { presentCompliancePerson, presentDue } from './mandatory.presenter';
import { presentFor, viewerOf } from './assignment.service';

type ComplianceQuery = z.infer<typeof complianceQuerySchema>;
type CompliancePeopleQuery = z.infer<typeof compliancePeopleQuerySchema>;

/** Offices of the units the viewer leads (from the last loaded org). */
function ledOfficesOf(user: CurrentUser): Set<string> {
  const org = loadedOrg();
  const out = new Set<string>();
  if (!org) return out;
  for (const id of user.leads) {
    const office = officeOf(org, id);
    if (office) out.add(office.id);
  }
  return out;
}

/**
 * The dashboard: per assignment (all active ones, or the one asked) the aggregated rows per office
 * the viewer may see. Never names. HR and chain leaders only (else audited 403).
 */
export async function complianceDashboard(
  user: CurrentUser,
  query: ComplianceQuery,
  req?: Request,
): Promise<ComplianceDTO[]> {
  const viewer = viewerOf(user);
  if (!canSeeDashboard(viewer)) {
    throw await deny(user, 'learning.compliance.view', { type: 'learning_compliance' }, req);
  }
  await assignmentsReady();
  let list = allAssignments().filter((a) => a.active);
  if (query.assignmentId) {
    const one = assignmentById(query.assignmentId);
    if (!one) throw notFound();
    list = [one];
  }
  list.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
  const ledOffices = ledOfficesOf(user);
  const org = loadedOrg();
  const out: ComplianceDTO[] = [];
  for (const a of list) {
    const result = await complianceOf(a.id);
    if (!result) continue;
    const rows: ComplianceRowDTO[] = [];
    for (const [officeId, t] of result.offices) {
      if (!canSeeOfficeRow(viewer, officeId, ledOffices)) continue;
      rows.push({
        unit: { id: officeId, name: org?.units.get(officeId)?.name ?? '' },
        ...t,
        canSeePeople: canSeeOfficeRow(viewer, officeId, ledOffices),
      });
    }
    rows.sort((x, y) => x.unit.name.localeCompare(y.unit.name, 'de'));
    out.push({
      assignment: await presentFor(user, a),
      rows,
      asOf: result.asOf.toISOString(),
    });
  }
  return out;
}

/**
 * The people of a unit (and its sub-units) for one assignment: HR all units; chain leaders the
 * subtrees they lead (a leader inside an office sees their own part of it). Else audited 403.
 */
export async function compliancePeople(
  user: CurrentUser,
  query: CompliancePeopleQuery,
  req?: Request,
): Promise<CompliancePersonDTO[]> {
  const viewer = viewerOf(user);
  await assignmentsReady();
  const org = loadedOrg();
  const a = assignmentById(query.assignmentId);
  const unit = org?.units.get(query.unitId);
  if (!canSeeDashboard(viewer) || !a || !unit) {
    if (!canSeeDashboard(viewer)) {
      throw await deny(user, 'learning.compliance.people', { type: 'learning_compliance' }, req);
    }
    throw notFound();
  }
  const ledChains = new Map(
    user.leads.map((id) => [id, org?.units.get(id)?.chain ?? [id]] as const),
  );
  const scope = peopleScope(viewer, unit.chain, ledChains);
  if (!scope) {
    throw await deny(
      user,
      'learning.compliance.people',
      { type: 'learning_unit', id: query.unitId },
      req,
      { assignmentId: a.id },
    );
  }
  const result = await complianceOf(a.id);
  if (!result) throw notFound();
  const roots = scope.roots;
  const inScope = result.people.filter((p) => {
    if (!p.unitId) return false;
    const chain = org?.units.get(p.unitId)?.chain ?? [p.unitId];
    return roots.some((r) => chain.includes(r)) && (!query.status || p.status === query.status);
  });
  const [people, content] = await Promise.all([
    peopleFromDirectory(inScope.map((p) => p.personId)),
    publishedContent(a.courseId),
  ]);
  const byId = new Map(people.map((p) => [String(p._id), p]));
  const out: { sortKey: string; dto: CompliancePersonDTO }[] = [];
  for (const p of inScope) {
    const person = byId.get(p.personId);
    if (!person) continue;
    const enrolment = enrolmentOf(p.personId, a.courseId);
    const percent = p.status === 'done' ? 100 : enrolment ? percentFor(enrolment, content) : 0;
    out.push({
      sortKey: person.sortKey ?? person.displayName,
      dto: presentCompliancePerson(presentPersonRef(person), p.status, p.completedAt, percent),
    });
  }
  return out
    .sort((x, y) => (x.sortKey < y.sortKey ? -1 : x.sortKey > y.sortKey ? 1 : 0))
    .map((r) => r.dto);
}

/** My mandatory trainings not done yet (one per course: the earliest deadline), by deadline. */
export async function myDueTrainings(
  user: Pick<CurrentUser, 'id'>,
  now: Date = new Date(),
): Promise<DueTrainingDTO[]> {
  await Promise.all([assignmentsReady(), learnerIndexReady()]);
  const today = todayInBerlin(now);
  const earliest = new Map<string, { id: string; deadline: string }>();
  for (const a of assignmentsFor(user.id)) {
    const prev = earliest.get(a.courseId);
    if (!prev || a.deadline < prev.deadline) earliest.set(a.courseId, a);
  }
  if (earliest.size === 0) return [];
  let attended: Set<string> | null = null;
  const out: DueTrainingDTO[] = [];
  for (const [courseId, a] of earliest) {
    const course = await courseById(courseId);
    if (!course || course.status === 'draft') continue;
    let done = completedAt(user.id, courseId) !== null;
    if (!done && course.kind === 'training') {
      attended ??= new Set((await attendedTrainings(user.id, today)).map((t) => t.courseId));
      done = attended.has(courseId);
    }
    if (done) continue;
    const enrolment = enrolmentOf(user.id, courseId);
    const percent = enrolment ? percentFor(enrolment, await publishedContent(courseId)) : 0;
    out.push(presentDue(a, course, statusOf(false, a.deadline, today) === 'overdue', percent));
  }
  return out.sort((x, y) =>
    x.deadline < y.deadline
      ? -1
      : x.deadline > y.deadline
        ? 1
        : x.course.title.localeCompare(y.course.title, 'de'),
  );
}
