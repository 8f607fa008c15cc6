import type { Request } from 'express';
import type { AssignmentDTO } from '@shared/learning/types';
import {
  assignmentInputSchema,
  type AssignmentInput,
  type assignmentUpdateSchema,
} from '@shared/learning/schemas';
import type { z } from 'zod';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, badRequest, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { audit } from '../../audit/audit.service';
import { deny } from '../../audit/deny';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { courseById } from '../courses/course-index';
import {
  allAssignments,
  assignmentById,
  assignmentsReady,
  audienceIds,
  putAssignmentDoc,
  rememberAssignment,
  type AssignmentMeta,
} from './assignment-index';
import { AssignmentModel, type StoredAssignment } from './assignment.model';
import { complianceOf } from './compliance';
import {
  assignmentAbilities,
  canManageAssignments,
  canSeeDashboard,
  type ComplianceViewer,
} from './compliance.policy';
import { presentAssignment } from './mandatory.presenter';
import { sendInBackground } from './notifications';

type AssignmentUpdate = z.infer<typeof assignmentUpdateSchema>;

export const viewerOf = (u: CurrentUser): ComplianceViewer => ({
  id: u.id,
  roles: u.roles,
  leads: u.leads,
});

const staleCopy = () => new HttpError(409, 'stale_copy', 'The assignment was changed meanwhile.');
const isDuplicate = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

/** The DTO of an assignment for a viewer (course from memory, totals from the compliance cache). */
export async function presentFor(user: CurrentUser, a: AssignmentMeta): Promise<AssignmentDTO> {
  const [course, compliance, [creator]] = await Promise.all([
    courseById(a.courseId),
    complianceOf(a.id),
    a.createdBy ? peopleFromDirectory([a.createdBy]) : Promise.resolve([]),
  ]);
  const totals = compliance?.totals ?? { assigned: 0, done: 0, open: 0, overdue: 0 };
  return presentAssignment(
    a,
    course,
    creator ? presentPersonRef(creator) : null,
    totals,
    assignmentAbilities(viewerOf(user)),
  );
}

/** A course that can be made mandatory: published, not a self-assessment. */
async function assignableCourse(courseId: string) {
  const course = await courseById(courseId);
  if (!course) {
    throw badRequest('Unknown course.', [
      { path: 'courseId', code: 'unknown_reference', message: 'Unknown course.' },
    ]);
  }
  if (course.kind === 'self_assessment') {
    throw badRequest('A self-assessment cannot be mandatory.', [
      {
        path: 'courseId',
        code: 'invalid_value',
        message: 'A self-assessment cannot be mandatory.',
      },
    ]);
  }
  if (course.status === 'archived') {
    throw new HttpError(409, 'course_archived', 'The course is archived.');
  }
  if (course.status !== 'published') {
    throw new HttpError(409, 'course_not_published', 'The course is not published.');
  }
  return course;
}

function byClientId(clientId: string): AssignmentMeta | undefined {
  return allAssignments().find((a) => a.clientId === clientId);
}

async function replay(user: CurrentUser, existing: AssignmentMeta) {
  if (existing.createdBy !== user.id) {
    throw new HttpError(409, 'client_id_reused', 'This id belongs to another assignment.');
  }
  return { assignment: await presentFor(user, existing), created: false };
}

/**
 * Creates a mandatory assignment (HR). Idempotent by `clientId`: the creator gets the same
 * assignment back (`created: false`), anyone else 409 `client_id_reused`. Everyone assigned is
 * notified once (in the background: the audience can be the whole city).
 */
