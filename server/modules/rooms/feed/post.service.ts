import { extractMentions } from '@shared/chat/markdown';
import type { PostReaction } from '@shared/rooms/schemas';
import type { FeedPageDTO, PostCommentDTO, PostDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../../auth/current-user';
import { HttpError, conflict, forbidden, notFound } from '../../../lib/errors';
import { events } from '../../../lib/events';
import { withKeyLock } from '../../../lib/keyed-lock';
import { peopleFromDirectory } from '../../people/directory-index';
import { requireRoom, type RoomAccess } from '../access';
import { roomItemAbilities } from '../rooms.policy';
import type { RoomModuleChange } from '../rooms.events';
import {
  RoomPostModel,
  normalisePost,
  type StoredPost,
  type StoredPostComment,
  type StoredPostFile,
} from './post.model';
import { presentPost, presentPostComment, presentPosts, type FeedViewer } from './post.presenter';
import { feedPage, findPost, forgetFeed, rememberPost, roomFeed } from './post.store';
import { postFilesFor, withPostFileLocks } from './post.files';

export const MAX_PINNED = 5;
export const MAX_COMMENTS = 500;

type User = Pick<CurrentUser, 'id' | 'roles'>;

const viewerOf = (user: User, access: RoomAccess): FeedViewer => ({
  id: user.id,
  abilities: access.abilities,
});
const postLock = (postId: string) => `room-post:${postId}`;
const staleCopy = () => new HttpError(409, 'stale_copy', 'The post was changed meanwhile.');
const reused = () =>
  new HttpError(409, 'client_id_reused', 'This id was already used by someone else.');
const isDuplicate = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

function publish(
  access: RoomAccess,
  actorId: string,
  module: RoomModuleChange,
  itemId: string,
  kind: 'created' | 'updated' | 'deleted',
  extra: { activity?: boolean; mentionedIds?: string[]; announcement?: boolean } = {},
): void {
  events.publish('rooms.content_changed', {
    roomId: access.room.id,
    actorId,
    module,
    itemId,
    kind,
    activity: extra.activity ?? false,
    ...(extra.mentionedIds ? { mentionedIds: extra.mentionedIds } : {}),
    ...(extra.announcement ? { announcement: true } : {}),
  });
}

/** `@username` of members only (others stay plain text); never the writer themselves. */
async function mentionedMembers(
  access: RoomAccess,
  actorId: string,
  body: string,
): Promise<string[]> {
  const { usernames } = extractMentions(body);
  if (!usernames.length) return [];
  const wanted = new Set(usernames.map((u) => u.toLowerCase()));
  const members = await peopleFromDirectory([...access.room.members.keys()]);
  return members
    .filter((p) => p.active !== false && wanted.has(p.username.toLowerCase()))
    .map((p) => String(p._id))
    .filter((id) => id !== actorId);
}

/**
 * Applies a change to one post: serialised per post here, guarded by `seq` against other
 * instances (a lost race reloads and applies the change again). `change` returns the fields to
 * set (null: nothing to write) and the result.
 */
async function mutatePost<R>(
  roomId: string,
  postId: string,
  change: (post: StoredPost) => { set: Partial<StoredPost> | null; result: (p: StoredPost) => R },
): Promise<R> {
  return withKeyLock(postLock(postId), async () => {
    for (let attempt = 0; ; attempt += 1) {
      const current = await findPost(roomId, postId);
      if (!current || current.deletedAt) throw notFound();
      const { set, result } = change(current);
      if (!set) return result(current);
      const seq = current.seq + 1;
      const res = await RoomPostModel.updateOne(
        { _id: postId, seq: current.seq },
        { $set: { ...set, seq } },
      );
      if (res.matchedCount === 1) {
        const next: StoredPost = { ...current, ...set, seq };
        await rememberPost(next);
        return result(next);
      }
      forgetFeed(roomId); // another instance wrote first: reload and apply again
      if (attempt >= 5) throw conflict('Please try again.');
    }
  });
}

export async function listFeed(
  user: User,
  roomId: string,
  query: { before?: string; limit: number },
): Promise<FeedPageDTO> {
  const access = await requireRoom(user, roomId, 'read', 'feed');
  const page = await feedPage(roomId, query.limit, query.before);
  const viewer = viewerOf(user, access);
  const [pinned, posts] = await Promise.all([
    presentPosts(page.pinned, viewer),
    presentPosts(page.posts, viewer),
  ]);
  return { pinned, posts, nextCursor: page.nextCursor };
}

export async function getPost(user: User, roomId: string, postId: string): Promise<PostDTO> {
  const access = await requireRoom(user, roomId, 'read', 'feed');
  const post = await findPost(roomId, postId);
  if (!post || post.deletedAt) throw notFound();
  return presentPost(post, viewerOf(user, access), { allComments: true });
}

/** Idempotent by the client's UUID: the same author gets the stored post back (created: false). */
export async function createPost(
  user: User,
  roomId: string,
  input: { id: string; body: string; announcement: boolean; fileIds: string[] },
): Promise<{ post: PostDTO; created: boolean }> {
  const access = await requireRoom(user, roomId, 'contribute', 'feed');
  if (input.announcement && !access.abilities.moderate) {
    throw forbidden('Only moderators can post announcements.');
  }
  const viewer = viewerOf(user, access);
  const postId = input.id.toLowerCase();
  const replay = (doc: unknown) => {
    const post = normalisePost(doc);
    if (post.authorId !== user.id || post.roomId !== roomId || post.deletedAt) throw reused();
    return presentPost(post, viewer).then((dto) => ({ post: dto, created: false }));
  };
  return withKeyLock(postLock(postId), async () => {
    const mentionedIds = await mentionedMembers(access, user.id, input.body);
    const makePost = (files: StoredPostFile[]): StoredPost => ({
      _id: postId,
      roomId,
      authorId: user.id,
      body: input.body,
      announcement: input.announcement,
      pinned: false,
      pinnedAt: null,
      fileIds: files.map((f) => f.id),
      files,
      reactions: {},
      comments: [],
      createdAt: new Date(),
      editedAt: null,
      deletedAt: null,
      deletedBy: null,
      rev: 0,
      seq: 0,
    });
    // The files' locks from their check until the post is stored: the upload sweep re-checks
    // under the same lock, so it never removes a file this post is about to list.
    const stored = await withPostFileLocks(input.fileIds, async () => {
      // No read first (it would scan all posts on every create): the unique `_id` finds a replay.
      const post = makePost(await postFilesFor(roomId, user.id, input.fileIds));
      try {
        await RoomPostModel.create(post);
        return { post };
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        const winner = await RoomPostModel.findById(postId).lean();
        if (winner) return { winner };
        throw err;
      }
    });
    if ('winner' in stored) return replay(stored.winner);
    const { post } = stored;
    await rememberPost(post);
    publish(access, user.id, 'post', postId, 'created', {
      activity: true,
      mentionedIds,
      announcement: input.announcement,
    });
    return { post: await presentPost(post, viewer), created: true };
  });
}

/** The author edits the text, against the revision they saw (409 `stale_copy`). */
export async function updatePost(
  user: User,
  roomId: string,
  postId: string,
  input: { rev: number; body: string },
): Promise<PostDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'feed');
  const viewer = viewerOf(user, access);
  const before: { body: string | null } = { body: null }; // the body this edit replaced
  const post = await mutatePost(roomId, postId, (p) => {
    before.body = null;
    if (!roomItemAbilities(access.abilities, user.id, p.authorId).edit) throw forbidden();
    if (p.rev !== input.rev) throw staleCopy();
    if (p.body === input.body) return { set: null, result: (n) => n };
    before.body = p.body;
    return { set: { body: input.body, editedAt: new Date(), rev: p.rev + 1 }, result: (n) => n };
  });
  // Only people the edit mentions for the first time hear of it (no second notice).
  let mentionedIds: string[] = [];
  if (before.body !== null) {
    const previously = new Set(await mentionedMembers(access, user.id, before.body));
    mentionedIds = (await mentionedMembers(access, user.id, input.body)).filter(
      (id) => !previously.has(id),
    );
  }
  publish(access, user.id, 'post', postId, 'updated', mentionedIds.length ? { mentionedIds } : {});
  return presentPost(post, viewer);
}

