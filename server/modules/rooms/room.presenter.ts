import type { RoomDTO, RoomSummaryDTO } from '@shared/rooms/types';
import { peopleFromDirectory } from '../people/directory-index';
import { presentPersonRef } from '../people/people.presenter';
import { pendingRequestCount, type RoomAccess } from './access';
import { unreadFor } from './activity/activity';
import { roomMetaOf, type RoomMeta } from './room-index';

/** Explicit DTO fields only (never the stored document): ids as strings, `abilities` attached. */
const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const todayInBerlin = (now = new Date()) => berlinDay.format(now);

/** Unread activity of my rooms, counted from my last visit but never from before I joined. */
export const myUnread = (personId: string, roomIds: string[]) =>
  unreadFor(personId, roomIds, (roomId) => roomMetaOf(roomId)?.members.get(personId)?.joinedAt);

export interface RoomUnreadInfo {
  unread: number;
  lastActivityAt: string | null;
}

export const roomImageUrl = (room: Pick<RoomMeta, 'id' | 'imageId'>): string | null =>
  room.imageId ? `/api/rooms/${room.id}/image?v=${room.imageId}` : null;

export const isReviewDue = (
  room: Pick<RoomMeta, 'reviewBy' | 'archived'>,
  today = todayInBerlin(),
) => !room.archived && room.reviewBy !== null && room.reviewBy <= today;

export function presentRoomSummary(
  access: RoomAccess,
  unread: RoomUnreadInfo | undefined,
  requestPending: boolean,
): RoomSummaryDTO {
  const { room, role, abilities } = access;
  const member = role !== null;
  return {
    id: room.id,
    name: room.name,
    description: room.description,
    visibility: room.visibility,
    template: room.template,
    modules: { ...room.modules },
    imageUrl: roomImageUrl(room),
    memberCount: room.memberCount,
    archived: room.archived,
    reviewBy: room.reviewBy,
    myRole: role,
    requestPending,
    unread: member ? (unread?.unread ?? 0) : 0,
    lastActivityAt: member ? (unread?.lastActivityAt ?? null) : null,
    abilities: { ...abilities },
  };
}

export async function presentRoom(
  access: RoomAccess,
  unread: RoomUnreadInfo | undefined,
  requestPending: boolean,
): Promise<RoomDTO> {
  const { room, role, abilities } = access;
  const ownerIds = [...room.members].filter(([, m]) => m.role === 'owner').map(([id]) => id);
  const owners = (await peopleFromDirectory(ownerIds))
    .map(presentPersonRef)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'));
  const member = role !== null;
  return {
    ...presentRoomSummary(access, unread, requestPending),
    rev: room.rev,
    // Chat and wiki ids only for members: they lead to content.
    conversationId: member ? room.conversationId : null,
    wikiSpaceId: member ? room.wikiSpaceId : null,
    owners,
    createdAt: room.createdAt.toISOString(),
    pendingRequests: abilities.manageMembers ? pendingRequestCount(room.id) : 0,
    reviewDue: isReviewDue(room),
  };
}
