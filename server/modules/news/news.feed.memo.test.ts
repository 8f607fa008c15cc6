import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db';
import { subjectOf } from '../org/audience';
import { makeArticle, makeNewsOrg, type NewsOrg } from './engagement.fixtures';
import { liveForViewer } from './news.feed';
import type { NewsViewer } from './news.policy';

// The live list is memoised per audience subject (start page at city scale); it must still change
// the moment an article goes live or expires, without any write, and never leak across audiences.
useTestDatabase();

let org: NewsOrg;
const viewerOf = async (person: { _id: { toString(): string } }): Promise<NewsViewer> => {
  const id = String(person._id);
  const subject = await subjectOf(id);
  if (!subject) throw new Error('no subject');
  return { user: { id, roles: ['employee'] }, subject, editorOf: new Set() };
};

beforeAll(async () => {
  org = await makeNewsOrg();
});

const ids = (rows: { _id: unknown }[]) => rows.map((a) => String(a._id));

describe('live articles per viewer (memoised)', () => {
  it('reuses the list while nothing changes, and drops an article once it has expired', async () => {
    const t0 = Date.now();
    const expiring = await makeArticle(org, { expiresAt: new Date(t0 + 60_000) });
    const reader = await viewerOf(org.people.readerA);
    const first = await liveForViewer(reader, new Date(t0 + 1000));
    expect(ids(first)).toContain(expiring);
    expect(await liveForViewer(reader, new Date(t0 + 2000))).toBe(first); // the memo is in use
    expect(ids(await liveForViewer(reader, new Date(t0 + 61_000)))).not.toContain(expiring);
  });

  it('adds an article the moment its publication time has come', async () => {
    const t0 = Date.now();
    const future = await makeArticle(org, { publishedAt: new Date(t0 + 60_000) });
    const reader = await viewerOf(org.people.readerA);
    expect(ids(await liveForViewer(reader, new Date(t0 + 1000)))).not.toContain(future);
    expect(ids(await liveForViewer(reader, new Date(t0 + 61_000)))).toContain(future);
  });

  it('keeps audiences apart and follows new articles', async () => {
    const t = new Date(Date.now() + 1000);
    const inside = await viewerOf(org.people.readerA);
    const outside = await viewerOf(org.people.readerB);
    const before = ids(await liveForViewer(outside, t));
    const office = await makeArticle(org);
    expect(ids(await liveForViewer(inside, t))).toContain(office);
    expect(ids(await liveForViewer(outside, t))).toEqual(before);
    expect(ids(await liveForViewer(outside, t))).not.toContain(office);
  });
});
