import { cluster } from '../../../lib/cluster';
import { logger } from '../../../lib/logger';
import { LearnerModel, type LearnerDoc, type StoredEnrolment } from './learner.model';

export type { StoredEnrolment } from './learner.model';

/**
 * Every learner document in memory (14,000 people × a few enrolments). Reason: on the embedded
 * engine any filtered query decodes the whole collection, and "am I enrolled", "my courses",
 * course learner lists and compliance are asked on almost every learning request.
 *
 * Loaded with ONE bulk read at first use. Kept fresh per person: the writer (`learner.store.ts`)
 * puts what it stored (`putLearner`), other instances reload that ONE person by `_id` (cluster
 * topic), and everything reloads every 10 minutes as a safety net.
 */
const TOPIC = 'learning-learner:changed';
const FULL_RELOAD_MS = 10 * 60_000;

class LearnerStore {
  docs = new Map<string, LearnerDoc>();
  /** courseId → enrolled person ids. */
  byCourse = new Map<string, Set<string>>();

  put(doc: LearnerDoc, force = false): void {
    const id = String(doc._id);
    const old = this.docs.get(id);
    if (old && !force && old.rev > doc.rev) return;
    if (old) {
      for (const courseId of Object.keys(old.courses)) this.byCourse.get(courseId)?.delete(id);
    }
    const normal = normalise(doc);
    this.docs.set(id, normal);
    for (const courseId of Object.keys(normal.courses)) {
      let set = this.byCourse.get(courseId);
      if (!set) this.byCourse.set(courseId, (set = new Set()));
      set.add(id);
    }
  }

  drop(personId: string): void {
    const old = this.docs.get(personId);
    if (!old) return;
    for (const courseId of Object.keys(old.courses)) this.byCourse.get(courseId)?.delete(personId);
    this.docs.delete(personId);
  }
}

const asDate = (v: unknown): Date | null => (v ? new Date(v as string | Date) : null);

/** Lean documents → the shapes the code relies on (dates as Dates, maps present). */
function normalise(doc: LearnerDoc): LearnerDoc {
  const courses: Record<string, StoredEnrolment> = {};
  for (const [courseId, e] of Object.entries(doc.courses ?? {})) {
    if (!e) continue;
    courses[courseId] = {
      enrolledAt: asDate(e.enrolledAt) ?? new Date(0),
      lastLessonId: e.lastLessonId ?? null,
      done: { ...(e.done ?? {}) },
      positions: { ...(e.positions ?? {}) },
      quizzes: { ...(e.quizzes ?? {}) },
      completedAt: asDate(e.completedAt),
      completedVersion: e.completedVersion ?? null,
      certificateCode: e.certificateCode ?? null,
    };
  }
  const assessments: LearnerDoc['assessments'] = {};
  for (const [courseId, a] of Object.entries(doc.assessments ?? {})) {
    if (a)
      assessments[courseId] = {
        answeredAt: asDate(a.answeredAt) ?? new Date(0),
        answers: { ...(a.answers ?? {}) },
      };
  }
  return { _id: String(doc._id), courses, assessments, rev: doc.rev ?? 0 };
}

let store: LearnerStore | null = null;
let loadedAt = 0;
let loading: Promise<LearnerStore> | null = null;
/** Writes applied while a full load runs (applied again on the new store). */
let during: { doc: LearnerDoc | null; personId: string; force: boolean }[] | null = null;

async function fullLoad(): Promise<LearnerStore> {
  during = [];
  try {
    const docs = await LearnerModel.find({}).lean<LearnerDoc[]>();
    const next = new LearnerStore();
    for (const d of docs) next.put(d, true);
    for (const p of during) {
      if (p.doc) next.put(p.doc, p.force);
      else next.drop(p.personId);
    }
    store = next;
    loadedAt = Date.now();
    return next;
  } finally {
    during = null;
  }
}

function reload(): Promise<LearnerStore> {
  loading ??= fullLoad().finally(() => {
    loading = null;
  });
  return loading;
}

/** Loads the index at first use (afterwards memory only); the sync readers need it. */
export async function learnerIndexReady(): Promise<void> {
  if (!store) {
    await reload();
    return;
  }
  if (Date.now() - loadedAt > FULL_RELOAD_MS && !loading) {
    reload().catch((err: unknown) => logger.warn({ err }, 'learner index reload failed'));
  }
}

const EMPTY = new Map<string, StoredEnrolment>();

/** SYNC (after `learnerIndexReady`): the stored learner document of a person, or undefined. */
export function learnerOf(personId: string): LearnerDoc | undefined {
  return store?.docs.get(personId);
}

export function isEnrolled(personId: string, courseId: string): boolean {
  return !!store?.docs.get(personId)?.courses[courseId];
}

export function enrolmentOf(personId: string, courseId: string): StoredEnrolment | null {
  return store?.docs.get(personId)?.courses[courseId] ?? null;
}

export function enrolmentsOf(personId: string): Map<string, StoredEnrolment> {
  const doc = store?.docs.get(personId);
  return doc ? new Map(Object.entries(doc.courses)) : EMPTY;
}

/**
 * The enrolment that holds a certificate code (a scan of the index: only for the rare
 * verification miss that repairs a certificate whose write was lost).
 */
export function certificateHolder(
  code: string,
): { personId: string; courseId: string; enrolment: StoredEnrolment } | null {
  for (const [personId, doc] of store?.docs ?? []) {
    for (const [courseId, enrolment] of Object.entries(doc.courses)) {
      if (enrolment.certificateCode === code) return { personId, courseId, enrolment };
    }
  }
  return null;
}

/** Enrolled person ids of a course. */
export function learnersOf(courseId: string): string[] {
  return [...(store?.byCourse.get(courseId) ?? [])];
}

export function completedAt(personId: string, courseId: string): Date | null {
  return store?.docs.get(personId)?.courses[courseId]?.completedAt ?? null;
}

function apply(personId: string, doc: LearnerDoc | null, force: boolean): void {
  if (doc) store?.put(doc, force);
  else store?.drop(personId);
  during?.push({ doc, personId, force });
}

/** After a write on this instance (the stored document): here, and the others reload it. */
export function putLearner(doc: LearnerDoc): void {
  apply(String(doc._id), doc, false);
  cluster.broadcast(TOPIC, String(doc._id));
}

/** Reads one person's document by `_id` into the index (no broadcast). */
export async function refreshLearner(personId: string): Promise<LearnerDoc | undefined> {
  const doc = await LearnerModel.findById(personId).lean<LearnerDoc>();
  apply(personId, doc, true);
  return doc ? learnerOf(personId) : undefined;
}

/** Reload one person here and on every other instance (after a write with an unknown result). */
export async function rememberLearner(personId: string): Promise<void> {
  await refreshLearner(personId);
  cluster.broadcast(TOPIC, personId);
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !store) return;
  refreshLearner(payload).catch((err: unknown) => logger.warn({ err }, 'learner reload failed'));
});

/** Tests: forget everything (the next use loads from the database). */
export function resetLearnerIndex(): void {
  store = null;
  loadedAt = 0;
}