/** Author or moderator; the document stays (with `deletedAt`), the feed no longer shows it. */
export async function deletePost(
  user: User,
  roomId: string,
  postId: string,
): Promise<{ id: string; deleted: true }> {
  const access = await requireRoom(user, roomId, 'contribute', 'feed');
  await mutatePost(roomId, postId, (p) => {
    if (!roomItemAbilities(access.abilities, user.id, p.authorId).delete) throw forbidden();
    return {
      set: { deletedAt: new Date(), deletedBy: user.id, pinned: false },
      result: () => null,
    };
  });
  publish(access, user.id, 'post', postId, 'deleted');
  return { id: postId, deleted: true };
}

/** Moderators pin (at most five per room) and unpin; repeating it changes nothing. */
export async function pinPost(
  user: User,
  roomId: string,
  postId: string,
  pinned: boolean,
): Promise<PostDTO> {
  const access = await requireRoom(user, roomId, 'moderate', 'feed');
  // The limit spans posts: one lock per room around the count and the write.
  const post = await withKeyLock(`room-pins:${roomId}`, async () => {
    const count = (await roomFeed(roomId)).pinned.filter((p) => p._id !== postId).length;
    return mutatePost(roomId, postId, (p) => {
      if (p.pinned === pinned) return { set: null, result: (n) => n };
      if (pinned && count >= MAX_PINNED) {
        throw conflict(`At most ${MAX_PINNED} posts can be pinned in a room. Unpin one first.`);
      }
      return { set: { pinned, pinnedAt: pinned ? new Date() : null }, result: (n) => n };
    });
  });
  publish(access, user.id, 'post', postId, 'updated');
  return presentPost(post, viewerOf(user, access));
}

