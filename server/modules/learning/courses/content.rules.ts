import type { FieldIssue } from '@shared/http/errors';
import type { CourseKind } from '@shared/learning/schemas';
import type { StoredContent, StoredModule } from './content';

/** Pure checks on course content (draft saves and publishing). */

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether the draft differs from the published version (never published: any content). */
export function draftDiffers(draft: StoredContent, published: StoredContent | null): boolean {
  if (!published) return draft.modules.length > 0 || draft.assessment.length > 0;
  return !same(draft.modules, published.modules) || !same(draft.assessment, published.assessment);
}

/** Ids must be unique across the course (progress is kept per lesson id across versions). */
export function duplicateIds(modules: StoredModule[], assessment: { id: string }[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const check = (id: string, path: string) => {
    if (seen.has(id))
      issues.push({ path, code: 'duplicate_id', message: 'This id is used twice.' });
    seen.add(id);
  };
  modules.forEach((m, i) => {
    check(m.id, `modules.${i}.id`);
    m.lessons.forEach((l, j) => {
      check(l.id, `modules.${i}.lessons.${j}.id`);
      l.quiz?.questions.forEach((q, k) => {
        const base = `modules.${i}.lessons.${j}.quiz.questions.${k}`;
        check(q.id, `${base}.id`);
        q.options.forEach((o, n) => check(o.id, `${base}.options.${n}.id`));
      });
    });
  });
  assessment.forEach((a, i) => check(a.id, `assessment.${i}.id`));
  return issues;
}

/**
 * What must hold before publishing: every quiz question has a right option (single choice:
 * exactly one), media lessons a media file, file lessons ≥ 1 file, link lessons a url, quiz
 * lessons a quiz; courses ≥ 1 lesson, self-assessments ≥ 1 statement.
 */
export function incompleteIssues(kind: CourseKind, c: StoredContent): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ path, code, message });
  const lessons = c.modules.reduce((n, m) => n + m.lessons.length, 0);
  if (kind === 'course' && lessons === 0) add('modules', 'required', 'Add at least one lesson.');
  if (kind === 'self_assessment' && c.assessment.length === 0) {
    add('assessment', 'required', 'Add at least one statement.');
  }
  c.modules.forEach((m, i) =>
    m.lessons.forEach((l, j) => {
      const p = `modules.${i}.lessons.${j}`;
      if (l.type === 'media' && !l.mediaFileId)
        add(`${p}.mediaFileId`, 'required', 'A media file is missing.');
      if (l.type === 'file' && l.fileIds.length === 0)
        add(`${p}.fileIds`, 'required', 'A file is missing.');
      if (l.type === 'link' && !l.url) add(`${p}.url`, 'required', 'The link is missing.');
      if (l.type === 'quiz' && !l.quiz) add(`${p}.quiz`, 'required', 'The quiz is missing.');
      l.quiz?.questions.forEach((q, k) => {
        const right = q.options.filter((o) => o.correct).length;
        if (right === 0 || (q.kind === 'single' && right !== 1)) {
          add(
            `${p}.quiz.questions.${k}.options`,
            q.kind === 'single' ? 'single_choice_one_right' : 'right_option_missing',
            'Mark the right answer.',
          );
        }
      });
    }),
  );
  return issues;
}
