import { describe, expect, it } from 'vitest';
import { emptyQuestion, newLesson, type DraftState, type EditableLesson } from './draft';
import { fieldId, issuesByField, lessonsWithIssues, mapIssues, metaFieldId } from './errors';

let n = 0;
const seq = () => `id${String(++n).padStart(4, '0')}`;
function state(): DraftState {
  n = 0;
  const quiz = newLesson('quiz', 'Quiz', seq);
  quiz.quiz!.questions.push(emptyQuestion('qq0002', ['op0001', 'op0002']));
  return {
    modules: [
      {
        id: 'mod001',
        title: 'M',
        lessons: [newLesson('text', 'T', seq), newLesson('media', 'V', seq), quiz],
      },
    ],
    assessment: [{ id: 'item01', area: 'A', statement: 'S' }],
  };
}
const issue = (path: string, code = 'required') => ({ path, code, message: code });

describe('mapIssues', () => {
  it('maps a quiz question options path to that question and marks the lesson', () => {
    const s = state();
    const quizId = s.modules[0]!.lessons[2]!.id;
    const [hit] = mapIssues([issue('modules.0.lessons.2.quiz.questions.1.options')], s);
    expect(hit).toEqual({
      section: 'content',
      lessonId: quizId,
      fieldId: fieldId('qq0002', 'options'),
      code: 'required',
    });
  });

  it('maps lesson fields, option texts, quiz settings, modules and assessment items', () => {
    const s = state();
    const [, media, quiz] = s.modules[0]!.lessons as [
      EditableLesson,
      EditableLesson,
      EditableLesson,
    ];
    const got = mapIssues(
      [
        issue('modules.0.lessons.1.mediaFileId'),
        issue('modules.0.lessons.2.quiz.questions.1.options.0.text', 'too_small'),
        issue('modules.0.lessons.2.quiz.questions.1.options.1.correct'),
        issue('modules.0.lessons.2.quiz.passingScore'),
        issue('modules.0.title'),
        issue('assessment.0.area'),
        issue('modules.9.lessons.0.title'),
      ],
      s,
    ).map((i) => [i.lessonId, i.fieldId]);
    expect(got).toEqual([
      [media.id, fieldId(media.id, 'media')],
      [quiz.id, fieldId('op0001', 'text')],
      [quiz.id, fieldId('qq0002', 'options')],
      [quiz.id, fieldId(quiz.id, 'passing')],
      [null, fieldId('mod001', 'title')],
      [null, fieldId('item01', 'area')],
      [null, fieldId('modules', 'add')],
    ]);
  });

  it('maps course fields to the "Angaben" section and ignores rev', () => {
    const got = mapIssues([issue('title', 'too_small'), issue('rev'), issue('costCents')], state());
    expect(got).toEqual([
      { section: 'meta', lessonId: null, fieldId: metaFieldId('title'), code: 'too_small' },
      { section: 'meta', lessonId: null, fieldId: metaFieldId('costCents'), code: 'required' },
    ]);
  });

  it('keeps the first code per field and collects the lessons with problems', () => {
    const s = state();
    const issues = mapIssues(
      [issue('modules.0.lessons.0.title', 'a'), issue('modules.0.lessons.0.title', 'b')],
      s,
    );
    expect(issuesByField(issues).get(fieldId(s.modules[0]!.lessons[0]!.id, 'title'))).toBe('a');
    expect([...lessonsWithIssues(issues)]).toEqual([s.modules[0]!.lessons[0]!.id]);
  });
});
