import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import type { Role } from '@shared/people/roles';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';

useTestDatabase();

type Who = 'hr' | 'hr2' | 'trainer' | 'other' | 'learner' | 'outsider' | 'admin';
const roles: Record<Who, Role[]> = {
  hr: ['employee', 'hr'],
  hr2: ['employee', 'hr'],
  trainer: ['employee'],
  other: ['employee'],
  learner: ['employee'],
  outsider: ['employee'],
  admin: ['employee', 'admin'],
};
let app: Express;
const ids = {} as Record<Who, string>;
const units = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;

const send = (who: Who, method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object) =>
  s[who].agent[method](path)
    .set('X-CSRF-Token', s[who].csrf)
    .send(body ?? {});
const get = (who: Who, path: string) => s[who].agent.get(path);

const api = '/api/learning/courses';
let courseId = '';
let mediaId = '';
let draftRev = 0;

// A minimal MP4 header (ftyp box) is enough for content sniffing.
const mp4 = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42'),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('mp42isom'),
  Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz'),
]);

const lessons = (mediaFileId: string, correct = true) => [
  {
    id: 'module-1',
    title: 'Grundlagen',
    lessons: [
      {
        id: 'lesson-text',
        type: 'text',
        title: 'Einführung',
        html: '<p>Hallo</p><script>alert(1)</script>',
      },
      { id: 'lesson-media', type: 'media', title: 'Video', mediaFileId },
      {
        id: 'lesson-quiz',
        type: 'quiz',
        title: 'Test',
        quiz: {
          passingScore: 50,
          maxAttempts: 3,
          questions: [
            {
              id: 'question-1',
              kind: 'single',
              text: 'Welche Farbe hat der Himmel?',
              feedback: 'SECRET-FEEDBACK',
              options: [
                { id: 'option-a', text: 'Blau', correct },
                { id: 'option-b', text: 'Grün', correct: false },
              ],
            },
          ],
        },
      },
    ],
  },
];

beforeAll(async () => {
  app = makeTestApp();
  for (const who of Object.keys(roles) as Who[]) {
    const p = await makePerson({ username: `l_${who}`, roles: roles[who] });
    ids[who] = p.id;
    units[who] = p.unitId;
    s[who] = await session(app, `l_${who}`);
  }
});

