import { events } from '../../lib/events';
import { notify } from '../notifications/notifications.service';
import { directoryRows, peopleFromDirectory } from '../people/directory-index';
import { findPost, roomFeed } from './feed/post.store';
import { JoinRequestModel, type JoinRequest } from './members/join-request.model';
import { roomIndex, type RoomMeta } from './room-index';
import { RoomRequestModel, type RoomRequest } from './requests/room-request.model';

/**
 * Team room notifications (texts: `notifications:kinds.rooms.*`). Membership is checked again at
 * send time from the index: nobody hears of a room they have left or may not see.
 */
const link = (roomId: string, tab = '') => `/rooms/${roomId}${tab ? `/${tab}` : ''}`;

async function nameOf(personId: string | null): Promise<string> {
  if (!personId) return '';
  const [p] = await peopleFromDirectory([personId]);
  return p?.displayName ?? '';
}

async function roomOf(roomId: string): Promise<RoomMeta | undefined> {
  return (await roomIndex()).rooms.get(roomId);
}

/** The ids that are members of the room now, without the actor. */
const membersOnly = (room: RoomMeta, ids: Iterable<string>, actorId: string | null) =>
  [...new Set(ids)].filter((id) => id !== actorId && room.members.has(id));

/** The post a comment belongs to: `itemId` is the post's or the comment's id. */
async function postAuthorOf(roomId: string, itemId: string): Promise<string | null> {
  const post = await findPost(roomId, itemId).catch(() => null);
  if (post) return String(post.authorId);
  const feed = await roomFeed(roomId);
  const hit = feed.recent.find((p) => p.comments.some((c) => String(c.id) === itemId));
  return hit ? String(hit.authorId) : null;
}

export function registerRoomNotifications(): () => void {
  const offs = [
    events.on('rooms.members_changed', async (e) => {
      const room = await roomOf(e.roomId);
      if (!room || !e.actorId) return;
      const params = { name: await nameOf(e.actorId), room: room.name };
      const added = membersOnly(room, e.added, e.actorId);
      if (added.length)
        await notify({ userIds: added, kind: 'rooms.added', params, link: link(room.id) });
      const addedSet = new Set(e.added);
      const roles = membersOnly(
        room,
        e.roles.filter((r) => !addedSet.has(r.personId)).map((r) => r.personId),
        e.actorId,
      );
      for (const id of roles) {
        const role = room.members.get(id)?.role ?? 'member';
        await notify({
          userId: id,
          kind: `rooms.role_changed_${role}`,
          params,
          link: link(room.id),
        });
      }
    }),
    events.on('rooms.join_request_changed', async (e) => {
      const room = await roomOf(e.roomId);
      if (!room) return;
      if (e.status === 'pending') {
        const moderators = [...room.members]
          .filter(([, m]) => m.role !== 'member')
          .map(([id]) => id);
        await notify({
          userIds: membersOnly(room, moderators, e.personId),
          kind: 'rooms.join_requested',
          params: { name: await nameOf(e.personId), room: room.name },
          link: link(room.id, 'members'),
        });
        return;
      }
      if (e.status !== 'approved' && e.status !== 'rejected') return;
      const doc = await JoinRequestModel.findById(e.requestId).lean<JoinRequest>();
      // Approved: only while still a member; rejected: only while the room is visible (not secret).
      if (e.status === 'approved' && !room.members.has(e.personId)) return;
      if (e.status === 'rejected' && room.visibility === 'secret') return;
      await notify({
        userId: e.personId,
        kind: `rooms.join_decided_${e.status}`,
        params: { name: await nameOf(e.actorId), room: room.name, reason: doc?.reason ?? '' },
        link: link(room.id),
      });
    }),
    events.on('rooms.room_request_changed', async (e) => {
      const req = await RoomRequestModel.findById(e.requestId).lean<RoomRequest>();
      if (!req) return;
      if (e.status === 'pending') {
        const deciders = (await directoryRows())
          .filter((r) => r.active && (r.roles.includes('admin') || r.roles.includes('mover')))
          .map((r) => r.id)
          .filter((id) => id !== e.requesterId);
        await notify({
          userIds: deciders,
          kind: 'rooms.room_requested',
          params: { name: await nameOf(e.requesterId), room: req.name },
          link: '/rooms/requests',
        });
        return;
      }
      await notify({
        userId: e.requesterId,
        kind: `rooms.room_request_decided_${e.status}`,
        params: { name: await nameOf(e.actorId), room: req.name, reason: req.decisionReason },
        link: e.roomId ? link(e.roomId) : '/rooms/requests',
      });
    }),
    events.on('rooms.content_changed', async (e) => {
      const edit = e.kind === 'updated' && e.module === 'post';
      if (e.kind !== 'created' && !(edit && e.mentionedIds?.length)) return;
      const room = await roomOf(e.roomId);
      if (!room || room.archived) return;
      const params = { name: await nameOf(e.actorId), room: room.name };
      const mentioned = membersOnly(room, e.mentionedIds ?? [], e.actorId);
      if (mentioned.length) {
        await notify({ userIds: mentioned, kind: 'rooms.mention', params, link: link(room.id) });
      }
      if (e.kind !== 'created') return; // an edit: only the people it newly mentions
      if (e.announcement && e.module === 'post') {
        const told = new Set(mentioned);
        const everyone = membersOnly(room, room.members.keys(), e.actorId).filter(
          (id) => !told.has(id),
        );
        await notify({
          userIds: everyone,
          kind: 'rooms.announcement',
          params,
          link: link(room.id),
        });
      }
      if (e.module === 'comment') {
        const author = await postAuthorOf(room.id, e.itemId);
        if (
          author &&
          !mentioned.includes(author) &&
          membersOnly(room, [author], e.actorId).length
        ) {
          await notify({ userId: author, kind: 'rooms.comment', params, link: link(room.id) });
        }
      }
    }),
  ];
  return () => offs.forEach((off) => off());
}
