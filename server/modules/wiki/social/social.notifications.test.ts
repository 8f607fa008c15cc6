import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Express } from 'express';
import { events } from '../../../lib/events';
import { useTestDatabase } from '../../../test/db';
import { makeTestApp, type Session } from '../../../test/app';
import { NotificationModel } from '../../notifications/notification.model';
import { PageModel } from '../page.model';
import { resetWikiIndex } from '../page-index';
import { SpaceModel } from '../space.model';
import { addWatchers, isWatching } from './watch.service';
import {
  onComment,
  onReviewDecided,
  onReviewRequested,
  onRevision,
  onSpaceRole,
  registerWikiSocial,
  resetWikiNoticeMemory,
} from './social.notifications';
import { remindDueReviews, todayInBerlin } from './review-reminder';
import { makeSocialWorld, makeWikiPage, setPageFields, uuid, type Who } from './social.fixtures';

useTestDatabase();

let app: Express;
let ids: Record<Who, string>;
let s: Record<Who, Session>;
let spaceId: string;

const notes = async (who: Who, kind: string) =>
  NotificationModel.find({ userId: ids[who], kind }).lean();

beforeAll(async () => {
  app = makeTestApp();
  ({ ids, s, spaceId } = await makeSocialWorld(app, 'ntf'));
});

beforeEach(async () => {
  await NotificationModel.deleteMany({});
  resetWikiNoticeMemory();
});

describe('wiki watching and change notices', () => {
  let off: (() => void) | null = null;
  afterEach(() => off?.());

  it('makes creators and editors watchers (through the domain events)', async () => {
    off = registerWikiSocial();
    const p = await makeWikiPage({ spaceId, createdBy: ids.admin });
    events.publish('wiki.page_changed', {
      pageId: p,
      spaceId,
      actorId: ids.admin,
      change: 'created',
      accessChanged: false,
      treeChanged: true,
    });
    events.publish('wiki.revision_created', {
      pageId: p,
      spaceId,
      revisionId: 'r1',
      kind: 'idle',
      authorIds: [ids.editor],
    });
    await vi.waitFor(async () => {
      expect(await isWatching(p, ids.admin)).toBe(true);
      expect(await isWatching(p, ids.editor)).toBe(true);
    });
    // The admin watched before the editor's version: told once; the editor (author) not.
    await vi.waitFor(async () => expect(await notes('admin', 'wiki.page_changed')).toHaveLength(1));
    expect(await notes('editor', 'wiki.page_changed')).toHaveLength(0);
  });

  it('with approval on, tells readers of the approved version only, not of drafts', async () => {
    await SpaceModel.updateOne({ _id: spaceId }, { $set: { approvalRequired: true } });
    resetWikiIndex();
    try {
      const p = await makeWikiPage({ spaceId, createdBy: ids.admin, title: 'Entwurf' });
      await addWatchers(p, [ids.reader, ids.editor]);
      await onRevision(p, 'idle', [ids.admin]);
      expect(await notes('reader', 'wiki.page_changed')).toHaveLength(0);
      expect(await notes('editor', 'wiki.page_changed')).toHaveLength(1);
      await onRevision(p, 'approved', [ids.admin]);
      expect(await notes('reader', 'wiki.page_changed')).toHaveLength(1);
    } finally {
      await SpaceModel.updateOne({ _id: spaceId }, { $set: { approvalRequired: false } });
      resetWikiIndex();
    }
  });

  it('tells a watcher at most once an hour per page, never the authors', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor, title: 'Reisekosten' });
    await addWatchers(p, [ids.reader, ids.commenter]);
    await onRevision(p, 'idle', [ids.editor]);
    await onRevision(p, 'manual', [ids.editor]);
    expect(await notes('editor', 'wiki.page_changed')).toHaveLength(0);
    // The editor now watches (an author); the commenter's restore tells them, the commenter not again.
    await onRevision(p, 'restore', [ids.commenter]);
    const [n] = await notes('reader', 'wiki.page_changed');
    expect(await notes('reader', 'wiki.page_changed')).toHaveLength(1);
    expect(n).toMatchObject({ link: `/wiki/p/${p}`, params: { title: 'Reisekosten' } });
    expect(await notes('commenter', 'wiki.page_changed')).toHaveLength(1);
    expect(await notes('editor', 'wiki.page_changed')).toHaveLength(1);
    // Another page is its own hour.
    const q = await makeWikiPage({ spaceId, createdBy: ids.editor });
    await addWatchers(q, [ids.reader]);
    await onRevision(q, 'approved', [ids.editor]);
    expect(await notes('reader', 'wiki.page_changed')).toHaveLength(2);
    // `created` versions are not news to watchers.
    const r = await makeWikiPage({ spaceId, createdBy: ids.editor });
    await addWatchers(r, [ids.reader]);
    await onRevision(r, 'created', [ids.editor]);
    expect(await notes('reader', 'wiki.page_changed')).toHaveLength(2);
  });

  it('sends nothing to a watcher a restriction now keeps out (no title leaks)', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor, title: 'Personalsache' });
    await addWatchers(p, [ids.reader, ids.listed]);
    await setPageFields(p, { restriction: { personIds: [ids.listed], unitIds: [] } });
    await onRevision(p, 'idle', [ids.admin]);
    await onComment({
      pageId: p,
      commentId: uuid(),
      actorId: ids.admin,
      created: true,
      parentAuthorId: null,
    });
    expect(await notes('listed', 'wiki.page_changed')).toHaveLength(1);
    const leaked = await NotificationModel.find({ userId: ids.reader }).lean();
    expect(leaked).toHaveLength(0);
  });
});

