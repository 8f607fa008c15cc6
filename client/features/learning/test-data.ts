import type { EnrolmentDTO, ModuleDTO, QuizDTO, QuizResultDTO } from '@shared/learning/types';

/** Test fixtures of the learning client. */
export const lesson = (id: string, type: ModuleDTO['lessons'][number]['type'] = 'text') => ({
  id,
  type,
  title: `Lektion ${id}`,
  html: '',
  media: null,
  captions: null,
  transcript: '',
  files: [],
  url: null,
  quiz: null,
});

export const modules = (): ModuleDTO[] => [
  { id: 'module-1', title: 'Grundlagen', lessons: [lesson('lesson-1'), lesson('lesson-2')] },
  {
    id: 'module-2',
    title: 'Vertiefung',
    lessons: [lesson('lesson-3', 'media'), lesson('lesson-4', 'quiz')],
  },
];

export const enrolment = (over: Partial<EnrolmentDTO> = {}): EnrolmentDTO => ({
  courseId: '64b0000000000000000000c1',
  enrolledAt: '2027-03-01T08:00:00.000Z',
  lastLessonId: null,
  lessonsDone: {},
  positions: {},
  quizzes: {},
  percent: 0,
  completedAt: null,
  completedVersion: null,
  certificateCode: null,
  ...over,
});

export const quiz = (over: Partial<QuizDTO> = {}): QuizDTO => ({
  passingScore: 100,
  maxAttempts: 3,
  questions: [
    {
      id: 'question-1',
      kind: 'single',
      text: 'Wie lang ist die Aufbewahrungsfrist?',
      options: [
        { id: 'option-a', text: 'Ein Jahr' },
        { id: 'option-b', text: 'Zehn Jahre' },
      ],
    },
    {
      id: 'question-2',
      kind: 'multiple',
      text: 'Welche Daten sind personenbezogen?',
      options: [
        { id: 'option-c', text: 'Name' },
        { id: 'option-d', text: 'Personalnummer' },
        { id: 'option-e', text: 'Raumnummer' },
      ],
    },
  ],
  ...over,
});

export const quizResult = (over: Partial<QuizResultDTO> = {}): QuizResultDTO => ({
  attemptId: '3f1c9a52-8d1e-4c1b-9f55-0c2a5d1b7e10',
  lessonId: 'lesson-4',
  at: '2026-11-20T13:05:00.000Z',
  answers: { 'question-1': ['option-b'], 'question-2': ['option-c'] },
  olderVersion: false,
  score: 50,
  passed: false,
  attempts: 1,
  attemptsLeft: 2,
  questions: [
    { id: 'question-1', correct: true, feedback: 'Genau: zehn Jahre.', correctOptionIds: null },
    {
      id: 'question-2',
      correct: false,
      feedback: 'Auch die Personalnummer ist personenbezogen.',
      correctOptionIds: null,
    },
  ],
  enrolment: enrolment(),
  ...over,
});
