import type { FieldIssue } from '@shared/http/errors';
import type { DraftState } from './draft';

/**
 * Maps the server's field issues (`modules.0.lessons.2.quiz.questions.1.options`, `title`, …) to
 * the editor: the section and lesson to open, and the DOM id of the field to mark and focus.
 * Every editor field's id is built with `fieldId`, so both sides agree.
 */
export interface EditorIssue {
  section: 'meta' | 'content';
  /** The lesson holding the problem (to select it), if any. */
  lessonId: string | null;
  /** DOM id of the field the message stands next to (and that gets focus). */
  fieldId: string;
  code: string;
}

/** DOM id of an editor field: item id (lesson, module, question, option, item) + field name. */
export const fieldId = (owner: string, field: string) => `f-${owner}-${field}`;
export const metaFieldId = (field: string) => fieldId('meta', field);

const lessonFields: Record<string, string> = {
  title: 'title',
  html: 'html',
  mediaFileId: 'media',
  captionsFileId: 'captions',
  transcript: 'transcript',
  fileIds: 'files',
  url: 'url',
};
const questionFields: Record<string, string> = {
  text: 'text',
  kind: 'kind',
  feedback: 'feedback',
  options: 'options',
};

function contentIssue(s: DraftState, parts: string[]): Omit<EditorIssue, 'code'> | null {
  const at = (i: number) => Number(parts[i]);
  if (parts[0] === 'assessment') {
    const item = s.assessment[at(1)];
    if (!item) return { section: 'content', lessonId: null, fieldId: fieldId('assessment', 'add') };
    const field = parts[2] === 'area' ? 'area' : 'statement';
    return { section: 'content', lessonId: null, fieldId: fieldId(item.id, field) };
  }
  const mod = s.modules[at(1)];
  if (!mod) return { section: 'content', lessonId: null, fieldId: fieldId('modules', 'add') };
  const lesson = parts[2] === 'lessons' ? mod.lessons[at(3)] : undefined;
  if (!lesson) return { section: 'content', lessonId: null, fieldId: fieldId(mod.id, 'title') };
  const hit = (owner: string, field: string) => ({
    section: 'content' as const,
    lessonId: lesson.id,
    fieldId: fieldId(owner, field),
  });
  const rest = parts.slice(4);
  if (rest[0] !== 'quiz') return hit(lesson.id, lessonFields[rest[0] ?? ''] ?? 'title');
  if (rest[1] === 'passingScore') return hit(lesson.id, 'passing');
  if (rest[1] === 'maxAttempts') return hit(lesson.id, 'attempts');
  const question = rest[1] === 'questions' ? lesson.quiz?.questions[Number(rest[2])] : undefined;
  if (!question) return hit(lesson.id, 'questions');
  if (rest[3] === 'options' && rest[4] !== undefined) {
    const option = question.options[Number(rest[4])];
    // `options.1.correct` is about the choice of right answers: the group, not the one option.
    if (option && rest[5] !== 'correct') return hit(option.id, 'text');
    return hit(question.id, 'options');
  }
  return hit(question.id, questionFields[rest[3] ?? ''] ?? 'text');
}

/** Issues of a failed save or publish, in the order the server listed them. */
export function mapIssues(details: FieldIssue[], s: DraftState): EditorIssue[] {
  const out: EditorIssue[] = [];
  for (const d of details) {
    const parts = d.path.split('.').filter(Boolean);
    if (parts[0] === 'modules' || parts[0] === 'assessment') {
      const hit = contentIssue(s, parts);
      if (hit) out.push({ ...hit, code: d.code });
    } else if (parts[0] && parts[0] !== 'rev') {
      out.push({ section: 'meta', lessonId: null, fieldId: metaFieldId(parts[0]), code: d.code });
    }
  }
  return out;
}

/** The first issue's message for each field id. */
export function issuesByField(issues: EditorIssue[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const i of issues) if (!map.has(i.fieldId)) map.set(i.fieldId, i.code);
  return map;
}

/** Lessons with at least one problem (marked in the outline). */
export const lessonsWithIssues = (issues: EditorIssue[]) =>
  new Set(issues.map((i) => i.lessonId).filter((id): id is string => id !== null));