describe('wiki comment notifications', () => {
  const post = (who: Who, p: string, body: string, parentId: string | null = null) =>
    s[who].agent
      .post(`/api/wiki/pages/${p}/comments`)
      .set('X-CSRF-Token', s[who].csrf)
      .send({ id: uuid(), body, parentId })
      .expect(201);

  it('tells watchers and the owner about a comment, and the parent’s author about a reply (once)', async () => {
    const p = await makeWikiPage({
      spaceId,
      createdBy: ids.editor,
      ownerId: ids.admin,
      title: 'Urlaub',
    });
    await addWatchers(p, [ids.reader, ids.commenter]);
    const top = (await post('commenter', p, '<b>Frage</b> zur Regel')).body.data as { id: string };
    await onComment({
      pageId: p,
      commentId: top.id,
      actorId: ids.commenter,
      created: true,
      parentAuthorId: null,
    });
    const [toReader] = await notes('reader', 'wiki.comment');
    expect(toReader?.params).toMatchObject({ title: 'Urlaub', text: '<b>Frage</b> zur Regel' });
    expect(await notes('admin', 'wiki.comment')).toHaveLength(1);
    expect(await notes('commenter', 'wiki.comment')).toHaveLength(0);

    await NotificationModel.deleteMany({});
    const reply = (await post('editor', p, 'Antwort', top.id)).body.data as { id: string };
    await onComment({
      pageId: p,
      commentId: reply.id,
      actorId: ids.editor,
      created: true,
      parentAuthorId: ids.commenter,
    });
    expect(await notes('commenter', 'wiki.reply')).toHaveLength(1);
    expect(await notes('commenter', 'wiki.comment')).toHaveLength(0);
    expect(await notes('reader', 'wiki.comment')).toHaveLength(1);
    expect(await notes('editor', 'wiki.comment')).toHaveLength(0);
  });
});

describe('wiki review and role notifications', () => {
  it('asks the space admins (not the requester) and tells the requester the decision', async () => {
    const p = await makeWikiPage({ spaceId, createdBy: ids.editor, title: 'Freigabe' });
    await onReviewRequested(p, ids.editor);
    expect(await notes('admin', 'wiki.review_requested')).toHaveLength(1);
    expect(await notes('editor', 'wiki.review_requested')).toHaveLength(0);
    await setPageFields(p, {
      review: { state: 'rejected', requestedBy: null, requestedAt: null, comment: 'Quelle?' },
    });
    await onReviewDecided(p, ids.admin, 'rejected');
    const [n] = await notes('editor', 'wiki.review_decided');
    expect(n?.params).toMatchObject({ context: 'rejected_comment', comment: 'Quelle?' });
    expect(n?.link).toBe(`/wiki/p/${p}`);
  });

  it('tells a person about a new space role only if they can read the space', async () => {
    await onSpaceRole(spaceId, ids.admin, { personId: ids.listed, role: 'reader' });
    const [n] = await notes('listed', 'wiki.space_role');
    expect(n).toMatchObject({ params: { context: 'reader' }, link: `/wiki/spaces/${spaceId}` });
    await onSpaceRole(spaceId, ids.admin, { personId: ids.outsider, role: 'editor' });
    expect(await notes('outsider', 'wiki.space_role')).toHaveLength(0);
    await onSpaceRole(spaceId, ids.admin, { personId: ids.admin, role: 'admin' });
    expect(await notes('admin', 'wiki.space_role')).toHaveLength(0);
  });
});

describe('review-date reminders', () => {
  it('reminds the owner once per review date, however often (and concurrently) the sweep runs', async () => {
    const today = todayInBerlin();
    const due = await makeWikiPage({
      spaceId,
      createdBy: ids.editor,
      ownerId: ids.commenter,
      reviewBy: '2020-01-31',
      title: 'Alt',
    });
    await makeWikiPage({
      spaceId,
      createdBy: ids.editor,
      ownerId: ids.commenter,
      reviewBy: '2999-12-31',
    });
    await Promise.all([remindDueReviews(today), remindDueReviews(today)]);
    await remindDueReviews(today);
    const sent = await notes('commenter', 'wiki.review_due');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      params: { title: 'Alt', reviewBy: '2020-01-31' },
      link: `/wiki/p/${due}`,
    });
    expect((await PageModel.findById(due).lean())?.reviewRemindedFor).toBe('2020-01-31');
    // A new review date reminds again.
    await setPageFields(due, { reviewBy: '2021-06-01' });
    await remindDueReviews(today);
    expect(await notes('commenter', 'wiki.review_due')).toHaveLength(2);
  });
});
