import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnouncementDTO, ReplyDTO, ThreadDTO } from '@shared/learning/types';
import { useTestDatabase } from '../../../test/db';
import { ThreadModel } from './thread.model';
import {
  get,
  makeCourse,
  makeWorld,
  send,
  setStatus,
  threadBody,
  type Who,
  type World,
} from './discussion.fixtures';

useTestDatabase();

let w: World;
let course: string;
let draft: string;
const base = (id: string) => `/api/learning/courses/${id}`;

beforeAll(async () => {
  w = await makeWorld();
  course = await makeCourse(w);
  draft = await makeCourse(w, 'draft');
});

async function ask(who: Who, courseId = course, extra: object = {}): Promise<ThreadDTO> {
  const res = await send(w, who, 'post', `${base(courseId)}/threads`, threadBody(extra)).expect(
    201,
  );
  return res.body.data as ThreadDTO;
}

describe('discussion routes: status codes', () => {
  it('401 without a session on every route', async () => {
    const t = randomUUID();
    const r = randomUUID();
    const agent = request(w.app);
    await agent.get(`${base(course)}/threads`).expect(401);
    await agent.get(`${base(course)}/announcements`).expect(401);
    // Writes without a session: refused before anything else (401, or 403 for the CSRF check).
    for (const path of [`/threads`, `/threads/${t}/replies`, `/announcements`]) {
      const res = await agent.post(`${base(course)}${path}`).send({});
      expect([401, 403]).toContain(res.status);
    }
    for (const path of [`/threads/${t}`, `/threads/${t}/replies/${r}`]) {
      const res = await agent.delete(`${base(course)}${path}`);
      expect([401, 403]).toContain(res.status);
    }
  });

  it('404 for people who cannot see the course, and for draft-only courses', async () => {
    await get(w, 'outsider', `${base(course)}/threads`).expect(404);
    await get(w, 'outsider', `${base(course)}/announcements`).expect(404);
    await send(w, 'outsider', 'post', `${base(course)}/threads`, threadBody()).expect(404);
    await get(w, 'learner', `${base(draft)}/threads`).expect(404);
    await send(w, 'learner', 'post', `${base(draft)}/threads`, threadBody()).expect(404);
    await get(w, 'learner', `${base('0'.repeat(24))}/threads`).expect(404);
    const t = await ask('learner');
    await send(w, 'outsider', 'post', `${base(course)}/threads/${t.id}/replies`, {
      clientId: randomUUID(),
      body: 'x',
    }).expect(404);
    await send(w, 'outsider', 'delete', `${base(course)}/threads/${t.id}`).expect(404);
    // An unknown thread in a visible course.
    await send(w, 'learner', 'post', `${base(course)}/threads/${randomUUID()}/replies`, {
      clientId: randomUUID(),
      body: 'x',
    }).expect(404);
    await send(
      w,
      'learner',
      'delete',
      `${base(course)}/threads/${t.id}/replies/${randomUUID()}`,
    ).expect(404);
  });

  it('403 for a learner who is not enrolled (and for non-trainers announcing)', async () => {
    await get(w, 'visitor', `${base(course)}/threads`).expect(403);
    await get(w, 'visitor', `${base(course)}/announcements`).expect(403);
    await send(w, 'visitor', 'post', `${base(course)}/threads`, threadBody()).expect(403);
    const t = await ask('learner');
    await send(w, 'visitor', 'post', `${base(course)}/threads/${t.id}/replies`, {
      clientId: randomUUID(),
      body: 'Ich auch',
    }).expect(403);
    await send(w, 'visitor', 'delete', `${base(course)}/threads/${t.id}`).expect(403);
    await send(w, 'learner', 'post', `${base(course)}/announcements`, threadBody()).expect(403);
    // The trainer of a draft-only course cannot discuss yet.
    await get(w, 'trainer', `${base(draft)}/threads`).expect(403);
  });

  it('400 for invalid input', async () => {
    await get(w, 'learner', `${base('nope')}/threads`).expect(400);
    await get(w, 'learner', `${base(course)}/threads?cursor=${'A'.repeat(20)}`).expect(400);
    await get(w, 'learner', `${base(course)}/threads?extra=1`).expect(400);
    await send(w, 'learner', 'post', `${base(course)}/threads`, {
      clientId: 'x',
      title: 'Hi',
      body: '',
    }).expect(400);
    await send(w, 'learner', 'post', `${base(course)}/threads`, threadBody({ body: '' })).expect(
      400,
    );
    const t = await ask('learner');
    await send(w, 'learner', 'post', `${base(course)}/threads/${t.id}/replies`, {
      clientId: randomUUID(),
    }).expect(400);
    await send(w, 'learner', 'delete', `${base(course)}/threads/not-a-uuid`).expect(400);
    await send(w, 'trainer', 'post', `${base(course)}/announcements`, {
      clientId: randomUUID(),
      title: 'x',
    }).expect(400);
  });
});

