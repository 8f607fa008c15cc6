import type { RoomsWidgetDTO } from '@shared/rooms/types';
import type { CurrentUser } from '../auth/current-user';
import { pendingRequestCount } from './access';
import { roomIndex, roomsOf } from './room-index';
import { myUnread, roomImageUrl } from './room.presenter';
import { roomAbilities } from './rooms.policy';

const MAX = 6;

/**
 * Start page "Meine Räume": my live rooms with unread activity first, then by last activity
 * (at most six), how many there are, and the join requests waiting in rooms I moderate.
 * Memory only (index, activity caches, the join-request hook).
 */
export async function roomsWidget(
  user: Pick<CurrentUser, 'id' | 'roles'>,
): Promise<RoomsWidgetDTO> {
  const index = await roomIndex();
  const mine = roomsOf(user.id).flatMap((id) => {
    const r = index.rooms.get(id);
    return r && !r.archived ? [r] : [];
  });
  const unread = await myUnread(
    user.id,
    mine.map((r) => r.id),
  );
  let pendingRequests = 0;
  for (const r of mine) {
    const role = r.members.get(user.id)?.role ?? null;
    if (roomAbilities(user, r, role, false).manageMembers)
      pendingRequests += pendingRequestCount(r.id);
  }
  const rows = mine.map((r) => ({
    id: r.id,
    name: r.name,
    imageUrl: roomImageUrl(r),
    unread: unread.get(r.id)?.unread ?? 0,
    lastActivityAt: unread.get(r.id)?.lastActivityAt ?? null,
    archived: r.archived,
  }));
  rows.sort(
    (a, b) =>
      Number(b.unread > 0) - Number(a.unread > 0) ||
      (b.lastActivityAt ?? '').localeCompare(a.lastActivityAt ?? '') ||
      a.name.localeCompare(b.name, 'de'),
  );
  return { rooms: rows.slice(0, MAX), total: rows.length, pendingRequests };
}
