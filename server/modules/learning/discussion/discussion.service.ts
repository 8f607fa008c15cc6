import type { Request } from 'express';
import type { AnnouncementDTO, ReplyDTO, ThreadDTO } from '@shared/learning/types';
import type { CurrentUser } from '../../auth/current-user';
import { audit } from '../../audit/audit.service';
import { HttpError, conflict, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import {
  AnnouncementModel,
  normaliseAnnouncement,
  type StoredAnnouncement,
} from './announcement.model';
import { courseArchived, requireDiscussion, type DiscussionAccess } from './discussion.access';
import { canDeleteItem, isTrainerVoice } from './discussion.policy';
import {
  authorIdsOf,
  peopleOf,
  presentAnnouncement,
  presentReply,
  presentThread,
  type DiscussionContext,
} from './discussion.presenter';
import {
  courseAnnouncements,
  findThread,
  forgetThreads,
  rememberAnnouncement,
  rememberThread,
  threadPage,
} from './discussion.store';
import { ThreadModel, normaliseThread, type StoredReply, type StoredThread } from './thread.model';

export const MAX_REPLIES = 500;
export const ANNOUNCEMENTS_SHOWN = 100;

const threadLock = (threadId: string) => `learning-thread:${threadId}`;
const reused = () =>
  new HttpError(409, 'client_id_reused', 'This id was already used by someone else.');
const isDuplicate = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

async function contextOf(
  user: CurrentUser,
  d: DiscussionAccess,
  authorIds: Iterable<string>,
): Promise<DiscussionContext> {
  return {
    viewer: { id: user.id },
    facts: d.facts,
    course: d.access.course,
    people: await peopleOf(authorIds),
  };
}

const trainerVoice = (user: CurrentUser, d: DiscussionAccess) =>
  isTrainerVoice(user, d.access.course);

function publishChange(
  user: CurrentUser,
  d: DiscussionAccess,
  thread: StoredThread,
  change: 'thread' | 'reply' | 'deleted',
): void {
  events.publish('learning.discussion_changed', {
    courseId: thread.courseId,
    threadId: thread._id,
    actorId: user.id,
    change,
    threadAuthorId: thread.authorId,
    byTrainer: trainerVoice(user, d),
  });
}

export async function listThreads(
  user: CurrentUser,
  courseId: string,
  query: { cursor?: string; limit: number },
  req?: Request,
): Promise<{ data: ThreadDTO[]; nextCursor: string | null }> {
  const d = await requireDiscussion(user, courseId, 'read', req);
  const page = await threadPage(courseId, query.limit, query.cursor);
  const ctx = await contextOf(user, d, authorIdsOf(page.threads));
  return { data: page.threads.map((t) => presentThread(t, ctx)), nextCursor: page.nextCursor };
}

/** Idempotent by the client's UUID: the same author gets the stored thread back (created: false). */
export async function createThread(
  user: CurrentUser,
  courseId: string,
  input: { clientId: string; title: string; body: string },
  req?: Request,
): Promise<{ thread: ThreadDTO; created: boolean }> {
  const d = await requireDiscussion(user, courseId, 'post', req);
  const id = input.clientId.toLowerCase();
  const present = async (t: StoredThread, created: boolean) => ({
    thread: presentThread(t, await contextOf(user, d, authorIdsOf([t]))),
    created,
  });
  const replay = (t: StoredThread) => {
    if (t.authorId !== user.id || t.courseId !== courseId || t.deletedAt) throw reused();
    return present(t, false);
  };
  return withKeyLock(threadLock(id), async () => {
    const known = await findThread(courseId, id);
    if (known) return replay(known);
    const now = new Date();
    const thread: StoredThread = {
      _id: id,
      courseId,
      authorId: user.id,
      title: input.title,
      body: input.body,
      replies: [],
      createdAt: now,
      lastActivityAt: now,
      deletedAt: null,
      deletedBy: null,
      rev: 0,
    };
    try {
      await ThreadModel.create(thread);
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const winner = await ThreadModel.findById(id).lean();
      if (!winner) throw err;
      return replay(normaliseThread(winner));
    }
    await rememberThread(thread);
    publishChange(user, d, thread, 'thread');
    return present(thread, true);
  });
}

/**
 * Applies a change to one thread: serialised per thread here, guarded by `rev` against other
 * instances (a lost race reloads and applies the change again).
 */
async function mutateThread<R>(
  courseId: string,
  threadId: string,
  change: (t: StoredThread) => { update: object; next: StoredThread; result: R } | { done: R },
): Promise<{ result: R; next: StoredThread | null }> {
  return withKeyLock(threadLock(threadId), async () => {
    for (let attempt = 0; ; attempt += 1) {
      const current = await findThread(courseId, threadId);
      if (!current) throw notFound();
      const step = change(current);
      if ('done' in step) return { result: step.done, next: null };
      const res = await ThreadModel.updateOne({ _id: threadId, rev: current.rev }, step.update);
      if (res.matchedCount === 1) {
        await rememberThread(step.next);
        return { result: step.result, next: step.next };
      }
      forgetThreads(courseId); // another instance wrote first: reload and apply again
      if (attempt >= 5) throw conflict('Please try again.');
    }
  });
}

/** Idempotent by the reply's client UUID within the thread. */
export async function addReply(
  user: CurrentUser,
  courseId: string,
  threadId: string,
  input: { clientId: string; body: string },
  req?: Request,
): Promise<{ reply: ReplyDTO; created: boolean }> {
  const d = await requireDiscussion(user, courseId, 'post', req);
  const replyId = input.clientId.toLowerCase();
  const { result, next } = await mutateThread<StoredReply>(courseId, threadId, (t) => {
    const existing = t.replies.find((r) => r.id === replyId);
    if (existing) {
      if (existing.authorId !== user.id || existing.deletedAt) throw reused();
      return { done: existing };
    }
    if (t.replies.length >= MAX_REPLIES) {
      throw conflict(`A question can have at most ${MAX_REPLIES} replies.`);
    }
    const now = new Date();
    const reply: StoredReply = {
      id: replyId,
      authorId: user.id,
      body: input.body,
      createdAt: now,
      deletedAt: null,
    };
    const rev = t.rev + 1;
    return {
      update: { $push: { replies: reply }, $set: { lastActivityAt: now, rev } },
      next: { ...t, replies: [...t.replies, reply], lastActivityAt: now, rev },
      result: reply,
    };
  });
  if (next) publishChange(user, d, next, 'reply');
  const ctx = await contextOf(user, d, [result.authorId]);
  return { reply: presentReply(result, ctx), created: next !== null };
}

async function ensureMayDelete(
  user: CurrentUser,
  d: DiscussionAccess,
  item: { authorId: string },
  what: string,
  subjectId: string,
  req?: Request,
): Promise<void> {
  if (canDeleteItem(user, d.facts, item)) {
    if (item.authorId !== user.id) {
      await audit({
        action: `learning.discussion.${what}_deleted`,
        actorId: user.id,
        subjectType: `learning_${what}`,
        subjectId,
        req,
      });
    }
    return;
  }
  if (item.authorId === user.id && d.facts.status === 'archived') throw courseArchived();
  await audit({
    action: `learning.discussion.delete_${what}`,
    actorId: user.id,
    subjectType: `learning_${what}`,
    subjectId,
    outcome: 'denied',
    req,
  });
  throw forbidden();
}

/** Soft delete: the thread leaves the list (its replies with it). */
export async function deleteThread(
  user: CurrentUser,
  courseId: string,
  threadId: string,
  req?: Request,
): Promise<void> {
  const d = await requireDiscussion(user, courseId, 'read', req);
  const thread = await findThread(courseId, threadId);
  if (!thread) throw notFound();
  await ensureMayDelete(user, d, thread, 'thread', threadId, req);
  const { next } = await mutateThread<null>(courseId, threadId, (t) => {
    const now = new Date();
    const rev = t.rev + 1;
    return {
      update: { $set: { deletedAt: now, deletedBy: user.id, rev } },
      next: { ...t, deletedAt: now, deletedBy: user.id, rev },
      result: null,
    };
  });
  if (next) publishChange(user, d, next, 'deleted');
}

/** Soft delete of one reply (kept in the document, no longer shown). */
export async function deleteReply(
  user: CurrentUser,
  courseId: string,
  threadId: string,
  replyId: string,
  req?: Request,
): Promise<void> {
  const d = await requireDiscussion(user, courseId, 'read', req);
  const thread = await findThread(courseId, threadId);
  const reply = thread?.replies.find((r) => r.id === replyId && !r.deletedAt);
  if (!thread || !reply) throw notFound();
  await ensureMayDelete(user, d, reply, 'reply', replyId, req);
  const { next } = await mutateThread<null>(courseId, threadId, (t) => {
    if (!t.replies.some((r) => r.id === replyId && !r.deletedAt)) throw notFound();
    const now = new Date();
    const replies = t.replies.map((r) => (r.id === replyId ? { ...r, deletedAt: now } : r));
    const rev = t.rev + 1;
    return { update: { $set: { replies, rev } }, next: { ...t, replies, rev }, result: null };
  });
  if (next) publishChange(user, d, next, 'deleted');
}

// ---- Announcements -------------------------------------------------------------------------

export async function listAnnouncements(
  user: CurrentUser,
  courseId: string,
  req?: Request,
): Promise<AnnouncementDTO[]> {
  await requireDiscussion(user, courseId, 'read', req);
  const list = (await courseAnnouncements(courseId)).slice(0, ANNOUNCEMENTS_SHOWN);
  const people = await peopleOf(list.map((a) => a.authorId));
  return list.map((a) => presentAnnouncement(a, people));
}

/** Idempotent by the client's UUID (a repeat by the same author returns it: created false). */
export async function createAnnouncement(
  user: CurrentUser,
  courseId: string,
  input: { clientId: string; title: string; body: string },
  req?: Request,
): Promise<{ announcement: AnnouncementDTO; created: boolean }> {
  await requireDiscussion(user, courseId, 'announce', req);
  const id = input.clientId.toLowerCase();
  const present = async (a: StoredAnnouncement, created: boolean) => ({
    announcement: presentAnnouncement(a, await peopleOf([a.authorId])),
    created,
  });
  const replay = (a: StoredAnnouncement) => {
    if (a.authorId !== user.id || a.courseId !== courseId) throw reused();
    return present(a, false);
  };
  return withKeyLock(`learning-announcement:${id}`, async () => {
    const known = (await courseAnnouncements(courseId)).find((a) => a._id === id);
    if (known) return replay(known);
    const a: StoredAnnouncement = {
      _id: id,
      courseId,
      authorId: user.id,
      title: input.title,
      body: input.body,
      createdAt: new Date(),
    };
    try {
      await AnnouncementModel.create(a);
    } catch (err) {
      if (!isDuplicate(err)) throw err;
      const winner = await AnnouncementModel.findById(id).lean();
      if (!winner) throw err;
      return replay(normaliseAnnouncement(winner));
    }
    await rememberAnnouncement(a);
    events.publish('learning.announcement_created', {
      courseId,
      announcementId: id,
      actorId: user.id,
    });
    return present(a, true);
  });
}