describe('learning courses', () => {
  it('401 without a session', async () => {
    const anon = await session(app);
    await anon.agent.get(api).expect(401);
    await anon.agent.post(api).set('X-CSRF-Token', anon.csrf).send({}).expect(401);
  });

  it('only HR creates; idempotent by clientId; another person reusing it → 409', async () => {
    const body = { clientId: randomUUID(), kind: 'course', title: 'Datenschutz' };
    await send('trainer', 'post', api, body).expect(403);
    await send('admin', 'post', api, body).expect(403);
    const made = await send('hr', 'post', api, body).expect(201);
    courseId = made.body.data.id;
    expect(made.body.data.status).toBe('draft');
    const again = await send('hr', 'post', api, body).expect(200);
    expect(again.body.data.id).toBe(courseId);
    const reused = await send('hr2', 'post', api, body).expect(409);
    expect(reused.body.error.code).toBe('client_id_reused');
    await send('hr', 'post', api, { ...body, clientId: randomUUID(), status: 'published' }).expect(
      400,
    );
  });

  it('learners never see a draft-only course (list, get, draft, versions, image, files)', async () => {
    const list = await get('learner', api).expect(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(courseId);
    for (const path of ['', '/draft', '/versions', '/image', `/files/${'a'.repeat(24)}`]) {
      await get('learner', `${api}/${courseId}${path}`).expect(404);
    }
    await send('learner', 'patch', `${api}/${courseId}`, { rev: 0, title: 'Hack' }).expect(404);
    await send('learner', 'post', `${api}/${courseId}/publish`, { rev: 0 }).expect(404);
  });

  it('PATCH: rev-guarded, strict, audience and trainers for HR only', async () => {
    await send('hr', 'patch', `${api}/${courseId}`, { rev: { $gt: -1 }, title: 'X' }).expect(400);
    await send('hr', 'patch', `${api}/${courseId}`, { rev: 0, createdBy: ids.other }).expect(400);
    const ok = await send('hr', 'patch', `${api}/${courseId}`, {
      rev: 0,
      audience: {
        units: [{ unitId: units.learner, withSubunits: true }],
        roles: [],
        locationIds: [],
      },
      trainerIds: [ids.trainer],
      description:
        '<p>Kurs</p><img src="https://evil.example/x.png"><a href="javascript:alert(1)">x</a>',
    }).expect(200);
    expect(ok.body.data.description).not.toContain('evil');
    expect(ok.body.data.description).not.toContain('javascript');
    expect(ok.body.data.trainers.map((t: { id: string }) => t.id)).toEqual([ids.trainer]);
    const stale = await send('hr', 'patch', `${api}/${courseId}`, { rev: 0, title: 'Alt' }).expect(
      409,
    );
    expect(stale.body.error.code).toBe('stale_copy');
    await send('trainer', 'patch', `${api}/${courseId}`, { rev: 1, trainerIds: [] }).expect(403);
    const t = await send('trainer', 'patch', `${api}/${courseId}`, {
      rev: 1,
      title: 'Datenschutz kompakt',
    }).expect(200);
    expect(t.body.data.title).toBe('Datenschutz kompakt');
    await send('other', 'patch', `${api}/${courseId}`, { rev: 2, title: 'Nope' }).expect(404);
  });

  it('files: authors upload by sniffed type; captions must be WebVTT', async () => {
    await s.other.agent
      .post(`${api}/${courseId}/files`)
      .set('X-CSRF-Token', s.other.csrf)
      .field('purpose', 'media')
      .attach('file', mp4, 'clip.mp4')
      .expect(404);
    const up = await s.trainer.agent
      .post(`${api}/${courseId}/files`)
      .set('X-CSRF-Token', s.trainer.csrf)
      .field('purpose', 'media')
      .attach('file', mp4, 'clip.mp4')
      .expect(201);
    mediaId = up.body.data.id;
    expect(up.body.data.contentType).toBe('video/mp4');
    await s.trainer.agent
      .post(`${api}/${courseId}/files`)
      .set('X-CSRF-Token', s.trainer.csrf)
      .field('purpose', 'media')
      .attach('file', Buffer.from('<html>no</html>'), 'clip.mp4')
      .expect(400);
    const bad = await s.trainer.agent
      .post(`${api}/${courseId}/files`)
      .set('X-CSRF-Token', s.trainer.csrf)
      .field('purpose', 'captions')
      .attach('file', Buffer.from('hello'), 'subs.vtt')
      .expect(400);
    expect(bad.body.error.details[0].code).toBe('webvtt_required');
    await s.trainer.agent
      .post(`${api}/${courseId}/files`)
      .set('X-CSRF-Token', s.trainer.csrf)
      .field('purpose', 'captions')
      .attach('file', Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n'), 'subs.vtt')
      .expect(201);
  });

  it('draft: authors only, sanitised, own files only, rev-guarded', async () => {
    await get('learner', `${api}/${courseId}/draft`).expect(404);
    const foreign = await send('trainer', 'put', `${api}/${courseId}/draft`, {
      rev: 0,
      modules: lessons('b'.repeat(24)),
    }).expect(400);
    expect(foreign.body.error.details[0].path).toBe('modules.0.lessons.1.mediaFileId');
    await send('trainer', 'put', `${api}/${courseId}/draft`, {
      rev: 0,
      modules: [],
      extra: 1,
    }).expect(400);
    const saved = await send('trainer', 'put', `${api}/${courseId}/draft`, {
      rev: 0,
      modules: lessons(mediaId, false),
    }).expect(200);
    draftRev = saved.body.data.rev;
    expect(saved.body.data.modules[0].lessons[0].html).not.toContain('script');
    expect(saved.body.data.changed).toBe(true);
    const stale = await send('hr', 'put', `${api}/${courseId}/draft`, {
      rev: 0,
      modules: [],
    }).expect(409);
    expect(stale.body.error.code).toBe('stale_copy');
    const draft = await get('hr', `${api}/${courseId}/draft`).expect(200);
    expect(draft.body.data.modules[0].lessons[2].quiz.questions[0].options[0]).toHaveProperty(
      'correct',
    );
  });

  it('publish: complete drafts only, then exactly once, then nothing_to_publish', async () => {
    const incomplete = await send('trainer', 'post', `${api}/${courseId}/publish`, {
      rev: draftRev,
    }).expect(400);
    expect(incomplete.body.error.code).toBe('course_incomplete');
    expect(incomplete.body.error.details[0].path).toBe(
      'modules.0.lessons.2.quiz.questions.0.options',
    );
    const saved = await send('trainer', 'put', `${api}/${courseId}/draft`, {
      rev: draftRev,
      modules: lessons(mediaId, true),
    }).expect(200);
    draftRev = saved.body.data.rev;
    await send('trainer', 'post', `${api}/${courseId}/publish`, { rev: draftRev - 1 }).expect(409);
    const published = await send('trainer', 'post', `${api}/${courseId}/publish`, {
      rev: draftRev,
    }).expect(200);
    expect(published.body.data.version).toBe(1);
    expect(published.body.data.status).toBe('published');
    expect(published.body.data.lessonCount).toBe(3);
    const same = await send('hr', 'post', `${api}/${courseId}/publish`, { rev: draftRev }).expect(
      409,
    );
    expect(same.body.error.code).toBe('nothing_to_publish');
  });

  it('two parallel publishes: one wins', async () => {
    const mods = lessons(mediaId, true);
    mods[0]!.title = 'Grundlagen (neu)';
    const saved = await send('hr', 'put', `${api}/${courseId}/draft`, {
      rev: draftRev,
      modules: mods,
    }).expect(200);
    draftRev = saved.body.data.rev;
    const [a, b] = await Promise.all([
      send('hr', 'post', `${api}/${courseId}/publish`, { rev: draftRev }),
      send('trainer', 'post', `${api}/${courseId}/publish`, { rev: draftRev }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const versions = await get('trainer', `${api}/${courseId}/versions`).expect(200);
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    await get('learner', `${api}/${courseId}/versions`).expect(403);
  });

  it('learners in the audience see it without answers; others get 404', async () => {
    const list = await get('learner', `${api}?q=DATENSCHUTZ`).expect(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(courseId);
    expect(list.body.total).toBe(1);
    const page = await get('learner', `${api}/${courseId}`).expect(200);
    expect(page.body.data.contentVersion).toBe(2);
    expect(page.body.data.modules[0].lessons).toHaveLength(3);
    expect(page.text).not.toContain('"correct"');
    expect(page.text).not.toContain('feedback');
    expect(page.text).not.toContain('SECRET-FEEDBACK');
    await get('learner', `${api}/${courseId}?preview=true`).expect(403);
    const preview = await get('trainer', `${api}/${courseId}?preview=true`).expect(200);
    expect(preview.body.data.contentVersion).toBe('draft');
    expect(preview.text).not.toContain('SECRET-FEEDBACK');
    const outsider = await get('outsider', api).expect(200);
    expect(outsider.body.data.map((c: { id: string }) => c.id)).not.toContain(courseId);
    await get('outsider', `${api}/${courseId}`).expect(404);
    await get('other', `${api}/${courseId}`).expect(404);
    const manage = await get('trainer', `${api}?scope=manage`).expect(200);
    expect(manage.body.data.map((c: { id: string }) => c.id)).toEqual([courseId]);
    expect((await get('other', `${api}?scope=manage`).expect(200)).body.data).toEqual([]);
    await get('learner', `${api}?scope[$ne]=x`).expect(400);
    await get('learner', `${api}?unknown=1`).expect(400);
  });

  it('files are served with HTTP Range to viewers of the published version', async () => {
    const full = await get('learner', `${api}/${courseId}/files/${mediaId}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(full.headers['accept-ranges']).toBe('bytes');
    expect(Buffer.compare(full.body as Buffer, mp4)).toBe(0);
    const part = await get('learner', `${api}/${courseId}/files/${mediaId}`)
      .set('Range', 'bytes=4-11')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(206);
    expect(part.headers['content-range']).toBe(`bytes 4-11/${mp4.length}`);
    expect((part.body as Buffer).toString()).toBe('ftypmp42');
    const bad = await get('learner', `${api}/${courseId}/files/${mediaId}`)
      .set('Range', `bytes=${mp4.length + 5}-`)
      .expect(416);
    expect(bad.headers['content-range']).toBe(`bytes */${mp4.length}`);
    await get('outsider', `${api}/${courseId}/files/${mediaId}`).expect(404);
  });

  it('archive: HR only, rev-guarded; writes on an archived course → 409 course_archived', async () => {
    const course = (await get('hr', `${api}/${courseId}`).expect(200)).body.data;
    await send('trainer', 'post', `${api}/${courseId}/archive`, { rev: course.rev }).expect(403);
    await send('hr', 'post', `${api}/${courseId}/archive`, { rev: course.rev - 1 }).expect(409);
    const archived = await send('hr', 'post', `${api}/${courseId}/archive`, {
      rev: course.rev,
    }).expect(200);
    expect(archived.body.data.status).toBe('archived');
    const list = await get('learner', api).expect(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(courseId);
    await get('learner', `${api}/${courseId}`).expect(404);
    const blocked = await send('trainer', 'put', `${api}/${courseId}/draft`, {
      rev: draftRev,
      modules: [],
    }).expect(409);
    expect(blocked.body.error.code).toBe('course_archived');
    const patch = await send('hr', 'patch', `${api}/${courseId}`, {
      rev: archived.body.data.rev,
      title: 'Neu',
    }).expect(409);
    expect(patch.body.error.code).toBe('course_archived');
    const restored = await send('hr', 'post', `${api}/${courseId}/restore`, {
      rev: archived.body.data.rev,
    }).expect(200);
    expect(restored.body.data.status).toBe('published');
  });

  it('categories: HR manages; delete only while unused', async () => {
    await send('trainer', 'post', '/api/learning/categories', {
      name: { de: 'Recht', en: 'Law' },
    }).expect(403);
    await send('hr', 'post', '/api/learning/categories', {
      name: { de: 'Recht', en: 'Law' },
      x: 1,
    }).expect(400);
    const made = await send('hr', 'post', '/api/learning/categories', {
      name: { de: 'Recht', en: 'Law' },
    }).expect(201);
    const categoryId = made.body.data.id;
    const course = (await get('hr', `${api}/${courseId}`).expect(200)).body.data;
    await send('hr', 'patch', `${api}/${courseId}`, { rev: course.rev, categoryId }).expect(200);
    const found = await get('learner', `${api}?q=recht`).expect(200);
    expect(found.body.data[0].category.name.en).toBe('Law');
    const used = await send('hr', 'delete', `/api/learning/categories/${categoryId}`).expect(409);
    expect(used.body.error.code).toBe('conflict');
    await send('hr', 'patch', `/api/learning/categories/${categoryId}`, {
      name: { de: 'Recht2', en: 'Law2' },
    }).expect(200);
    const cats = await get('learner', '/api/learning/categories').expect(200);
    expect(cats.body.data[0]).toMatchObject({ id: categoryId, courseCount: 1 });
    await send('hr', 'patch', `${api}/${courseId}`, {
      rev: course.rev + 1,
      categoryId: null,
    }).expect(200);
    await send('trainer', 'delete', `/api/learning/categories/${categoryId}`).expect(403);
    await send('hr', 'delete', `/api/learning/categories/${categoryId}`).expect(204);
    await send('hr', 'delete', `/api/learning/categories/${categoryId}`).expect(404);
  });
});
