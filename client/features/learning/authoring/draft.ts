import type { CourseContentInput, LessonType } from '@shared/learning/schemas';
import type { AssessmentItemDTO, CourseDraftDTO, LessonFileDTO } from '@shared/learning/types';

/**
 * The content editor's state (modules → lessons → quiz questions → options, self-assessment items)
 * and its pure reducer. New ids are made by the caller (`newItemId`) and passed in the action, so
 * the reducer stays deterministic (tests, StrictMode double calls).
 */
export interface EditableOption {
  id: string;
  text: string;
  correct: boolean;
}
export interface EditableQuestion {
  id: string;
  kind: 'single' | 'multiple';
  text: string;
  options: EditableOption[];
  feedback: string;
}
export interface EditableQuiz {
  questions: EditableQuestion[];
  passingScore: number;
  maxAttempts: number | null;
}
export interface EditableLesson {
  id: string;
  type: LessonType;
  title: string;
  html: string;
  media: LessonFileDTO | null;
  captions: LessonFileDTO | null;
  transcript: string;
  files: LessonFileDTO[];
  url: string;
  quiz: EditableQuiz | null;
}
export interface EditableModule {
  id: string;
  title: string;
  lessons: EditableLesson[];
}
export interface DraftState {
  modules: EditableModule[];
  assessment: AssessmentItemDTO[];
}

/** A client-made id as `itemId` in shared/learning/schemas.ts wants it: 24 url-safe characters. */
export const newItemId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 24);

export type Dir = -1 | 1;

export type DraftAction =
  | { type: 'replace'; state: DraftState }
  | { type: 'addModule'; id: string; title: string }
  | { type: 'renameModule'; moduleId: string; title: string }
  | { type: 'removeModule'; moduleId: string }
  | { type: 'moveModule'; moduleId: string; dir: Dir }
  | { type: 'addLesson'; moduleId: string; lesson: EditableLesson }
  | { type: 'updateLesson'; lessonId: string; patch: Partial<Omit<EditableLesson, 'id' | 'type'>> }
  | { type: 'addFile'; lessonId: string; file: LessonFileDTO }
  | { type: 'removeLesson'; lessonId: string }
  | { type: 'moveLesson'; lessonId: string; dir: Dir }
  | { type: 'updateQuiz'; lessonId: string; patch: Partial<Omit<EditableQuiz, 'questions'>> }
  | { type: 'addQuestion'; lessonId: string; question: EditableQuestion }
  | {
      type: 'updateQuestion';
      lessonId: string;
      questionId: string;
      patch: Partial<Pick<EditableQuestion, 'text' | 'feedback' | 'kind'>>;
    }
  | { type: 'removeQuestion'; lessonId: string; questionId: string }
  | { type: 'moveQuestion'; lessonId: string; questionId: string; dir: Dir }
  | { type: 'addOption'; lessonId: string; questionId: string; id: string }
  | { type: 'updateOption'; lessonId: string; questionId: string; optionId: string; text: string }
  | { type: 'setCorrect'; lessonId: string; questionId: string; optionId: string; correct: boolean }
  | { type: 'removeOption'; lessonId: string; questionId: string; optionId: string }
  | { type: 'addItem'; item: AssessmentItemDTO }
  | { type: 'updateItem'; itemId: string; patch: Partial<Omit<AssessmentItemDTO, 'id'>> }
  | { type: 'removeItem'; itemId: string }
  | { type: 'moveItem'; itemId: string; dir: Dir };

