import type { Audience } from '@shared/org/audience';
import { cluster } from '../../../lib/cluster';
import { loadedIndex } from '../../../lib/loaded-index';
import { logger } from '../../../lib/logger';
import { directoryRows, type DirectoryRow } from '../../people/directory-index';
import {
  audienceMatcher,
  inAudience,
  type AudienceSubject,
  type OrgSnapshot,
} from '../../org/audience';
import { AssignmentModel, type StoredAssignment } from './assignment.model';

/**
 * Every mandatory assignment in memory (a few hundred at most). Reason: `isAssigned` is asked on
 * every course access and catalogue card, and on the embedded engine any filtered query decodes
 * the whole collection.
 *
 * Who is assigned is computed live from the org (audience rules), so movers follow. The sync
 * readers use the people rows and org snapshot last loaded by `assignmentsReady()`, which checks
 * the people / units stamps (one shared stamp read) on each call.
 */
export interface AssignmentMeta {
  id: string;
  clientId: string;
  courseId: string;
  audience: Audience;
  deadline: string;
  reminderDays: number[];
  note: string;
  active: boolean;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  rev: number;
}

const TOPIC = 'learning-assignment:changed';
const FULL_RELOAD_MS = 10 * 60_000;

export function toAssignmentMeta(doc: StoredAssignment): AssignmentMeta {
  const a = doc.audience ?? { units: [], roles: [], locationIds: [] };
  return {
    id: String(doc._id),
    clientId: doc.clientId,
    courseId: String(doc.courseId),
    audience: {
      units: (a.units ?? []).map((u) => ({
        unitId: String(u.unitId),
        withSubunits: !!u.withSubunits,
      })),
      roles: [...(a.roles ?? [])],
      locationIds: (a.locationIds ?? []).map(String),
    },
    deadline: doc.deadline,
    reminderDays: [...(doc.reminderDays ?? [])],
    note: doc.note ?? '',
    active: doc.active !== false,
    createdBy: doc.createdBy ? String(doc.createdBy) : null,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    rev: doc.rev ?? 0,
  };
}

class AssignmentStore {
  byId = new Map<string, AssignmentMeta>();

  put(doc: StoredAssignment, force: boolean): void {
    const id = String(doc._id);
    const old = this.byId.get(id);
    if (old && !force && old.rev > (doc.rev ?? 0)) return;
    this.byId.set(id, toAssignmentMeta(doc));
  }
}

/** Bumped on every change here (compliance caches key on it). */
let generation = 0;

// Last loaded people rows and org tree (for the sync readers).
let people: { rows: DirectoryRow[]; byId: Map<string, DirectoryRow> } | null = null;
let matcher: { org: OrgSnapshot; subjectOfRow: (row: DirectoryRow) => AudienceSubject } | null =
  null;

type Change = { doc: StoredAssignment; force: boolean };
const loaded = loadedIndex<AssignmentStore, Change>({
  name: 'assignment',
  maxAgeMs: FULL_RELOAD_MS,
  load: async () => {
    const docs = await AssignmentModel.find({}).lean<StoredAssignment[]>();
    const next = new AssignmentStore();
    for (const d of docs) next.put(d, true);
    return next;
  },
  put: (store, c) => store.put(c.doc, c.force),
  onLoaded: () => {
    generation += 1;
  },
});
const assignmentStore = () => loaded.ready();

/** Loads / refreshes assignments, people rows and org tree; the sync readers need it. */
export async function assignmentsReady(): Promise<void> {
  const [, rows, m] = await Promise.all([assignmentStore(), directoryRows(), audienceMatcher()]);
  if (people?.rows !== rows) people = { rows, byId: new Map(rows.map((r) => [r.id, r])) };
  if (matcher?.org !== m.org) matcher = { org: m.org, subjectOfRow: m.subjectOfRow };
}

/** SYNC: the org snapshot and people rows last loaded (after `assignmentsReady`). */
export function loadedOrg(): OrgSnapshot | null {
  return matcher?.org ?? null;
}
export function loadedPeople(): DirectoryRow[] {
  return people?.rows ?? [];
}
export function loadedSubject(personId: string): AudienceSubject | null {
  const row = people?.byId.get(personId);
  return row && matcher ? matcher.subjectOfRow(row) : null;
}

/** SYNC: every assignment (active or not). */
export function allAssignments(): AssignmentMeta[] {
  return [...(loaded.current()?.byId.values() ?? [])];
}
export function assignmentById(id: string): AssignmentMeta | undefined {
  return loaded.current()?.byId.get(id);
}
export const assignmentsGeneration = (): number => generation;

/** SYNC: whether an audience includes the person (false when unknown). */
export function audienceIncludes(audience: Audience, personId: string): boolean {
  const subject = loadedSubject(personId);
  return subject !== null && inAudience(audience, subject);
}

/** SYNC: the active assignments whose audience includes the person. */
export function assignmentsFor(personId: string): AssignmentMeta[] {
  const subject = loadedSubject(personId);
  const store = loaded.current();
  if (!subject || !store) return [];
  return [...store.byId.values()].filter((a) => a.active && inAudience(a.audience, subject));
}

/** SYNC: an active assignment of the course includes the person. */
export function isAssigned(courseId: string, personId: string): boolean {
  return deadlineFor(courseId, personId) !== null;
}

/** SYNC: the earliest deadline of the person's active assignments of the course, or null. */
export function deadlineFor(courseId: string, personId: string): string | null {
  const store = loaded.current();
  if (!store) return null;
  let subject: AudienceSubject | null | undefined;
  let best: string | null = null;
  for (const a of store.byId.values()) {
    if (!a.active || a.courseId !== courseId) continue;
    subject ??= loadedSubject(personId);
    if (!subject) return null;
    if (inAudience(a.audience, subject) && (best === null || a.deadline < best)) best = a.deadline;
  }
  return best;
}

function apply(doc: StoredAssignment, force: boolean): void {
  loaded.apply({ doc, force });
  generation += 1;
}

/** After a write on this instance (the stored document): here, and the others reload it. */
export function putAssignmentDoc(doc: StoredAssignment): void {
  apply(doc, false);
  cluster.broadcast(TOPIC, String(doc._id));
}

async function refreshAssignment(id: string): Promise<void> {
  const doc = await AssignmentModel.findById(id).lean<StoredAssignment>();
  if (doc) apply(doc, true);
}

/** Reload one assignment here and on every other instance (after a write with an unknown result). */
export async function rememberAssignment(id: string): Promise<void> {
  await refreshAssignment(id);
  cluster.broadcast(TOPIC, id);
}

const changeListeners = new Set<(assignmentId: string) => void>();
/** Called when another instance changed an assignment (compliance live updates). */
export function onRemoteAssignmentChange(fn: (assignmentId: string) => void): () => void {
  changeListeners.add(fn);
  return () => changeListeners.delete(fn);
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !loaded.current()) return;
  refreshAssignment(payload)
    .then(() => changeListeners.forEach((fn) => fn(payload)))
    .catch((err: unknown) => logger.warn({ err }, 'assignment reload failed'));
});

/** Tests: forget everything (the next use loads from the database). */
export function resetAssignmentIndex(): void {
  loaded.reset();
  people = null;
  matcher = null;
  generation += 1;
}

/** SYNC: ids of the active people in an audience (after `assignmentsReady`). */
export function audienceIds(audience: Audience): string[] {
  const out: string[] = [];
  if (!matcher) return out;
  for (const row of people?.rows ?? []) {
    if (row.active && inAudience(audience, matcher.subjectOfRow(row))) out.push(row.id);
  }
  return out;
}
