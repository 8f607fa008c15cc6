import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { useTestDatabase } from '../../../test/db';
import { makePerson, makeTestApp, session, type Session } from '../../../test/app';

useTestDatabase();

// Images in lesson texts: only this course's own files survive a draft save.
const api = '/api/learning/courses';
let app: Express;
let hr: Session;
let learner: Session;
let png: Buffer;

const send = (s: Session, method: 'post' | 'put', path: string, body: object) =>
  s.agent[method](path).set('X-CSRF-Token', s.csrf).send(body);

async function course(title: string): Promise<string> {
  const made = await send(hr, 'post', api, { clientId: randomUUID(), kind: 'course', title });
  expect(made.status).toBe(201);
  return made.body.data.id as string;
}

async function image(courseId: string): Promise<string> {
  const up = await hr.agent
    .post(`${api}/${courseId}/files`)
    .set('X-CSRF-Token', hr.csrf)
    .field('purpose', 'image')
    .attach('file', png, 'bild.png')
    .expect(201);
  expect(up.body.data.contentType).toBe('image/png');
  return up.body.data.url as string;
}

const textLesson = (html: string) => [
  {
    id: 'module-1',
    title: 'Teil 1',
    lessons: [{ id: 'lesson-1', type: 'text', title: 'Text', html }],
  },
];

beforeAll(async () => {
  app = makeTestApp();
  await makePerson({ username: 'img_hr', roles: ['employee', 'hr'] });
  await makePerson({ username: 'img_learner', roles: ['employee'] });
  hr = await session(app, 'img_hr');
  learner = await session(app, 'img_learner');
  png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#c00' } })
    .png()
    .toBuffer();
});

describe('inline images in lesson texts', () => {
  it('a draft keeps an image of this course and drops one of another course; learners see it', async () => {
    const a = await course('Kurs mit Bild');
    const b = await course('Anderer Kurs');
    const own = await image(a);
    const foreign = await image(b);
    expect(own).toMatch(new RegExp(`^/api/learning/courses/${a}/files/[0-9a-f]{24}$`));

    const saved = await send(hr, 'put', `${api}/${a}/draft`, {
      rev: 0,
      modules: textLesson(
        `<p>Vorher</p><img src="${own}" alt="Ablaufplan"><img src="${foreign}" alt="Fremd">` +
          `<img src="/api/news/${'a'.repeat(24)}/files/${'b'.repeat(24)}" alt="News">` +
          '<img src="https://evil.example/x.png" alt="Außen">',
      ),
    }).expect(200);
    const html: string = saved.body.data.modules[0].lessons[0].html;
    expect(html).toContain(`src="${own}"`);
    expect(html).toContain('alt="Ablaufplan"');
    expect(html).not.toContain(b);
    expect(html).not.toContain('/api/news/');
    expect(html).not.toContain('evil');

    // A file id that looks like this course's but is not one of its files: refused.
    const fake = await send(hr, 'put', `${api}/${a}/draft`, {
      rev: saved.body.data.rev,
      modules: textLesson(`<img src="/api/learning/courses/${a}/files/${'e'.repeat(24)}" alt="x">`),
    }).expect(400);
    expect(fake.body.error.details[0]).toMatchObject({
      path: 'modules.0.lessons.0.html',
      code: 'unknown_reference',
    });

    await learner.agent.get(own).expect(404); // not published yet
    await send(hr, 'post', `${api}/${a}/publish`, { rev: saved.body.data.rev }).expect(200);
    const seen = await learner.agent.get(`${api}/${a}`).expect(200);
    expect(seen.body.data.modules[0].lessons[0].html).toContain(`src="${own}"`);
    const file = await learner.agent.get(own).expect(200);
    expect(file.headers['content-type']).toMatch(/^image\/png/);
    await learner.agent.get(foreign).expect(404);
  });
});
