import type { LessonType } from '@shared/learning/schemas';
import { createKeyedCache } from '../../../lib/keyed-cache';
import { ContentModel, draftId, versionId } from './content.model';
import { courseById, courseIndex } from './course-index';

export interface StoredOption {
  id: string;
  text: string;
  correct: boolean;
}
export interface StoredQuestion {
  id: string;
  kind: 'single' | 'multiple';
  text: string;
  options: StoredOption[];
  feedback: string;
}
export interface StoredQuiz {
  questions: StoredQuestion[];
  passingScore: number;
  maxAttempts: number | null;
}
export interface StoredLesson {
  id: string;
  type: LessonType;
  title: string;
  html: string;
  mediaFileId: string | null;
  captionsFileId: string | null;
  transcript: string;
  fileIds: string[];
  url: string | null;
  quiz: StoredQuiz | null;
}
export interface StoredModule {
  id: string;
  title: string;
  lessons: StoredLesson[];
}
export interface StoredAssessmentItem {
  id: string;
  area: string;
  statement: string;
}
export interface StoredContent {
  courseId: string;
  /** null = the draft. */
  version: number | null;
  modules: StoredModule[];
  assessment: StoredAssessmentItem[];
  rev: number;
  updatedAt: Date;
  updatedBy: string | null;
  /** Draft only: the published version it was last based on. */
  baseVersion: number;
  /** Published snapshots: when and by whom. */
  publishedAt: Date | null;
  publishedBy: string | null;
}

export interface ContentDoc {
  _id: string;
  courseId: string;
  version: number | null;
  modules?: StoredModule[];
  assessment?: StoredAssessmentItem[];
  baseVersion?: number;
  rev?: number;
  updatedAt?: Date;
  updatedBy?: string | null;
  publishedAt?: Date | null;
  publishedBy?: string | null;
}

export function toStoredContent(doc: ContentDoc): StoredContent {
  return {
    courseId: doc.courseId,
    version: doc.version ?? null,
    modules: doc.modules ?? [],
    assessment: doc.assessment ?? [],
    rev: doc.rev ?? 0,
    updatedAt: doc.updatedAt ?? new Date(0),
    updatedBy: doc.updatedBy ?? null,
    baseVersion: doc.baseVersion ?? 0,
    publishedAt: doc.publishedAt ?? null,
    publishedBy: doc.publishedBy ?? null,
  };
}

async function loadContent(id: string): Promise<StoredContent | null> {
  const doc = await ContentModel.findById(id).lean<ContentDoc>();
  return doc ? toStoredContent(doc) : null;
}

// Published snapshots never change: cache them (bounded LRU). Key = `<courseId>:v<n>`.
const versions = createKeyedCache<StoredContent | null>({
  name: 'learning-content-versions',
  max: 2000,
  load: loadContent,
});
// Drafts: write-through (the writer sets, other instances drop). Key = `<courseId>:draft`.
const drafts = createKeyedCache<StoredContent | null>({
  name: 'learning-content-drafts',
  max: 500,
  load: loadContent,
});

/** The published content a learner sees now (null: never published). Cached. */
export async function publishedContent(courseId: string): Promise<StoredContent | null> {
  const course = await courseById(courseId);
  if (!course || course.version < 1) return null;
  return contentVersion(courseId, course.version);
}

export async function contentVersion(
  courseId: string,
  version: number,
): Promise<StoredContent | null> {
  if (version < 1) return null;
  const c = await versions.get(versionId(courseId, version));
  if (c === null) versions.invalidate(versionId(courseId, version)); // not there yet: don't pin null
  return c;
}

/**
 * Server start: every course's current published version in ONE bulk read. Reason: loading one
 * version by `_id` decodes the whole `learning_content` collection on the embedded engine
 * (0.3–0.6 s at 1,000 courses), so a lazily filled cache made the first "my courses" or
 * catalogue page touching a course that slow (`npm run bench -- learning`: my courses p95 300 ms).
 */
export async function warmPublishedContent(): Promise<void> {
  const { all } = await courseIndex();
  const wanted = new Set(all.filter((c) => c.version > 0).map((c) => versionId(c.id, c.version)));
  if (wanted.size === 0) return;
  const docs = await ContentModel.find({ version: { $ne: null } }).lean<ContentDoc[]>();
  for (const d of docs) if (wanted.has(d._id)) versions.set(d._id, toStoredContent(d));
}

/** The editable draft (null only when the course has none yet). Cached, write-through. */
export async function draftContent(courseId: string): Promise<StoredContent | null> {
  return drafts.get(draftId(courseId));
}

/** After a successful draft write on this instance. */
export function rememberDraft(courseId: string, content: StoredContent): void {
  drafts.set(draftId(courseId), content);
}

export function forgetDraft(courseId: string): void {
  drafts.invalidate(draftId(courseId));
}

/** Every lesson, flattened in order. */
export const lessonsOf = (c: StoredContent): StoredLesson[] => c.modules.flatMap((m) => m.lessons);

/** Tests. */
export function resetContentCaches(): void {
  versions.clear();
  drafts.clear();
}
