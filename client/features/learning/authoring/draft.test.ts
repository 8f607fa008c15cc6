import { describe, expect, it } from 'vitest';
import { itemId } from '@shared/learning/schemas';
import {
  draftReducer,
  emptyQuestion,
  fromDraftDTO,
  lessonPlace,
  newItemId,
  newLesson,
  toContentInput,
  type DraftState,
  type EditableLesson,
} from './draft';

let n = 0;
const seq = () => `id${String(++n).padStart(4, '0')}`;

function sample(): DraftState {
  n = 0;
  const a = newLesson('text', 'A', seq);
  const b = newLesson('quiz', 'B', seq);
  const c = newLesson('link', 'C', seq);
  return {
    modules: [
      { id: 'mod001', title: 'M1', lessons: [a, b] },
      { id: 'mod002', title: 'M2', lessons: [c] },
    ],
    assessment: [],
  };
}
const titles = (s: DraftState) => s.modules.map((m) => m.lessons.map((l) => l.title));

describe('newItemId', () => {
  it('makes 24 url-safe characters that the shared schema accepts, different each time', () => {
    const a = newItemId();
    expect(a).toMatch(/^[0-9a-f]{24}$/);
    expect(itemId.safeParse(a).success).toBe(true);
    expect(newItemId()).not.toBe(a);
  });
});

describe('draftReducer: modules and lessons', () => {
  it('adds a module and a lesson at the end', () => {
    let s = draftReducer(sample(), { type: 'addModule', id: 'mod003', title: 'M3' });
    s = draftReducer(s, {
      type: 'addLesson',
      moduleId: 'mod003',
      lesson: newLesson('text', 'D', seq),
    });
    expect(titles(s)).toEqual([['A', 'B'], ['C'], ['D']]);
  });

  it('moves a lesson within its module and across module borders', () => {
    const s0 = sample();
    const b = s0.modules[0]!.lessons[1]!.id;
    const s1 = draftReducer(s0, { type: 'moveLesson', lessonId: b, dir: -1 });
    expect(titles(s1)).toEqual([['B', 'A'], ['C']]);
    // First place of the first module: nowhere to go.
    expect(draftReducer(s1, { type: 'moveLesson', lessonId: b, dir: -1 })).toBe(s1);
    // Last place of module 1 moving down: first place of module 2.
    const s2 = draftReducer(s0, { type: 'moveLesson', lessonId: b, dir: 1 });
    expect(titles(s2)).toEqual([['A'], ['B', 'C']]);
    expect(lessonPlace(s2, b)).toMatchObject({ moduleIndex: 1, index: 0, count: 2 });
    // And back up: the end of module 1.
    const s3 = draftReducer(s2, { type: 'moveLesson', lessonId: b, dir: -1 });
    expect(titles(s3)).toEqual([['A', 'B'], ['C']]);
  });

  it('removes a lesson and a module', () => {
    const s0 = sample();
    const a = s0.modules[0]!.lessons[0]!.id;
    const s1 = draftReducer(s0, { type: 'removeLesson', lessonId: a });
    expect(titles(s1)).toEqual([['B'], ['C']]);
    const s2 = draftReducer(s1, { type: 'removeModule', moduleId: 'mod001' });
    expect(titles(s2)).toEqual([['C']]);
  });

  it('moves modules and renames them', () => {
    let s = draftReducer(sample(), { type: 'moveModule', moduleId: 'mod002', dir: -1 });
    s = draftReducer(s, { type: 'renameModule', moduleId: 'mod002', title: 'Start' });
    expect(s.modules.map((m) => m.title)).toEqual(['Start', 'M1']);
  });
});

describe('draftReducer: quiz questions', () => {
  const quizOf = (s: DraftState) => s.modules[0]!.lessons[1]!.quiz!;

  it('adds, moves and removes questions', () => {
    const s0 = sample();
    const lessonId = s0.modules[0]!.lessons[1]!.id;
    const first = quizOf(s0).questions[0]!.id;
    let s = draftReducer(s0, {
      type: 'addQuestion',
      lessonId,
      question: emptyQuestion('q2q2q2', ['o1o1o1', 'o2o2o2']),
    });
    expect(quizOf(s).questions.map((q) => q.id)).toEqual([first, 'q2q2q2']);
    s = draftReducer(s, { type: 'moveQuestion', lessonId, questionId: 'q2q2q2', dir: -1 });
    expect(quizOf(s).questions.map((q) => q.id)).toEqual(['q2q2q2', first]);
    s = draftReducer(s, { type: 'removeQuestion', lessonId, questionId: first });
    expect(quizOf(s).questions.map((q) => q.id)).toEqual(['q2q2q2']);
  });

  it('keeps one right option for single choice, several for multiple choice', () => {
    const s0 = sample();
    const lessonId = s0.modules[0]!.lessons[1]!.id;
    const q = quizOf(s0).questions[0]!;
    const [o1, o2] = q.options.map((o) => o.id) as [string, string];
    const base = { lessonId, questionId: q.id };
    let s = draftReducer(s0, { type: 'addOption', ...base, id: 'o3o3o3' });
    s = draftReducer(s, { type: 'setCorrect', ...base, optionId: o1, correct: true });
    s = draftReducer(s, { type: 'setCorrect', ...base, optionId: o2, correct: true });
    expect(quizOf(s).questions[0]!.options.map((o) => o.correct)).toEqual([false, true, false]);
    s = draftReducer(s, { type: 'updateQuestion', ...base, patch: { kind: 'multiple' } });
    s = draftReducer(s, { type: 'setCorrect', ...base, optionId: 'o3o3o3', correct: true });
    expect(quizOf(s).questions[0]!.options.map((o) => o.correct)).toEqual([false, true, true]);
    // Back to single choice: only the first right option stays right.
    s = draftReducer(s, { type: 'updateQuestion', ...base, patch: { kind: 'single' } });
    expect(quizOf(s).questions[0]!.options.map((o) => o.correct)).toEqual([false, true, false]);
    s = draftReducer(s, { type: 'removeOption', ...base, optionId: o2 });
    expect(quizOf(s).questions[0]!.options.map((o) => o.id)).toEqual([o1, 'o3o3o3']);
  });
});

describe('toContentInput / fromDraftDTO', () => {
  it('sends only what the lesson type uses and reads it back', () => {
    const s0 = sample();
    const [a, , c] = s0.modules.flatMap((m) => m.lessons) as [
      EditableLesson,
      EditableLesson,
      EditableLesson,
    ];
    let s = draftReducer(s0, {
      type: 'updateLesson',
      lessonId: c.id,
      patch: { url: ' https://x.de ' },
    });
    s = draftReducer(s, {
      type: 'updateLesson',
      lessonId: a.id,
      patch: { url: 'https://stale.de' },
    });
    const input = toContentInput(s, 7);
    expect(input.rev).toBe(7);
    const lessons = input.modules.flatMap((m) => m.lessons);
    expect(lessons.map((l) => l.url)).toEqual([null, null, 'https://x.de']);
    expect(lessons[1]!.quiz?.questions).toHaveLength(1);
    expect(lessons[0]!.quiz).toBeNull();
    const back = fromDraftDTO({
      modules: input.modules.map((m) => ({
        id: m.id,
        title: m.title,
        lessons: m.lessons.map((l) => ({
          id: l.id,
          type: l.type,
          title: l.title,
          html: l.html ?? '',
          media: null,
          captions: null,
          transcript: '',
          files: [],
          url: l.url ?? null,
          quiz: l.quiz ?? null,
        })),
      })),
      assessment: [],
    });
    expect(toContentInput(back, 7)).toEqual(input);
  });
});
