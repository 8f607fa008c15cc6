import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/db';
import { AnnouncementModel } from './announcement.model';
import {
  clearDiscussionCaches,
  courseAnnouncements,
  courseThreads,
  warmDiscussion,
} from './discussion.store';
import { ThreadModel } from './thread.model';

useTestDatabase();

const courseA = 'a'.repeat(24);
const courseB = 'b'.repeat(24);
const at = (min: number) => new Date(Date.UTC(2026, 4, 4, 8, min));

describe('discussion store', () => {
  it('warms every course from one read each: live threads newest activity first, announcements', async () => {
    const mk = (courseId: string, min: number, deleted = false) => ({
      _id: randomUUID(),
      courseId,
      authorId: 'c'.repeat(24),
      title: `Frage ${min}`,
      body: 'x',
      replies: [],
      createdAt: at(0),
      lastActivityAt: at(min),
      deletedAt: deleted ? at(min) : null,
      rev: 0,
    });
    const rows = [mk(courseA, 1), mk(courseA, 5), mk(courseA, 3, true), mk(courseB, 2)];
    await ThreadModel.insertMany(rows);
    await AnnouncementModel.create({
      _id: randomUUID(),
      courseId: courseB,
      authorId: 'c'.repeat(24),
      title: 'Hallo',
      body: 'Text',
      createdAt: at(1),
    });
    clearDiscussionCaches();
    await warmDiscussion([courseA, courseB, 'd'.repeat(24)]);
    // Written after the warm-up: the caches answer from memory, so this is not seen.
    await ThreadModel.create(mk(courseA, 9));
    expect((await courseThreads(courseA)).map((t) => t.title)).toEqual(['Frage 5', 'Frage 1']);
    expect((await courseThreads(courseB)).map((t) => t.title)).toEqual(['Frage 2']);
    expect(await courseThreads('d'.repeat(24))).toEqual([]);
    expect((await courseAnnouncements(courseB)).map((a) => a.title)).toEqual(['Hallo']);
    expect(await courseAnnouncements(courseA)).toEqual([]);
  });
});