/** Set semantics: on adds me once, off removes me; repeating it changes nothing. */
export async function reactToPost(
  user: User,
  roomId: string,
  postId: string,
  input: { reaction: PostReaction; on: boolean },
): Promise<PostDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'feed');
  let changed = false;
  const post = await mutatePost(roomId, postId, (p) => {
    const who = p.reactions[input.reaction] ?? [];
    const has = who.includes(user.id);
    if (has === input.on) return { set: null, result: (n) => n };
    const next = input.on ? [...who, user.id] : who.filter((id) => id !== user.id);
    changed = true;
    return { set: { reactions: { ...p.reactions, [input.reaction]: next } }, result: (n) => n };
  });
  if (changed) publish(access, user.id, 'reaction', postId, 'updated');
  return presentPost(post, viewerOf(user, access));
}

/** Idempotent by the client's UUID; at most 500 per post (409). */
export async function addComment(
  user: User,
  roomId: string,
  postId: string,
  input: { id: string; body: string },
): Promise<{ comment: PostCommentDTO; created: boolean }> {
  const access = await requireRoom(user, roomId, 'contribute', 'feed');
  const commentId = input.id.toLowerCase();
  let created = false;
  const comment = await mutatePost(roomId, postId, (p) => {
    const existing = p.comments.find((c) => c.id === commentId);
    if (existing) {
      if (existing.authorId !== user.id) throw reused();
      return { set: null, result: () => existing };
    }
    if (p.comments.length >= MAX_COMMENTS) {
      throw conflict(`A post can have at most ${MAX_COMMENTS} comments.`);
    }
    const c: StoredPostComment = {
      id: commentId,
      authorId: user.id,
      body: input.body,
      createdAt: new Date(),
    };
    created = true;
    return { set: { comments: [...p.comments, c] }, result: () => c };
  });
  if (created) {
    const mentionedIds = await mentionedMembers(access, user.id, input.body);
    publish(access, user.id, 'comment', postId, 'created', { activity: true, mentionedIds });
  }
  return { comment: await presentPostComment(comment, viewerOf(user, access)), created };
}

/** The comment's author or a moderator. */
export async function deleteComment(
  user: User,
  roomId: string,
  postId: string,
  commentId: string,
): Promise<PostDTO> {
  const access = await requireRoom(user, roomId, 'contribute', 'feed');
  const id = commentId.toLowerCase();
  const post = await mutatePost(roomId, postId, (p) => {
    const c = p.comments.find((x) => x.id === id);
    if (!c) throw notFound();
    if (!roomItemAbilities(access.abilities, user.id, c.authorId).delete) throw forbidden();
    return { set: { comments: p.comments.filter((x) => x.id !== id) }, result: (n) => n };
  });
  publish(access, user.id, 'comment', postId, 'deleted');
  return presentPost(post, viewerOf(user, access));
}
