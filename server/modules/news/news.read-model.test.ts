import { afterEach, describe, expect, it, vi } from 'vitest';
import mongoose, { Types } from 'mongoose';
import { useTestDatabase } from '../../test/db';
import { ArticleModel, type Article } from './article.model';
import { articleById, articleRows, noteArticleWritten } from './news.read-model';

useTestDatabase();

const doc = (title: string, extra: Partial<Article> = {}) => ({
  _id: new Types.ObjectId(),
  channelId: new Types.ObjectId(),
  status: 'published' as const,
  variants: { de: { title, teaser: '' }, en: null, plain: null },
  audience: { units: [], roles: [], locationIds: [] },
  authorId: new Types.ObjectId(),
  publishedAt: new Date(),
  ...extra,
});

const stamp = () => mongoose.connection.db!.collection<{ _id: string; v: string }>('system');

afterEach(() => vi.restoreAllMocks());

describe('news read model', () => {
  it('loads once, and the writing instance patches itself without reloading', async () => {
    const a = await ArticleModel.create(doc('Erster'));
    await noteArticleWritten(String(a._id), a.toObject());
    expect((await articleById(String(a._id)))?.variants.de.title).toBe('Erster');
    const find = vi.spyOn(ArticleModel, 'find');
    await ArticleModel.updateOne({ _id: a._id }, { $set: { 'variants.de.title': 'Zweiter' } });
    await noteArticleWritten(String(a._id), {
      ...a.toObject(),
      variants: { de: { title: 'Zweiter', teaser: '' }, en: null, plain: null },
    });
    expect((await articleById(String(a._id)))?.variants.de.title).toBe('Zweiter');
    expect(find).not.toHaveBeenCalled();
  });

  it('reloads when another instance moved the stamp', async () => {
    const b = await ArticleModel.create(doc('Fremd'));
    await stamp().updateOne(
      { _id: 'news-version' },
      { $set: { v: 'other-instance' } },
      { upsert: true },
    );
    expect((await articleById(String(b._id)))?.variants.de.title).toBe('Fremd');
  });

  it('orders pinned first, then newest', async () => {
    const old = await ArticleModel.create(
      doc('alt', { publishedAt: new Date(Date.now() - 86_400_000), pinned: true }),
    );
    const fresh = await ArticleModel.create(doc('neu'));
    await stamp().updateOne({ _id: 'news-version' }, { $set: { v: 'again' } });
    const ids = (await articleRows()).map((r) => String(r._id));
    expect(ids[0]).toBe(String(old._id));
    expect(ids.indexOf(String(fresh._id))).toBe(1);
  });
});
