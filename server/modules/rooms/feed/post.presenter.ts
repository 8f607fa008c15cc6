import type { PersonRef } from '@shared/people/types';
import { postReactions } from '@shared/rooms/schemas';
import type { PostCommentDTO, PostDTO, RoomAbilities, RoomFileRefDTO } from '@shared/rooms/types';
import { peopleFromDirectory } from '../../people/directory-index';
import { presentPersonRef } from '../../people/people.presenter';
import { initials } from '../../../lib/text';
import { roomItemAbilities } from '../rooms.policy';
import type { StoredPost, StoredPostComment, StoredPostFile } from './post.model';

/** Comments shown with a post in the feed; `GET /posts/:postId` shows all. */
export const FEED_COMMENTS = 3;
export const POST_FILE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

export interface FeedViewer {
  id: string;
  abilities: Pick<RoomAbilities, 'contribute' | 'moderate'>;
}

/** Someone no longer in the directory still shows as an author. */
const unknownPerson = (id: string): PersonRef => ({
  id,
  displayName: '—',
  position: null,
  unitId: null,
  initials: initials('?'),
  photoUrl: null,
});

export const postFileUrl = (roomId: string, fileId: string) =>
  `/api/rooms/${roomId}/post-files/${fileId}`;

export function presentPostFile(roomId: string, f: StoredPostFile): RoomFileRefDTO {
  return {
    id: f.id,
    name: f.name,
    contentType: f.contentType,
    size: f.size,
    isImage: POST_FILE_IMAGE_TYPES.includes(f.contentType),
    url: postFileUrl(roomId, f.id),
  };
}

/** Person refs of everyone shown with these posts (authors of posts and visible comments). */
async function peopleOf(
  posts: StoredPost[],
  allComments: boolean,
): Promise<Map<string, PersonRef>> {
  const ids = new Set<string>();
  for (const p of posts) {
    ids.add(p.authorId);
    const shown = allComments ? p.comments : p.comments.slice(-FEED_COMMENTS);
    for (const c of shown) ids.add(c.authorId);
  }
  const people = await peopleFromDirectory([...ids]);
  return new Map(people.map((p) => [String(p._id), presentPersonRef(p)]));
}

function presentComment(
  c: StoredPostComment,
  viewer: FeedViewer,
  people: Map<string, PersonRef>,
): PostCommentDTO {
  return {
    id: c.id,
    author: people.get(c.authorId) ?? unknownPerson(c.authorId),
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    abilities: { delete: roomItemAbilities(viewer.abilities, viewer.id, c.authorId).delete },
  };
}

function presentOne(
  p: StoredPost,
  viewer: FeedViewer,
  people: Map<string, PersonRef>,
  allComments: boolean,
): PostDTO {
  const item = roomItemAbilities(viewer.abilities, viewer.id, p.authorId);
  const comments = allComments ? p.comments : p.comments.slice(-FEED_COMMENTS);
  return {
    id: p._id,
    roomId: p.roomId,
    author: people.get(p.authorId) ?? unknownPerson(p.authorId),
    // Markdown source as stored: the client renders it as React elements, never as HTML.
    body: p.body,
    announcement: p.announcement,
    pinned: p.pinned,
    files: p.files.map((f) => presentPostFile(p.roomId, f)),
    // Every reaction in a fixed order (count 0 included), so the buttons never jump.
    reactions: postReactions.map((reaction) => {
      const who = p.reactions[reaction] ?? [];
      return { reaction, count: who.length, mine: who.includes(viewer.id) };
    }),
    comments: comments.map((c) => presentComment(c, viewer, people)),
    commentCount: p.comments.length,
    createdAt: p.createdAt.toISOString(),
    editedAt: p.editedAt ? p.editedAt.toISOString() : null,
    rev: p.rev,
    abilities: {
      edit: item.edit,
      delete: item.delete,
      pin: viewer.abilities.moderate,
      comment: viewer.abilities.contribute,
      react: viewer.abilities.contribute,
    },
  };
}

/** Posts as the feed shows them (the last three comments each). */
export async function presentPosts(
  posts: StoredPost[],
  viewer: FeedViewer,
  opts: { allComments?: boolean } = {},
): Promise<PostDTO[]> {
  const all = opts.allComments ?? false;
  const people = await peopleOf(posts, all);
  return posts.map((p) => presentOne(p, viewer, people, all));
}

export async function presentPost(
  post: StoredPost,
  viewer: FeedViewer,
  opts: { allComments?: boolean } = {},
): Promise<PostDTO> {
  const [dto] = await presentPosts([post], viewer, opts);
  return dto as PostDTO;
}

export async function presentPostComment(
  c: StoredPostComment,
  viewer: FeedViewer,
): Promise<PostCommentDTO> {
  const people = await peopleFromDirectory([c.authorId]);
  return presentComment(
    c,
    viewer,
    new Map(people.map((p) => [String(p._id), presentPersonRef(p)])),
  );
}
