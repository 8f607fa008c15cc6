import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../test/db';
import { NotificationModel } from '../../notifications/notification.model';
import { makeCourse, makeWorld, send, threadBody, type World } from './discussion.fixtures';
import { registerDiscussion } from './register';

useTestDatabase();

let w: World;
let stop: () => void;
beforeAll(async () => {
  w = await makeWorld();
  stop = registerDiscussion();
});
afterAll(() => stop());

const kindsOf = async (personId: string) =>
  (await NotificationModel.find({ userId: personId }).lean()).map((n) => n.kind).sort();

describe('discussion notifications', () => {
  it('question → trainers; replies → the asker (answer from trainers); announcements → learners', async () => {
    const c = await makeCourse(w);
    const base = `/api/learning/courses/${c}`;
    const t = await send(w, 'learner', 'post', `${base}/threads`, threadBody()).expect(201);
    await vi.waitFor(async () =>
      expect(await kindsOf(w.ids.trainer)).toEqual(['learning.question']),
    );

    const replies = `${base}/threads/${t.body.data.id}/replies`;
    await send(w, 'trainer', 'post', replies, { clientId: randomUUID(), body: 'Ja.' }).expect(201);
    await send(w, 'learner2', 'post', replies, { clientId: randomUUID(), body: 'Danke!' }).expect(
      201,
    );
    await send(w, 'learner', 'post', replies, { clientId: randomUUID(), body: 'Super.' }).expect(
      201,
    );
    await vi.waitFor(async () =>
      expect(await kindsOf(w.ids.learner)).toEqual(['learning.answer', 'learning.reply']),
    );

    await send(w, 'trainer', 'post', `${base}/announcements`, threadBody()).expect(201);
    await vi.waitFor(async () => {
      expect(await kindsOf(w.ids.learner2)).toEqual(['learning.announcement']);
      expect(await kindsOf(w.ids.learner)).toContain('learning.announcement');
    });
    // Never the writer themself, nobody outside the course; a trainer's own question asks nobody.
    await send(w, 'trainer', 'post', `${base}/threads`, threadBody()).expect(201);
    const all = await NotificationModel.find({}).lean();
    expect(all.filter((n) => String(n.userId) === w.ids.trainer).map((n) => n.kind)).toEqual([
      'learning.question',
    ]);
    expect(all.some((n) => String(n.userId) === w.ids.visitor)).toBe(false);
    const note = all.find((n) => n.kind === 'learning.announcement');
    expect(note?.link).toBe(`/learning/courses/${c}`);
  });
});
