// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { StoredContent, StoredLesson } from './content';
import { draftDiffers, duplicateIds, incompleteIssues } from './content.rules';
import { classifyCourseFile } from './file.types';
import { parseRange } from './files.service';

const lesson = (over: Partial<StoredLesson>): StoredLesson => ({
  id: 'lesson-1',
  type: 'text',
  title: 'L',
  html: '',
  mediaFileId: null,
  captionsFileId: null,
  transcript: '',
  fileIds: [],
  url: null,
  quiz: null,
  ...over,
});
const content = (
  lessons: StoredLesson[],
  assessment: StoredContent['assessment'] = [],
): StoredContent => ({
  courseId: 'c',
  version: null,
  modules: [{ id: 'module-1', title: 'M', lessons }],
  assessment,
  rev: 0,
  updatedAt: new Date(0),
  updatedBy: null,
  baseVersion: 0,
  publishedAt: null,
  publishedBy: null,
});

describe('publish completeness', () => {
  it('names every missing part by its field path', () => {
    const issues = incompleteIssues(
      'course',
      content([
        lesson({ id: 'a1aaaa', type: 'media' }),
        lesson({ id: 'a2aaaa', type: 'file' }),
        lesson({ id: 'a3aaaa', type: 'link' }),
        lesson({
          id: 'a4aaaa',
          type: 'quiz',
          quiz: {
            passingScore: 50,
            maxAttempts: null,
            questions: [
              {
                id: 'q1aaaa',
                kind: 'single',
                text: 'Q',
                feedback: '',
                options: [
                  { id: 'o1aaaa', text: 'A', correct: true },
                  { id: 'o2aaaa', text: 'B', correct: true },
                ],
              },
              {
                id: 'q2aaaa',
                kind: 'multiple',
                text: 'Q',
                feedback: '',
                options: [{ id: 'o3aaaa', text: 'A', correct: false }],
              },
            ],
          },
        }),
      ]),
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['modules.0.lessons.0.mediaFileId', 'required'],
      ['modules.0.lessons.1.fileIds', 'required'],
      ['modules.0.lessons.2.url', 'required'],
      ['modules.0.lessons.3.quiz.questions.0.options', 'single_choice_one_right'],
      ['modules.0.lessons.3.quiz.questions.1.options', 'right_option_missing'],
    ]);
  });
  it('a course needs a lesson, a self-assessment a statement; a training nothing', () => {
    const empty = { ...content([]), modules: [] };
    expect(incompleteIssues('course', empty).map((i) => i.path)).toEqual(['modules']);
    expect(incompleteIssues('self_assessment', empty).map((i) => i.path)).toEqual(['assessment']);
    expect(incompleteIssues('training', empty)).toEqual([]);
  });
  it('differs: any change of modules or assessment; never published: any content', () => {
    const a = content([lesson({})]);
    expect(draftDiffers(a, null)).toBe(true);
    expect(draftDiffers({ ...a, modules: [] }, null)).toBe(false);
    expect(draftDiffers(a, content([lesson({})]))).toBe(false);
    expect(draftDiffers(a, content([lesson({ title: 'other' })]))).toBe(true);
  });
  it('duplicate ids are refused', () => {
    const c = content([lesson({ id: 'same-1' }), lesson({ id: 'same-1' })]);
    expect(duplicateIds(c.modules, []).map((i) => i.path)).toEqual(['modules.0.lessons.1.id']);
  });
});

describe('parseRange', () => {
  it('single ranges, suffixes and open ends; invalid ones', () => {
    expect(parseRange(undefined, 10)).toBeNull();
    expect(parseRange('bytes=0-3', 10)).toEqual({ start: 0, end: 3 });
    expect(parseRange('bytes=5-', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=-4', 10)).toEqual({ start: 6, end: 9 });
    expect(parseRange('bytes=8-100', 10)).toEqual({ start: 8, end: 9 });
    expect(parseRange('bytes=10-', 10)).toBe('invalid');
    expect(parseRange('bytes=5-2', 10)).toBe('invalid');
    expect(parseRange('items=0-1', 10)).toBe('invalid');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull(); // whole file instead
  });
});

describe('classifyCourseFile', () => {
  it('captions must start with WEBVTT and end in .vtt', async () => {
    await expect(classifyCourseFile(Buffer.from('WEBVTT\n'), 'a.vtt', 'captions')).resolves.toEqual(
      {
        contentType: 'text/vtt; charset=utf-8',
        name: 'a.vtt',
      },
    );
    await expect(
      classifyCourseFile(Buffer.from('WEBVTT\n'), 'a.txt', 'captions'),
    ).rejects.toThrow();
    await expect(
      classifyCourseFile(Buffer.from('1\n00:00'), 'a.vtt', 'captions'),
    ).rejects.toThrow();
  });
  it('PDFs by their bytes and extension; sizes per purpose (413)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    await expect(classifyCourseFile(pdf, 'x.pdf', 'document')).resolves.toMatchObject({
      contentType: 'application/pdf',
    });
    await expect(classifyCourseFile(pdf, 'x.exe', 'document')).rejects.toThrow();
    await expect(classifyCourseFile(pdf, 'x.pdf', 'media')).rejects.toThrow();
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    await expect(classifyCourseFile(big, 'a.vtt', 'captions')).rejects.toMatchObject({
      status: 413,
    });
  });
});
