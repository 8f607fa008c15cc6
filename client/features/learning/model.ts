import type { CourseDTO, EnrolmentDTO, LessonDTO, ModuleDTO } from '@shared/learning/types';
import type { CourseKind } from '@shared/learning/schemas';
import { courseKinds } from '@shared/learning/schemas';
import type { CatalogueParams } from './api';

/** Every lesson of the shown content in order (modules flattened). */
export const lessonsOf = (modules: ModuleDTO[]): LessonDTO[] => modules.flatMap((m) => m.lessons);

/** A lesson counts as done when it was seen or, for quizzes, submitted at least once. */
export function isLessonDone(enrolment: EnrolmentDTO | null, lessonId: string): boolean {
  if (!enrolment) return false;
  return (
    Boolean(enrolment.lessonsDone[lessonId]) || (enrolment.quizzes[lessonId]?.attempts ?? 0) > 0
  );
}

/** Done and total lessons of the version shown ("3 von 8 Lektionen"). */
export function lessonProgress(
  modules: ModuleDTO[],
  enrolment: EnrolmentDTO | null,
): { done: number; total: number } {
  const all = lessonsOf(modules);
  return { done: all.filter((l) => isLessonDone(enrolment, l.id)).length, total: all.length };
}

/** Where "Fortsetzen" goes: the last lesson opened if it is open still, else the first not done. */
export function resumeLessonId(course: Pick<CourseDTO, 'modules' | 'enrolment'>): string | null {
  const all = lessonsOf(course.modules);
  const e = course.enrolment;
  if (all.length === 0) return null;
  const last = e?.lastLessonId ? all.find((l) => l.id === e.lastLessonId) : undefined;
  if (last && !isLessonDone(e, last.id)) return last.id;
  return (all.find((l) => !isLessonDone(e, l.id)) ?? last ?? all[0])?.id ?? null;
}

/** Previous and next lesson around one lesson (null at the ends). */
export function neighbours(modules: ModuleDTO[], lessonId: string) {
  const all = lessonsOf(modules);
  const i = all.findIndex((l) => l.id === lessonId);
  return {
    index: i,
    total: all.length,
    previous: i > 0 ? (all[i - 1] ?? null) : null,
    next: i >= 0 && i < all.length - 1 ? (all[i + 1] ?? null) : null,
  };
}

/** Lessons that count as seen as soon as they are opened (media and quizzes need more). */
export const autoDoneTypes: readonly LessonDTO['type'][] = ['text', 'link', 'file'];

// --- Catalogue filters in the address (shareable, kept on back) ---

const isKind = (v: string | null): v is CourseKind =>
  v !== null && (courseKinds as readonly string[]).includes(v);
const objectIdPattern = /^[0-9a-f]{24}$/i;

/** Reads the catalogue filters from the search params; invalid values are ignored. */
export function filtersFromSearch(params: URLSearchParams): CatalogueParams {
  const out: CatalogueParams = {};
  const q = params.get('q')?.trim();
  if (q) out.q = q.slice(0, 100);
  const categoryId = params.get('category');
  if (categoryId && objectIdPattern.test(categoryId)) out.categoryId = categoryId;
  const kind = params.get('kind');
  if (isKind(kind)) out.kind = kind;
  const language = params.get('language');
  if (language === 'de' || language === 'en') out.language = language;
  if (params.get('mandatory') === 'true') out.mandatory = 'true';
  return out;
}

/** The search params for filters (empty values left out, so the address stays short). */
export function searchFromFilters(f: CatalogueParams): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.categoryId) p.set('category', f.categoryId);
  if (f.kind) p.set('kind', f.kind);
  if (f.language) p.set('language', f.language);
  if (f.mandatory === 'true') p.set('mandatory', 'true');
  return p;
}

/** Whether any filter narrows the catalogue (then "Filter zurücksetzen" is offered). */
export const hasFilters = (f: CatalogueParams) => Object.keys(f).length > 0;

/** "30 Min." / "2 Std. 15 Min." needs i18n; this gives the parts. */
export function durationParts(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** Day and date in the reader's language ("12.03.2027"). */
export function formatDay(iso: string, lang: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium' }).format(
    d,
  );
}
