import type { MemberRole } from '@shared/chat/schemas';
import { HttpError } from '../../lib/errors';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { fold } from '../../lib/text';
import type { Conversation } from './conversation.model';
import { convLockKey } from './conversation.store';
import { changeMembers, loadConversation, writeConversation } from './member.service';

/**
 * A team room's channel follows the room (issue 6): membership, roles, name and archive state are
 * written here by the rooms module, bypassing the chat policy that blocks these actions for room
 * channels in the chat's own routes. Every function is idempotent (sync to a wanted state).
 */

const roomCheck = (roomId: string) => (conv: Conversation) => {
  if (conv.roomId === null || String(conv.roomId) !== roomId) {
    throw new HttpError(409, 'invalid_transition', 'Not this room’s channel.');
  }
};

/**
 * Makes the channel's members exactly `want` (person id → chat role): adds, removes and re-roles.
 * Chat's own `chat.members_changed` handling moves the sockets; role changes publish `member_state`.
 */
export async function syncRoomChannelMembers(
  roomId: string,
  convId: string,
  actorId: string,
  want: ReadonlyMap<string, MemberRole>,
): Promise<void> {
  const check = roomCheck(roomId);
  const current = await loadConversation(convId);
  check(current);
  const remove = Object.keys(current.members).filter((id) => !want.has(id));
  const owners = [...want].filter(([id, r]) => r === 'owner' && !current.members[id]);
  const members = [...want].filter(([id, r]) => r !== 'owner' && !current.members[id]);
  if (owners.length) {
    await changeMembers(actorId, convId, { add: owners.map(([id]) => id), role: 'owner', check });
  }
  if (members.length || remove.length) {
    await changeMembers(actorId, convId, {
      add: members.map(([id]) => id),
      role: 'member',
      remove,
      check,
    });
  }
  const changedRoles = await withKeyLock(convLockKey(convId), async () => {
    const conv = await loadConversation(convId);
    check(conv);
    const $set: Record<string, MemberRole> = {};
    for (const [id, role] of want) {
      const m = conv.members[id];
      if (m && m.role !== role) $set[`members.${id}.role`] = role;
    }
    if (Object.keys($set).length === 0) return [];
    await writeConversation(convId, { $set });
    return Object.keys($set).map((k) => k.slice(8, -5));
  });
  for (const userId of changedRoles) {
    events.publish('chat.member_state', { userId, conversationId: convId });
  }
}

/** Archive state and name follow the room. */
export async function syncRoomChannelState(
  roomId: string,
  convId: string,
  actorId: string,
  state: { archived?: boolean; name?: string },
): Promise<void> {
  const check = roomCheck(roomId);
  const stored = await withKeyLock(convLockKey(convId), async () => {
    const conv = await loadConversation(convId);
    check(conv);
    const $set: Record<string, unknown> = {};
    if (state.archived !== undefined && state.archived !== conv.archived) {
      Object.assign($set, {
        archived: state.archived,
        archivedAt: state.archived ? new Date() : null,
      });
    }
    if (state.name !== undefined && state.name !== conv.name) {
      // Room channels claim no name key: two rooms may share a name.
      Object.assign($set, { name: state.name, nameKey: fold(state.name) });
    }
    if (Object.keys($set).length === 0) return null;
    return writeConversation(convId, { $set });
  });
  if (stored) events.publish('chat.conversation_changed', { conversation: stored, actorId });
}
