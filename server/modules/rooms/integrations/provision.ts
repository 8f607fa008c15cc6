import type { MemberRole } from '@shared/chat/schemas';
import { roomTemplates } from '@shared/rooms/templates';
import type { Role } from '@shared/people/roles';
import type { CurrentUser } from '../../auth/current-user';
import { withKeyLock } from '../../../lib/keyed-lock';
import { peopleFromDirectory } from '../../people/directory-index';
import { createConversation } from '../../chat/conversation.service';
import { syncRoomChannelMembers, syncRoomChannelState } from '../../chat/room-channel';
import { createPage } from '../../wiki/page.service';
import { createRoomSpace } from '../../wiki/space.service';
import { wikiIndex } from '../../wiki/page-index';
import { RoomModel } from '../room.model';
import { rememberRoom, roomIndex, type RoomMeta } from '../room-index';
import { uuidV5 } from './uuid5';
import './wiki-resolver';

/** Room role → chat role: owners own the channel, everyone else is a member. */
export function channelMembersOf(room: Pick<RoomMeta, 'members'>): Map<string, MemberRole> {
  const want = new Map<string, MemberRole>();
  for (const [id, m] of room.members) want.set(id, m.role === 'owner' ? 'owner' : 'member');
  return want;
}

/** The actor when they are a member, else the room's first owner (the channel/page creator). */
function creatorOf(room: RoomMeta, actorId: string): string {
  if (room.members.has(actorId)) return actorId;
  for (const [id, m] of room.members) if (m.role === 'owner') return id;
  return actorId;
}

async function asCurrentUser(personId: string): Promise<CurrentUser> {
  const [p] = await peopleFromDirectory([personId]);
  return {
    id: personId,
    username: p?.username ?? '',
    displayName: p?.displayName ?? '',
    roles: (p?.roles ?? []) as Role[],
    unitId: p?.unitId ? String(p.unitId) : null,
    leads: [],
    sessionId: '',
  };
}

/** Sets a resource id on the room once (conditional on it being unset); the index follows. */
async function storeOnRoom(roomId: string, field: 'conversationId' | 'wikiSpaceId', id: string) {
  await withKeyLock(`room:${roomId}`, () =>
    RoomModel.updateOne({ _id: roomId, [field]: null }, { $set: { [field]: id } }),
  );
}

async function provisionChat(room: RoomMeta, actorId: string): Promise<void> {
  const creator = creatorOf(room, actorId);
  const { conversation } = await createConversation(
    creator,
    { kind: 'channel', name: room.name, topic: '', visibility: 'private', memberIds: [] },
    { roomId: room.id },
  );
  const convId = String(conversation._id);
  await storeOnRoom(room.id, 'conversationId', convId);
  // Fresh members: the channel must match the room even if members changed meanwhile.
  const fresh = (await rememberRoom(room.id)) ?? room;
  await syncRoomChannelMembers(room.id, convId, creator, channelMembersOf(fresh));
  if (fresh.archived) await syncRoomChannelState(room.id, convId, creator, { archived: true });
}

async function provisionWiki(room: RoomMeta, actorId: string): Promise<void> {
  const creator = creatorOf(room, actorId);
  const { spaceId } = await createRoomSpace({ roomId: room.id, name: room.name, actorId: creator });
  await storeOnRoom(room.id, 'wikiSpaceId', spaceId);
  await rememberRoom(room.id);
  if (room.archived) return; // nobody edits an archived room's wiki: no starter pages
  const index = await wikiIndex();
  const user = await asCurrentUser(creator);
  for (const title of roomTemplates[room.template].starterPages) {
    // Deterministic ids: a repeated provision finds the page and creates nothing.
    const id = uuidV5(`${room.id}:${title}`);
    if (index.pages.has(id)) continue;
    await createPage(user, { id, spaceId, parentId: null, title });
  }
}

/**
 * Creates what a room's enabled modules need and do not have yet: the chat channel (members =
 * room members, owners = room owners) and the wiki space with the template's starter pages.
 * Idempotent: repeated or parallel calls find the same channel (key `room-channel:<roomId>`) and
 * space (key `room-<roomId>`) and store each id on the room only once.
 */
export async function provisionRoom(roomId: string, actorId: string): Promise<void> {
  await withKeyLock(`room-provision:${roomId}`, async () => {
    const room = (await roomIndex()).rooms.get(roomId) ?? (await rememberRoom(roomId));
    if (!room) return;
    if (room.modules.chat && !room.conversationId) await provisionChat(room, actorId);
    if (room.modules.wiki && !room.wikiSpaceId) await provisionWiki(room, actorId);
  });
}