describe('discussion routes: behaviour', () => {
  it('asks, replies, marks trainer answers, and lists newest activity first with a cursor', async () => {
    const c = await makeCourse(w);
    const older = await ask('learner', c);
    const newer = await ask('learner2', c);
    expect(older.byTrainer).toBe(false);
    expect(older.abilities).toEqual({ reply: true, delete: true });
    const reply = await send(w, 'trainer', 'post', `${base(c)}/threads/${older.id}/replies`, {
      clientId: randomUUID(),
      body: 'Drei Jahre.',
    }).expect(201);
    expect((reply.body.data as ReplyDTO).byTrainer).toBe(true);
    const list = (await get(w, 'learner2', `${base(c)}/threads`).expect(200)).body
      .data as ThreadDTO[];
    expect(list.map((t) => t.id)).toEqual([older.id, newer.id]);
    expect(list[0]?.answered).toBe(true);
    expect(list[0]?.replies[0]?.body).toBe('Drei Jahre.');
    expect(list[0]?.abilities).toEqual({ reply: true, delete: false });
    expect(list[1]?.answered).toBe(false);
    const page1 = await get(w, 'learner', `${base(c)}/threads?limit=1`).expect(200);
    expect((page1.body.data as ThreadDTO[]).map((t) => t.id)).toEqual([older.id]);
    const next = page1.body.nextCursor as string;
    const page2 = await get(w, 'learner', `${base(c)}/threads?limit=1&cursor=${next}`).expect(200);
    expect((page2.body.data as ThreadDTO[]).map((t) => t.id)).toEqual([newer.id]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it('is idempotent by clientId; another person reusing it gets 409 client_id_reused', async () => {
    const body = threadBody();
    const first = await send(w, 'learner', 'post', `${base(course)}/threads`, body).expect(201);
    const again = await send(w, 'learner', 'post', `${base(course)}/threads`, body).expect(200);
    expect(again.body.data.id).toBe(first.body.data.id);
    const other = await send(w, 'learner2', 'post', `${base(course)}/threads`, body).expect(409);
    expect(other.body.error.code).toBe('client_id_reused');
    const r = { clientId: randomUUID(), body: 'Antwort' };
    const path = `${base(course)}/threads/${first.body.data.id}/replies`;
    const a = await send(w, 'learner2', 'post', path, r).expect(201);
    const b = await send(w, 'learner2', 'post', path, r).expect(200);
    expect(b.body.data.id).toBe(a.body.data.id);
    const c = await send(w, 'trainer', 'post', path, r).expect(409);
    expect(c.body.error.code).toBe('client_id_reused');
    const doc = await ThreadModel.findById(first.body.data.id).lean();
    expect(doc?.replies).toHaveLength(1);
  });

  it('keeps all of 20 parallel replies', async () => {
    const t = await ask('learner');
    const path = `${base(course)}/threads/${t.id}/replies`;
    const whos: Who[] = ['learner', 'learner2', 'trainer', 'hr'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(w, whos[i % whos.length] as Who, 'post', path, {
          clientId: randomUUID(),
          body: `Antwort ${i}`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const doc = await ThreadModel.findById(t.id).lean();
    expect(doc?.replies).toHaveLength(20);
    const list = (await get(w, 'learner', `${base(course)}/threads`).expect(200)).body
      .data as ThreadDTO[];
    expect(list.find((x) => x.id === t.id)?.replies).toHaveLength(20);
  });

  it('stores bodies verbatim as plain text (no HTML processing)', async () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script> & <b>fett</b>';
    const t = await ask('learner', course, { body: evil, title: '<i>Frage</i> & "Antwort"' });
    expect(t.body).toBe(evil);
    const stored = await ThreadModel.findById(t.id).lean();
    expect(stored?.body).toBe(evil);
    expect(stored?.title).toBe('<i>Frage</i> & "Antwort"');
    const r = await send(w, 'learner', 'post', `${base(course)}/threads/${t.id}/replies`, {
      clientId: randomUUID(),
      body: evil,
    }).expect(201);
    expect(r.body.data.body).toBe(evil);
  });

  it('deletes: the author or a trainer/HR; others 403; soft (gone from the list)', async () => {
    const t = await ask('learner');
    const r = await send(w, 'learner2', 'post', `${base(course)}/threads/${t.id}/replies`, {
      clientId: randomUUID(),
      body: 'Gute Frage',
    }).expect(201);
    const replyPath = `${base(course)}/threads/${t.id}/replies/${r.body.data.id}`;
    await send(w, 'learner', 'delete', replyPath).expect(403);
    await send(w, 'learner2', 'delete', replyPath).expect(204);
    await send(w, 'learner2', 'delete', replyPath).expect(404);
    await send(w, 'learner2', 'delete', `${base(course)}/threads/${t.id}`).expect(403);
    await send(w, 'trainer', 'delete', `${base(course)}/threads/${t.id}`).expect(204);
    await send(w, 'learner', 'delete', `${base(course)}/threads/${t.id}`).expect(404);
    const list = (await get(w, 'learner', `${base(course)}/threads`).expect(200)).body
      .data as ThreadDTO[];
    expect(list.some((x) => x.id === t.id)).toBe(false);
    const doc = await ThreadModel.findById(t.id).lean();
    expect(doc?.deletedAt).toBeTruthy();
    expect(doc?.deletedBy).toBe(w.ids.trainer);
  });

  it('announcements: trainers and HR announce, readers list newest first, idempotent', async () => {
    const c = await makeCourse(w);
    const body = threadBody({ title: 'Neuer Termin' });
    const a = await send(w, 'trainer', 'post', `${base(c)}/announcements`, body).expect(201);
    await send(w, 'trainer', 'post', `${base(c)}/announcements`, body).expect(200);
    const reused = await send(w, 'hr', 'post', `${base(c)}/announcements`, body).expect(409);
    expect(reused.body.error.code).toBe('client_id_reused');
    const b = await send(
      w,
      'hr',
      'post',
      `${base(c)}/announcements`,
      threadBody({ title: 'Zweite' }),
    ).expect(201);
    const list = (await get(w, 'learner', `${base(c)}/announcements`).expect(200)).body
      .data as AnnouncementDTO[];
    expect(list.map((x) => x.id)).toEqual([b.body.data.id, a.body.data.id]);
    expect(list[1]?.author?.id).toBe(w.ids.trainer);
  });

  it('archived: enrolled learners still read; writing answers 409 course_archived', async () => {
    const c = await makeCourse(w);
    const t = await ask('learner', c);
    await setStatus(c, 'archived');
    await get(w, 'learner', `${base(c)}/threads`).expect(200);
    const res = await send(w, 'learner', 'post', `${base(c)}/threads`, threadBody()).expect(409);
    expect(res.body.error.code).toBe('course_archived');
    await send(w, 'learner', 'post', `${base(c)}/threads/${t.id}/replies`, {
      clientId: randomUUID(),
      body: 'x',
    }).expect(409);
    await send(w, 'trainer', 'post', `${base(c)}/announcements`, threadBody()).expect(409);
    await get(w, 'visitor', `${base(c)}/threads`).expect(404);
  });
});
