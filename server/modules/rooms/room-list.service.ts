import type { RoomListQuery } from '@shared/rooms/schemas';
import type { RoomSummaryDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../auth/current-user';
import { badRequest } from '../../lib/errors';
import { fold } from '../../lib/text';
import { accessTo, hasPendingRequest, type RoomAccess } from './access';
import { roomIndex, roomsOf } from './room-index';
import { myUnread, presentRoomSummary } from './room.presenter';

type Viewer = Pick<CurrentUser, 'id' | 'roles'>;

export interface RoomListPage {
  data: RoomSummaryDTO[];
  nextCursor: string | null;
  /** Every room matching the filters that the viewer may see (secret rooms of others never). */
  total: number;
}

/** Offset cursors: the list is computed from memory on every call. */
const encodeOffset = (n: number) => Buffer.from(`o${n}`, 'utf8').toString('base64url');
function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^o(\d{1,7})$/.exec(raw);
  if (!m) throw badRequest('Invalid cursor');
  return Number(m[1]);
}

const byName = (a: RoomAccess, b: RoomAccess) =>
  a.room.name.localeCompare(b.room.name, 'de') || (a.room.id < b.room.id ? -1 : 1);

/**
 * `mine`: my rooms (archived ones only with `archived=true`), latest activity first.
 * `discover`: open and closed rooms (secret ones only when I am a member), by name.
 * Memory only: the room index, the join-request hook and the activity caches.
 */
export async function listRooms(user: Viewer, query: RoomListQuery): Promise<RoomListPage> {
  const index = await roomIndex();
  const withArchived = query.archived === 'true';
  const q = query.q ? fold(query.q) : '';
  const candidates =
    query.scope === 'mine'
      ? roomsOf(user.id).flatMap((id) => {
          const r = index.rooms.get(id);
          return r ? [r] : [];
        })
      : [...index.rooms.values()];
  const matches: RoomAccess[] = [];
  for (const room of candidates) {
    if (room.archived && !withArchived) continue;
    if (query.template && room.template !== query.template) continue;
    if (query.visibility && room.visibility !== query.visibility) continue;
    if (q && !room.searchKey.includes(q)) continue;
    const access = accessTo(room, user);
    if (!access) continue;
    if (query.scope === 'mine' && access.role === null) continue;
    matches.push(access);
  }

  let ordered: RoomAccess[];
  const memberIds = matches.filter((a) => a.role !== null).map((a) => a.room.id);
  const unread = query.scope === 'mine' ? await myUnread(user.id, memberIds) : null;
  if (unread) {
    const last = (a: RoomAccess) => unread.get(a.room.id)?.lastActivityAt ?? '';
    ordered = matches.sort(
      (a, b) =>
        Number(a.room.archived) - Number(b.room.archived) ||
        last(b).localeCompare(last(a)) ||
        byName(a, b),
    );
  } else {
    ordered = matches.sort(byName);
  }

  const offset = decodeOffset(query.cursor);
  const page = ordered.slice(offset, offset + query.limit);
  const pageUnread =
    unread ??
    (await myUnread(
      user.id,
      page.filter((a) => a.role !== null).map((a) => a.room.id),
    ));
  const data = page.map((a) =>
    presentRoomSummary(
      a,
      pageUnread.get(a.room.id),
      a.role === null && hasPendingRequest(a.room.id, user.id),
    ),
  );
  const next = offset + page.length;
  return {
    data,
    nextCursor: next < ordered.length ? encodeOffset(next) : null,
    total: ordered.length,
  };
}
