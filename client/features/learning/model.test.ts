import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  hasFilters,
  lessonProgress,
  neighbours,
  resumeLessonId,
  searchFromFilters,
} from './model';
import { enrolment, modules } from './test-data';
import { i18n } from '../../test/render';

describe('lesson progress', () => {
  it('counts seen lessons and submitted quizzes of the version shown, and says "3 von 4 Lektionen"', async () => {
    await i18n.changeLanguage('de');
    const e = enrolment({
      lessonsDone: {
        'lesson-1': '2027-03-01',
        'lesson-3': '2027-03-02',
        'removed-lesson': '2027-01-01',
      },
      quizzes: { 'lesson-4': { attempts: 1, bestScore: 50, passed: false, attemptsLeft: 2 } },
    });
    const p = lessonProgress(modules(), e);
    expect(p).toEqual({ done: 3, total: 4 });
    expect(i18n.t('learning:progress.lessons', p)).toBe('3 von 4 Lektionen');
    await i18n.changeLanguage('en');
    expect(i18n.t('learning:progress.lessons', p)).toBe('3 of 4 lessons');
    await i18n.changeLanguage('de');
  });

  it('is 0 of n without an enrolment', () => {
    expect(lessonProgress(modules(), null)).toEqual({ done: 0, total: 4 });
  });

  it('resumes at the last open lesson, else the first lesson not done', () => {
    const m = modules();
    expect(resumeLessonId({ modules: m, enrolment: null })).toBe('lesson-1');
    expect(resumeLessonId({ modules: m, enrolment: enrolment({ lastLessonId: 'lesson-3' }) })).toBe(
      'lesson-3',
    );
    expect(
      resumeLessonId({
        modules: m,
        enrolment: enrolment({
          lastLessonId: 'lesson-1',
          lessonsDone: { 'lesson-1': 'x', 'lesson-2': 'x' },
        }),
      }),
    ).toBe('lesson-3');
  });

  it('finds previous and next lesson across modules', () => {
    const n = neighbours(modules(), 'lesson-2');
    expect(n.index).toBe(1);
    expect(n.previous?.id).toBe('lesson-1');
    expect(n.next?.id).toBe('lesson-3');
    expect(neighbours(modules(), 'lesson-4').next).toBeNull();
  });
});

describe('catalogue filters in the address', () => {
  it('reads valid filters and ignores invalid values', () => {
    const f = filtersFromSearch(
      new URLSearchParams(
        'q=%20Datenschutz%20&category=64b000000000000000000abc&kind=training&language=en&mandatory=true',
      ),
    );
    expect(f).toEqual({
      q: 'Datenschutz',
      categoryId: '64b000000000000000000abc',
      kind: 'training',
      language: 'en',
      mandatory: 'true',
    });
    expect(
      filtersFromSearch(new URLSearchParams('category=nope&kind=party&language=fr&mandatory=1')),
    ).toEqual({});
  });

  it('writes only the filters that are set and round-trips', () => {
    const f = { kind: 'course' as const, mandatory: 'true' as const };
    const p = searchFromFilters(f);
    expect(p.toString()).toBe('kind=course&mandatory=true');
    expect(filtersFromSearch(p)).toEqual(f);
    expect(hasFilters({})).toBe(false);
    expect(hasFilters(f)).toBe(true);
  });
});
