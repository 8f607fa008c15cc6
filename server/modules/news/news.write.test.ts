import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { ArticleModel } from './article.model';
import { ArticleBodyModel } from './article-body.model';
import { makeArticle, makeNewsOrg, type NewsOrg } from './engagement.fixtures';
import { articleById, refreshArticle } from './news.read-model';
import {
  articleBody,
  BODY_CHARS_MAX,
  cachedBodyChars,
  guardedUpdate,
  rememberBody,
} from './news.write';

useTestDatabase();

let org: NewsOrg;
beforeAll(async () => {
  org = await makeNewsOrg();
});

describe('article bodies cache', () => {
  it('does not keep the previous bodies under a revision whose bodies are not written yet', async () => {
    const id = await makeArticle(org, { rev: 2 }, '<p>alt</p>');
    // Another instance saved revision 3: the metadata is written, the bodies follow.
    await ArticleModel.updateOne({ _id: id }, { $set: { rev: 3 } });
    await refreshArticle(id);
    const a = await articleById(id);
    expect(a?.rev).toBe(3);
    expect((await articleBody(a!)).de).toBe('<p>alt</p>');
    await ArticleBodyModel.updateOne({ _id: id }, { $set: { de: '<p>neu</p>', rev: 3 } });
    expect((await articleBody(a!)).de).toBe('<p>neu</p>');
  });
});

describe('guarded transitions', () => {
  it('move the bodies to the new revision, so they stay cacheable', async () => {
    const id = await makeArticle(org, { rev: 2, status: 'draft', publishedAt: null }, '<p>a</p>');
    const a = await articleById(id);
    const after = await guardedUpdate(
      a!,
      { status: 'draft', rev: 2 },
      { status: 'published', rev: 3 },
    );
    expect(after?.rev).toBe(3);
    expect((await ArticleBodyModel.findById(id).lean())?.rev).toBe(3);
  });
});

describe('body cache size', () => {
  it('stays within its character budget however large the bodies are', () => {
    const big = 'x'.repeat(150_000);
    for (let i = 0; i < 200; i += 1) {
      rememberBody(`big${i}`, 1, { de: big, en: big, plain: big });
    }
    expect(cachedBodyChars()).toBeLessThanOrEqual(BODY_CHARS_MAX);
  });
});
