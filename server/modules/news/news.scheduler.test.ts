import { beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { useTestDatabase } from '../../test/db';
import { makeTestApp, session, type Session } from '../../test/app';
import { events } from '../../lib/events';
import { ArticleModel } from './article.model';
import { makeArticle, makeNewsOrg, officeAudience, type NewsOrg } from './engagement.fixtures';
import type { NewsChangedEvent } from './news.events';
import { articleById, refreshArticle } from './news.read-model';
import { runNewsSchedule } from './news.scheduler';

useTestDatabase();

let app: Express;
let org: NewsOrg;
let editor: Session;
const changes: NewsChangedEvent[] = [];

beforeAll(async () => {
  app = makeTestApp();
  org = await makeNewsOrg();
  editor = await session(app, 'editor');
  events.on('news.changed', (e) => {
    changes.push(e);
  });
});

const expiredEvents = (id: string) =>
  changes.filter((e) => e.articleId === id && e.action === 'expired');

async function expireNow(id: string) {
  await ArticleModel.updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
  await refreshArticle(id);
}

describe('news scheduler', () => {
  it('concurrent scheduler runs publish a due article exactly once (per-article lock)', async () => {
    const id = await makeArticle(org, {
      status: 'scheduled',
      publishedAt: null,
      publishAt: new Date(Date.now() - 1000),
      rev: 2,
    });
    const runs = await Promise.all([runNewsSchedule(), runNewsSchedule(), runNewsSchedule()]);
    expect(runs.reduce((n, r) => n + r.published, 0)).toBe(1);
    expect(changes.filter((e) => e.articleId === id && e.action === 'published')).toHaveLength(1);
    const stored = await ArticleModel.findById(id).lean();
    expect(stored?.status).toBe('published');
    expect(stored?.rev).toBe(3);
    expect(stored?.history.filter((h) => h.action === 'published')).toHaveLength(1);
  });

  it('an article whose expiry was extended is announced again when it expires again', async () => {
    const id = await makeArticle(org, { rev: 2, expiresAt: new Date(Date.now() + 3_600_000) });
    await expireNow(id);
    await runNewsSchedule();
    expect(expiredEvents(id)).toHaveLength(1);

    // The editor extends it: live again.
    const a = await articleById(id);
    await editor.agent
      .patch(`/api/news/${id}`)
      .set('X-CSRF-Token', editor.csrf)
      .send({
        rev: a!.rev,
        channelId: String(org.channel._id),
        variants: { de: { title: 'Neue Regeln', teaser: '', body: '<p>Text</p>' } },
        audience: officeAudience(org),
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      })
      .expect(200);
    expect((await articleById(id))?.expiryAnnounced).toBe(false);

    await expireNow(id);
    await runNewsSchedule();
    await runNewsSchedule();
    expect(expiredEvents(id)).toHaveLength(2);
  });
});
