import { describe, expect, it } from 'vitest';
import type { SpaceRole } from '@shared/wiki/schemas';
import { canCreateComment, commentAbilities, type CommentViewer } from './comment.policy';
import { threadOrder } from './comment.presenter';
import type { StoredWikiComment } from './social.model';

const viewer = (
  role: SpaceRole | null,
  id = 'me',
  mayComment = role !== 'reader' && role !== null,
) => ({ id, role, mayComment }) satisfies CommentViewer;
const top = { authorId: 'me', deleted: false, parentId: null };
const othersTop = { ...top, authorId: 'other' };
const reply = { ...top, parentId: 'p1' };

describe('wiki comment policy', () => {
  it('lets commenters and above write, readers not', () => {
    expect(canCreateComment(viewer('reader'))).toBe(false);
    for (const r of ['commenter', 'editor', 'admin'] as const)
      expect(canCreateComment(viewer(r))).toBe(true);
  });

  it.each([
    // role, comment, edit, resolve, delete, reply
    ['commenter', top, true, true, true, true],
    ['commenter', othersTop, false, false, false, true],
    ['commenter', reply, true, false, true, true],
    ['editor', othersTop, false, true, false, true],
    ['admin', othersTop, false, true, true, true],
    ['admin', reply, true, false, true, true],
    ['reader', othersTop, false, false, false, false],
  ] as const)('%s on %o', (role, c, edit, resolve, del, rep) => {
    expect(commentAbilities(viewer(role), c)).toEqual({ edit, resolve, delete: del, reply: rep });
  });

  it('allows nothing on a deleted comment', () => {
    expect(commentAbilities(viewer('admin'), { ...top, deleted: true })).toEqual({
      edit: false,
      resolve: false,
      delete: false,
      reply: false,
    });
  });

  it('an author who lost the comment right (archived page, role reader) may still delete, not edit', () => {
    expect(commentAbilities(viewer('reader', 'me', false), top)).toEqual({
      edit: false,
      resolve: false,
      delete: true,
      reply: false,
    });
  });
});

describe('comments on an archived page', () => {
  it('stay as they are: an editor or admin no longer resolves or reopens them', () => {
    for (const role of ['editor', 'admin'] as const) {
      expect(commentAbilities(viewer(role, 'me', false), othersTop).resolve).toBe(false);
    }
  });
});

describe('thread order', () => {
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
  const c = (id: string, n: number, parentId: string | null = null, deleted = false) =>
    ({ id, parentId, deleted, createdAt: at(n) }) as StoredWikiComment;

  it('puts replies under their top-level comment and drops deleted comments without live replies', () => {
    const list = [
      c('b', 2),
      c('r2', 5, 'a'),
      c('a', 1),
      c('r1', 3, 'a'),
      c('x', 4, null, true),
      c('y', 6, null, true),
      c('ry', 7, 'y'),
    ];
    expect(threadOrder(list).map((x) => x.id)).toEqual(['a', 'r1', 'r2', 'b', 'y', 'ry']);
  });
});