/** Swaps the element with its neighbour; unchanged at the ends. */
export function move<T>(list: T[], index: number, dir: Dir): T[] {
  const to = index + dir;
  if (index < 0 || to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

export function emptyQuestion(id: string, optionIds: [string, string]): EditableQuestion {
  return {
    id,
    kind: 'single',
    text: '',
    options: optionIds.map((o) => ({ id: o, text: '', correct: false })),
    feedback: '',
  };
}

/** A new lesson of a type; a quiz starts with one question of two options. */
export function newLesson(type: LessonType, title: string, makeId = newItemId): EditableLesson {
  return {
    id: makeId(),
    type,
    title,
    html: '',
    media: null,
    captions: null,
    transcript: '',
    files: [],
    url: '',
    quiz:
      type === 'quiz'
        ? {
            questions: [emptyQuestion(makeId(), [makeId(), makeId()])],
            passingScore: 80,
            maxAttempts: null,
          }
        : null,
  };
}

const mapLessons = (s: DraftState, fn: (l: EditableLesson) => EditableLesson): DraftState => ({
  ...s,
  modules: s.modules.map((m) => ({ ...m, lessons: m.lessons.map(fn) })),
});

const onLesson = (s: DraftState, id: string, fn: (l: EditableLesson) => EditableLesson) =>
  mapLessons(s, (l) => (l.id === id ? fn(l) : l));

const onQuiz = (s: DraftState, id: string, fn: (q: EditableQuiz) => EditableQuiz) =>
  onLesson(s, id, (l) => (l.quiz ? { ...l, quiz: fn(l.quiz) } : l));

const onQuestion = (
  s: DraftState,
  lessonId: string,
  questionId: string,
  fn: (q: EditableQuestion) => EditableQuestion,
) =>
  onQuiz(s, lessonId, (quiz) => ({
    ...quiz,
    questions: quiz.questions.map((q) => (q.id === questionId ? fn(q) : q)),
  }));

/** Moves a lesson within its module; past the first/last place it goes to the module before/after. */
function moveLesson(s: DraftState, lessonId: string, dir: Dir): DraftState {
  const mi = s.modules.findIndex((m) => m.lessons.some((l) => l.id === lessonId));
  const mod = s.modules[mi];
  if (!mod) return s;
  const li = mod.lessons.findIndex((l) => l.id === lessonId);
  const lesson = mod.lessons[li] as EditableLesson;
  if (li + dir >= 0 && li + dir < mod.lessons.length) {
    return {
      ...s,
      modules: s.modules.map((m, i) =>
        i === mi ? { ...m, lessons: move(m.lessons, li, dir) } : m,
      ),
    };
  }
  const target = s.modules[mi + dir];
  if (!target) return s;
  return {
    ...s,
    modules: s.modules.map((m, i) => {
      if (i === mi) return { ...m, lessons: m.lessons.filter((l) => l.id !== lessonId) };
      if (i === mi + dir)
        return { ...m, lessons: dir < 0 ? [...m.lessons, lesson] : [lesson, ...m.lessons] };
      return m;
    }),
  };
}

export function draftReducer(s: DraftState, a: DraftAction): DraftState {
  switch (a.type) {
    case 'replace':
      return a.state;
    case 'addModule':
      return { ...s, modules: [...s.modules, { id: a.id, title: a.title, lessons: [] }] };
    case 'renameModule':
      return {
        ...s,
        modules: s.modules.map((m) => (m.id === a.moduleId ? { ...m, title: a.title } : m)),
      };
    case 'removeModule':
      return { ...s, modules: s.modules.filter((m) => m.id !== a.moduleId) };
    case 'moveModule':
      return {
        ...s,
        modules: move(
          s.modules,
          s.modules.findIndex((m) => m.id === a.moduleId),
          a.dir,
        ),
      };
    case 'addLesson':
      return {
        ...s,
        modules: s.modules.map((m) =>
          m.id === a.moduleId ? { ...m, lessons: [...m.lessons, a.lesson] } : m,
        ),
      };
    case 'updateLesson':
      return onLesson(s, a.lessonId, (l) => ({ ...l, ...a.patch }));
    case 'addFile':
      return onLesson(s, a.lessonId, (l) => ({ ...l, files: [...l.files, a.file] }));
    case 'removeLesson':
      return {
        ...s,
        modules: s.modules.map((m) => ({
          ...m,
          lessons: m.lessons.filter((l) => l.id !== a.lessonId),
        })),
      };
    case 'moveLesson':
      return moveLesson(s, a.lessonId, a.dir);
    case 'updateQuiz':
      return onQuiz(s, a.lessonId, (q) => ({ ...q, ...a.patch }));
    case 'addQuestion':
      return onQuiz(s, a.lessonId, (q) => ({ ...q, questions: [...q.questions, a.question] }));
    case 'updateQuestion':
      return onQuestion(s, a.lessonId, a.questionId, (q) => {
        const next = { ...q, ...a.patch };
        // Single choice keeps at most one right option: the first one marked.
        if (a.patch.kind === 'single') {
          const first = q.options.findIndex((o) => o.correct);
          next.options = q.options.map((o, i) => ({ ...o, correct: i === first }));
        }
        return next;
      });
    case 'removeQuestion':
      return onQuiz(s, a.lessonId, (q) => ({
        ...q,
        questions: q.questions.filter((x) => x.id !== a.questionId),
      }));
    case 'moveQuestion':
      return onQuiz(s, a.lessonId, (q) => ({
        ...q,
        questions: move(
          q.questions,
          q.questions.findIndex((x) => x.id === a.questionId),
          a.dir,
        ),
      }));
    case 'addOption':
      return onQuestion(s, a.lessonId, a.questionId, (q) => ({
        ...q,
        options: [...q.options, { id: a.id, text: '', correct: false }],
      }));
    case 'updateOption':
      return onQuestion(s, a.lessonId, a.questionId, (q) => ({
        ...q,
        options: q.options.map((o) => (o.id === a.optionId ? { ...o, text: a.text } : o)),
      }));
    case 'setCorrect':
      return onQuestion(s, a.lessonId, a.questionId, (q) => ({
        ...q,
        options: q.options.map((o) =>
          o.id === a.optionId
            ? { ...o, correct: a.correct }
            : q.kind === 'single' && a.correct
              ? { ...o, correct: false }
              : o,
        ),
      }));
    case 'removeOption':
      return onQuestion(s, a.lessonId, a.questionId, (q) => ({
        ...q,
        options: q.options.filter((o) => o.id !== a.optionId),
      }));
    case 'addItem':
      return { ...s, assessment: [...s.assessment, a.item] };
    case 'updateItem':
      return {
        ...s,
        assessment: s.assessment.map((i) => (i.id === a.itemId ? { ...i, ...a.patch } : i)),
      };
    case 'removeItem':
      return { ...s, assessment: s.assessment.filter((i) => i.id !== a.itemId) };
    case 'moveItem':
      return {
        ...s,
        assessment: move(
          s.assessment,
          s.assessment.findIndex((i) => i.id === a.itemId),
          a.dir,
        ),
      };
  }
}

/** Where a lesson stands: its module's index, its place in the module and the module's size. */
export function lessonPlace(s: DraftState, lessonId: string) {
  for (const [mi, m] of s.modules.entries()) {
    const index = m.lessons.findIndex((l) => l.id === lessonId);
    if (index >= 0) return { moduleIndex: mi, module: m, index, count: m.lessons.length };
  }
  return null;
}

export const findLesson = (s: DraftState, lessonId: string | null) =>
  s.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId) ?? null;

/** The server's draft (with answers) as editor state. */
export function fromDraftDTO(dto: Pick<CourseDraftDTO, 'modules' | 'assessment'>): DraftState {
  return {
    modules: dto.modules.map((m) => ({
      id: m.id,
      title: m.title,
      lessons: m.lessons.map((l) => ({
        id: l.id,
        type: l.type,
        title: l.title,
        html: l.html,
        media: l.media,
        captions: l.captions,
        transcript: l.transcript,
        files: l.files,
        url: l.url ?? '',
        quiz: l.quiz
          ? {
              passingScore: l.quiz.passingScore,
              maxAttempts: l.quiz.maxAttempts,
              questions: l.quiz.questions.map((q) => ({
                id: q.id,
                kind: q.kind,
                text: q.text,
                feedback: q.feedback ?? '',
                options: q.options.map((o) => ({ id: o.id, text: o.text, correct: !!o.correct })),
              })),
            }
          : null,
      })),
    })),
    assessment: dto.assessment.map((i) => ({ ...i })),
  };
}

/** The PUT body: only what the lesson's type uses (no stale media ids on a text lesson). */
export function toContentInput(s: DraftState, rev: number): CourseContentInput {
  return {
    rev,
    modules: s.modules.map((m) => ({
      id: m.id,
      title: m.title,
      lessons: m.lessons.map((l) => ({
        id: l.id,
        type: l.type,
        title: l.title,
        html: l.html,
        mediaFileId: l.type === 'media' ? (l.media?.id ?? null) : null,
        captionsFileId: l.type === 'media' ? (l.captions?.id ?? null) : null,
        transcript: l.type === 'media' ? l.transcript : '',
        fileIds: l.type === 'file' ? l.files.map((f) => f.id) : [],
        url: l.type === 'link' && l.url.trim() ? l.url.trim() : null,
        quiz: l.type === 'quiz' ? l.quiz : null,
      })),
    })),
    assessment: s.assessment,
  };
}

/** Compares editor states by what would be saved (file names do not matter). */
export const contentKey = (s: DraftState) => JSON.stringify(toContentInput(s, 0));
