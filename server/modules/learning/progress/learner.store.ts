import { conflict } from '../../../lib/errors';
import { withKeyLock } from '../../../lib/keyed-lock';
import { putLearner, rememberLearner } from './learner-index';
import {
  LearnerModel,
  type LearnerDoc,
  type StoredAssessment,
  type StoredEnrolment,
} from './learner.model';

/**
 * The ONLY writer of learner documents. Under the person's lock (`learner:<personId>`): reads the
 * stored document by `_id`, lets the caller plan a change on a copy, writes only the touched
 * courses/assessments conditional on the rev read (another instance may have written meanwhile:
 * then it reads again and plans again), and writes the result through to the learner index.
 */
export const learnerLockKey = (personId: string) => `learner:${personId}`;

export interface LearnerChange<R> {
  /** The caller's result (also when nothing changes). */
  result: R;
  /** Courses whose enrolment changed (set) or ended (null = remove). */
  courses?: Record<string, StoredEnrolment | null>;
  assessments?: Record<string, StoredAssessment>;
}

const ATTEMPTS = 5;
const isDuplicateKey = (err: unknown) => (err as { code?: unknown } | null)?.code === 11000;

export const emptyLearner = (personId: string): LearnerDoc => ({
  _id: personId,
  courses: {},
  assessments: {},
  rev: 0,
});

function normalDoc(doc: LearnerDoc | null, personId: string): LearnerDoc {
  if (!doc) return emptyLearner(personId);
  return {
    _id: personId,
    courses: doc.courses ?? {},
    assessments: doc.assessments ?? {},
    rev: doc.rev ?? 0,
  };
}

async function writeIfUnchanged(
  read: LearnerDoc | null,
  personId: string,
  change: LearnerChange<unknown>,
): Promise<LearnerDoc | null> {
  const base = normalDoc(read, personId);
  const next: LearnerDoc = {
    _id: personId,
    courses: { ...base.courses },
    assessments: { ...base.assessments, ...(change.assessments ?? {}) },
    rev: base.rev + 1,
  };
  const $set: Record<string, unknown> = { rev: next.rev };
  const $unset: Record<string, ''> = {};
  for (const [courseId, e] of Object.entries(change.courses ?? {})) {
    if (e) {
      next.courses[courseId] = e;
      $set[`courses.${courseId}`] = e;
    } else {
      delete next.courses[courseId];
      $unset[`courses.${courseId}`] = '';
    }
  }
  for (const [courseId, a] of Object.entries(change.assessments ?? {})) {
    $set[`assessments.${courseId}`] = a;
  }
  if (!read) {
    try {
      await LearnerModel.collection.insertOne(next as never);
      return next;
    } catch (err) {
      if (isDuplicateKey(err)) return null; // created elsewhere meanwhile
      throw err;
    }
  }
  const res = await LearnerModel.updateOne(
    { _id: personId, rev: base.rev },
    Object.keys($unset).length ? { $set, $unset } : { $set },
  );
  return res.matchedCount === 1 ? next : null;
}

/**
 * Runs `plan` on the person's stored document (a fresh read under the lock) and writes what it
 * returns. `plan` may throw to refuse (HttpError); it runs again after a lost race.
 */
export async function changeLearner<R>(
  personId: string,
  plan: (doc: LearnerDoc) => LearnerChange<R> | Promise<LearnerChange<R>>,
): Promise<R> {
  if (!/^[0-9a-f]{24}$/i.test(personId)) throw conflict('Invalid learner.');
  return withKeyLock(learnerLockKey(personId), () => changeLearnerLocked(personId, plan));
}

/** The same, for a caller that already holds the person's lock. */
export async function changeLearnerLocked<R>(
  personId: string,
  plan: (doc: LearnerDoc) => LearnerChange<R> | Promise<LearnerChange<R>>,
): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    const read = await readLearner(personId);
    const change = await plan(structuredClone(normalDoc(read, personId)));
    const touched =
      Object.keys(change.courses ?? {}).length + Object.keys(change.assessments ?? {}).length;
    if (touched === 0) return change.result;
    let stored: LearnerDoc | null;
    try {
      stored = await writeIfUnchanged(read, personId, change);
    } catch (err) {
      // Unknown outcome: make every instance read the person again.
      await rememberLearner(personId).catch(() => undefined);
      throw err;
    }
    if (stored) {
      putLearner(stored);
      return change.result;
    }
    if (attempt >= ATTEMPTS) throw conflict('Your progress changed meanwhile; try again.');
  }
}

/** The stored document by `_id` (writers only: readers use the index). */
export async function readLearner(personId: string): Promise<LearnerDoc | null> {
  return LearnerModel.findById(personId).lean<LearnerDoc>();
}