export async function createAssignment(
  user: CurrentUser,
  raw: AssignmentInput,
  req?: Request,
): Promise<{ assignment: AssignmentDTO; created: boolean }> {
  if (!canManageAssignments(user)) {
    throw await deny(user, 'learning.assignment.create', { type: 'learning_assignment' }, req);
  }
  const input = assignmentInputSchema.parse(raw);
  await assignmentsReady();
  const known = byClientId(input.clientId);
  if (known) return replay(user, known);
  const course = await assignableCourse(input.courseId);
  let doc: StoredAssignment;
  try {
    const created = await AssignmentModel.create({
      clientId: input.clientId,
      courseId: input.courseId,
      audience: input.audience,
      deadline: input.deadline,
      reminderDays: [...new Set(input.reminderDays)].sort((a, b) => b - a),
      note: input.note,
      active: true,
      createdBy: user.id,
      rev: 0,
    });
    // The inferred document type differs only in Mongoose wrappers (DocumentArray, ObjectId).
    doc = created.toObject() as unknown as StoredAssignment;
  } catch (err) {
    if (!isDuplicate(err)) throw err;
    // Created meanwhile (another instance): the unique clientId index caught it.
    const stored = await AssignmentModel.findOne({
      clientId: input.clientId,
    }).lean<StoredAssignment>();
    if (!stored) throw err;
    putAssignmentDoc(stored);
    return replay(user, assignmentById(String(stored._id)) ?? (await reloadMeta(stored)));
  }
  putAssignmentDoc(doc);
  const a = assignmentById(String(doc._id)) ?? (await reloadMeta(doc));
  await audit({
    action: 'learning.assignment.create',
    actorId: user.id,
    subjectType: 'learning_assignment',
    subjectId: a.id,
    detail: { courseId: a.courseId, deadline: a.deadline },
    req,
  });
  events.publish('learning.assignment_changed', {
    assignmentId: a.id,
    courseId: a.courseId,
    actorId: user.id,
  });
  await assignmentsReady();
  sendInBackground(audienceIds(a.audience), {
    kind: 'learning.mandatory_assigned',
    courseId: a.courseId,
    title: course.title,
    deadline: a.deadline,
  });
  return { assignment: await presentFor(user, a), created: true };
}

async function reloadMeta(doc: StoredAssignment): Promise<AssignmentMeta> {
  await rememberAssignment(String(doc._id));
  const a = assignmentById(String(doc._id));
  if (!a) throw notFound();
  return a;
}

/** Changes an assignment (HR), rev-guarded (409 `stale_copy`). People newly assigned are notified. */
export async function updateAssignment(
  user: CurrentUser,
  assignmentId: string,
  input: AssignmentUpdate,
  req?: Request,
): Promise<AssignmentDTO> {
  await assignmentsReady();
  const before = assignmentById(assignmentId);
  if (!before) throw notFound();
  if (!canManageAssignments(user)) {
    throw await deny(
      user,
      'learning.assignment.update',
      { type: 'learning_assignment', id: assignmentId },
      req,
    );
  }
  return withKeyLock(`learning-assignment:${assignmentId}`, async () => {
    const set: Record<string, unknown> = {};
    if (input.audience !== undefined) set.audience = input.audience;
    if (input.deadline !== undefined) set.deadline = input.deadline;
    if (input.reminderDays !== undefined) {
      set.reminderDays = [...new Set(input.reminderDays)].sort((a, b) => b - a);
    }
    if (input.note !== undefined) set.note = input.note;
    if (input.active !== undefined) set.active = input.active;
    const current = assignmentById(assignmentId) ?? before;
    const wasAssigned = new Set(current.active ? audienceIds(current.audience) : []);
    const stored = await AssignmentModel.findOneAndUpdate(
      { _id: assignmentId, rev: input.rev },
      { $set: set, $inc: { rev: 1 } },
      { new: true },
    ).lean<StoredAssignment>();
    if (!stored) {
      await rememberAssignment(assignmentId);
      if (!assignmentById(assignmentId)) throw notFound();
      throw staleCopy();
    }
    putAssignmentDoc(stored);
    const a = assignmentById(assignmentId) ?? (await reloadMeta(stored));
    await audit({
      action: 'learning.assignment.update',
      actorId: user.id,
      subjectType: 'learning_assignment',
      subjectId: assignmentId,
      detail: { fields: Object.keys(set) },
      req,
    });
    events.publish('learning.assignment_changed', {
      assignmentId,
      courseId: a.courseId,
      actorId: user.id,
    });
    if (a.active) {
      const course = await courseById(a.courseId);
      sendInBackground(
        audienceIds(a.audience).filter((id) => !wasAssigned.has(id)),
        {
          kind: 'learning.mandatory_assigned',
          courseId: a.courseId,
          title: course?.title ?? '',
          deadline: a.deadline,
        },
      );
    }
    return presentFor(user, a);
  });
}

/** Every assignment (HR and chain leaders), active first, then by deadline. */
export async function listAssignments(user: CurrentUser, req?: Request): Promise<AssignmentDTO[]> {
  if (!canSeeDashboard(viewerOf(user))) {
    throw await deny(user, 'learning.assignment.list', { type: 'learning_assignment' }, req);
  }
  await assignmentsReady();
  const rows = allAssignments().sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : 1),
  );
  return Promise.all(rows.map((a) => presentFor(user, a)));
}
