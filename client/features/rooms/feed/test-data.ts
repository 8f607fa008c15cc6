import type { PersonRef } from '@shared/people/types';
import type { FeedPageDTO, PostDTO } from '@shared/rooms/types';

export const roomId = '64b0000000000000000000aa';
export const anna: PersonRef = {
  id: '64b000000000000000000002',
  displayName: 'Anna Beispiel',
  position: 'Projektleitung',
  unitId: null,
  initials: 'AB',
  photoUrl: null,
};
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function post(over: Partial<PostDTO> = {}): PostDTO {
  return {
    id: uuid(1),
    roomId,
    author: anna,
    body: 'Hallo **Team**',
    announcement: false,
    pinned: false,
    files: [],
    reactions: [],
    comments: [],
    commentCount: 0,
    createdAt: '2026-11-20T10:00:00.000Z',
    editedAt: null,
    rev: 0,
    abilities: { edit: false, delete: false, pin: false, comment: true, react: true },
    ...over,
  };
}

export const page = (posts: PostDTO[], over: Partial<FeedPageDTO> = {}): FeedPageDTO => ({
  pinned: [],
  posts,
  nextCursor: null,
  ...over,
});
