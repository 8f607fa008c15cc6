import type { Audience } from '@shared/org/audience';
import type { CompletionRule, CourseKind, CourseStatus } from '@shared/learning/schemas';
import { cluster } from '../../../lib/cluster';
import { loadedIndex } from '../../../lib/loaded-index';
import { logger } from '../../../lib/logger';
import { fold } from '../../../lib/text';
import { CourseModel, type Course } from './course.model';

/**
 * Every course in memory (≤ a few thousand). Reason: on the embedded engine every filtered query
 * decodes the whole collection, and course access is checked on every learning request.
 *
 * Loaded once at first use (one bulk read). Kept fresh course by course: the writer applies what
 * it wrote (`putCourseDoc`), other instances reload that ONE course by `_id` (cluster topic), and
 * everything reloads every 10 minutes as a safety net.
 */
export interface CourseMeta {
  id: string;
  clientId: string;
  kind: CourseKind;
  status: CourseStatus;
  title: string;
  summary: string;
  description: string;
  categoryId: string | null;
  tags: string[];
  language: 'de' | 'en';
  estimatedMinutes: number | null;
  imageId: string | null;
  audience: Audience;
  trainerIds: string[];
  completion: CompletionRule;
  costCents: number;
  hrConfirmationAlways: boolean;
  version: number;
  publishedAt: Date | null;
  publishedBy: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  rev: number;
  lessonCount: number;
  /** Folded title, summary and tags (category names are matched separately). */
  searchKey: string;
}

export interface CourseIndex {
  byId: Map<string, CourseMeta>;
  /** Newest first (updatedAt desc, id desc). */
  all: CourseMeta[];
}

const TOPIC = 'learning-course:changed';
const FULL_RELOAD_MS = 10 * 60_000;
const idOrNull = (v: unknown) => (v ? String(v) : null);

export function toCourseMeta(doc: Course): CourseMeta {
  const a = doc.audience ?? { units: [], roles: [], locationIds: [] };
  return {
    id: String(doc._id),
    clientId: doc.clientId,
    kind: doc.kind,
    status: doc.status ?? 'draft',
    title: doc.title,
    summary: doc.summary ?? '',
    description: doc.description ?? '',
    categoryId: idOrNull(doc.categoryId),
    tags: [...(doc.tags ?? [])],
    language: doc.language ?? 'de',
    estimatedMinutes: doc.estimatedMinutes ?? null,
    imageId: idOrNull(doc.imageId),
    audience: {
      units: (a.units ?? []).map((u) => ({
        unitId: String(u.unitId),
        withSubunits: !!u.withSubunits,
      })),
      roles: [...(a.roles ?? [])],
      locationIds: (a.locationIds ?? []).map(String),
    },
    trainerIds: (doc.trainerIds ?? []).map(String),
    completion: {
      allLessons: doc.completion?.allLessons ?? true,
      quizzesPassed: doc.completion?.quizzesPassed ?? true,
    },
    costCents: doc.costCents ?? 0,
    hrConfirmationAlways: !!doc.hrConfirmationAlways,
    version: doc.version ?? 0,
    publishedAt: doc.publishedAt ?? null,
    publishedBy: idOrNull(doc.publishedBy),
    createdBy: idOrNull(doc.createdBy),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    rev: doc.rev ?? 0,
    lessonCount: doc.lessonCount ?? 0,
    searchKey: fold(`${doc.title} ${doc.summary ?? ''} ${(doc.tags ?? []).join(' ')}`),
  };
}

const newestFirst = (a: CourseMeta, b: CourseMeta) =>
  b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

class CourseStore {
  byId = new Map<string, CourseMeta>();
  private sorted: CourseMeta[] | null = null;

  get all(): CourseMeta[] {
    this.sorted ??= [...this.byId.values()].sort(newestFirst);
    return this.sorted;
  }

  put(doc: Course, force: boolean): void {
    const id = String(doc._id);
    const old = this.byId.get(id);
    if (old && !force && old.rev > (doc.rev ?? 0)) return;
    this.byId.set(id, toCourseMeta(doc));
    this.sorted = null;
  }

  drop(id: string): void {
    if (this.byId.delete(id)) this.sorted = null;
  }
}

type Change = { doc: Course; force: boolean };
const loaded = loadedIndex<CourseStore, Change>({
  name: 'course',
  maxAgeMs: FULL_RELOAD_MS,
  load: async () => {
    const docs = await CourseModel.find({}).lean<Course[]>();
    const next = new CourseStore();
    for (const d of docs) next.put(d, true);
    return next;
  },
  put: (store, c) => store.put(c.doc, c.force),
});
const courseStore = () => loaded.ready();

/** The read model (loads at first use; afterwards memory only). */
export async function courseIndex(): Promise<CourseIndex> {
  const s = await courseStore();
  return { byId: s.byId, all: s.all };
}

export async function courseById(id: string): Promise<CourseMeta | null> {
  return (await courseStore()).byId.get(id) ?? null;
}

/** SYNC: one course from the last loaded index (undefined when not loaded or unknown). */
export function courseMetaOf(id: string): CourseMeta | undefined {
  return loaded.current()?.byId.get(id);
}

/** Loads the index now (server start). */
export async function warmCourseIndex(): Promise<void> {
  await courseStore();
}

function apply(doc: Course, force: boolean): void {
  loaded.apply({ doc, force });
}

/** After a write of the course document on this instance (the stored result): here and elsewhere. */
export function putCourseDoc(doc: Course): void {
  apply(doc, false);
  cluster.broadcast(TOPIC, String(doc._id));
}

async function refreshCourse(id: string): Promise<CourseMeta | null> {
  const doc = await CourseModel.findById(id).lean<Course>();
  if (!doc) {
    loaded.current()?.drop(id);
    return null;
  }
  apply(doc, true);
  return loaded.current()?.byId.get(id) ?? null;
}

/** Reload one course by `_id` here and on every other instance. */
export async function rememberCourse(id: string): Promise<void> {
  await refreshCourse(id);
  cluster.broadcast(TOPIC, id);
}

cluster.on(TOPIC, (payload) => {
  if (typeof payload !== 'string' || !loaded.current()) return;
  refreshCourse(payload).catch((err: unknown) => logger.warn({ err }, 'course reload failed'));
});

/** Tests: forget everything (the next use loads from the database). */
export function resetCourseIndex(): void {
  loaded.reset();
}
