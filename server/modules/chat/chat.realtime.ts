import { typingSchema } from '@shared/chat/schemas';
import { userRoom, type PortalSocket, type Realtime } from '../../realtime';
import { events } from '../../lib/events';
import { logger } from '../../lib/logger';
import { notify } from '../notifications/notifications.service';
import { peopleFromDirectory } from '../people/directory-index';
import type { Conversation } from './conversation.model';
import { getConversation, isMember } from './conversation.store';
import { getInbox } from './inbox.store';
import { presentConversation } from './conversation.presenter';
import { readReceipt } from './read.service';
import { myConversations } from './summary.service';
import { registerPresence } from './presence';

export const chatRoom = (conversationId: string) => `chat:${conversationId}`;

/** One typing event per person per conversation within this window is relayed. */
const TYPING_WINDOW_MS = 2000;

async function toPerson(realtime: Realtime, userId: string, conv: Conversation): Promise<void> {
  const conversation = await presentConversation({ id: userId }, conv, await getInbox(userId));
  realtime.toUser(userId, 'chat:conversation', { conversation });
}

/** `chat.added` notification for people someone else added to a group or channel. */
async function notifyAdded(conv: Conversation, added: string[], actorId: string): Promise<void> {
  const others = added.filter((id) => id !== actorId);
  // A room's channel: the room tells them (`rooms.added`), not the chat as well.
  if (conv.kind === 'direct' || conv.roomId || others.length === 0) return;
  const [actor] = await peopleFromDirectory([actorId]);
  await notify({
    userIds: others,
    kind: 'chat.added',
    params: { name: actor?.displayName ?? '', conversation: conv.name || '…' },
    link: `/chat/${String(conv._id)}`,
  });
}

/** `chat:typing` from a member's socket, relayed volatile to the room without the typist. */
function relayTyping(realtime: Realtime): (socket: PortalSocket) => void {
  const last = new Map<string, number>();
  return (socket) => {
    socket.on('chat:typing', (payload) => {
      const parsed = typingSchema.safeParse(payload);
      if (!parsed.success) return;
      const { threadId } = parsed.data;
      const conversationId = parsed.data.conversationId.toLowerCase();
      const user = socket.data.user;
      const key = `${user.id}:${conversationId}`;
      const now = Date.now();
      if (now - (last.get(key) ?? 0) < TYPING_WINDOW_MS) return;
      last.set(key, now);
      if (last.size > 10_000) {
        for (const [k, at] of last) if (now - at >= TYPING_WINDOW_MS) last.delete(k);
      }
      getConversation(conversationId)
        .then((conv) => {
          if (!conv || !isMember(conv, user.id) || conv.archived) return;
          realtime.io
            .to(chatRoom(conversationId))
            .except(userRoom(user.id))
            .volatile.emit('chat:typing', {
              conversationId,
              threadId,
              person: { id: user.id, displayName: user.displayName },
            });
        })
        .catch((err: unknown) => logger.warn({ err }, 'typing not relayed'));
    });
  };
}

/**
 * Right after a socket connected: its `chat:` rooms were decided in the middleware, and a
 * membership change between that and the connection reached only the sockets already connected.
 * Join what is missing first, then check every `chat:` room against the current membership (a
 * removal after this check finds the socket in the room and takes it out).
 */
export function reconcileRooms(
  socket: Pick<PortalSocket, 'data' | 'rooms' | 'disconnected' | 'join' | 'leave'>,
): Promise<void> {
  const userId = socket.data.user.id;
  return myConversations(userId)
    .then(async ({ conversations }) => {
      if (socket.disconnected) return;
      await socket.join(conversations.map((c) => chatRoom(String(c._id))));
      for (const room of [...socket.rooms]) {
        if (!room.startsWith('chat:')) continue;
        const conv = await getConversation(room.slice('chat:'.length));
        if (!conv || !isMember(conv, userId)) await socket.leave(room);
      }
    })
    .catch((err: unknown) => logger.warn({ err }, 'chat rooms not reconciled'));
}

/**
 * Chat membership in realtime: each member's sockets are in `chat:<id>` (joined on connect from
 * the inbox, and at once when added; left at once when removed), per-person conversation events,
 * read positions and receipts, typing, presence. Registered from `modules/subscribers.ts`.
 */
export function registerChatRealtime(realtime: Realtime): () => void {
  const offRooms = realtime.addRoomProvider(async (user) => {
    const { conversations } = await myConversations(user.id);
    return conversations.map((c) => chatRoom(String(c._id)));
  });
  const onTyping = relayTyping(realtime);
  realtime.io.on('connection', onTyping);
  const onConnect = (socket: PortalSocket) => void reconcileRooms(socket);
  realtime.io.on('connection', onConnect);

  const offs = [
    offRooms,
    () => realtime.io.off('connection', onTyping),
    () => realtime.io.off('connection', onConnect),
    registerPresence(realtime),
    events.on('chat.members_changed', async ({ conversation, added, removed, actorId }) => {
      const id = String(conversation._id);
      const room = chatRoom(id);
      // Rooms first, synchronously: nothing of the conversation reaches a removed person after
      // this point, and the added person's tabs get the next message.
      for (const userId of added) realtime.joinRoom(userId, room);
      for (const userId of removed) {
        realtime.leaveRoom(userId, room);
        realtime.toUser(userId, 'chat:conversation-removed', { id });
      }
      realtime.toRoom(room, 'chat:conversation-patch', {
        id,
        memberCount: conversation.memberCount,
      });
      const current = (await getConversation(id)) ?? conversation;
      await Promise.all(
        added.filter((u) => isMember(current, u)).map((u) => toPerson(realtime, u, current)),
      );
      await notifyAdded(current, added, actorId);
    }),
    events.on('chat.conversation_changed', ({ conversation }) => {
      realtime.toRoom(chatRoom(String(conversation._id)), 'chat:conversation-patch', {
        id: String(conversation._id),
        name: conversation.name,
        topic: conversation.topic,
        archived: conversation.archived,
        memberCount: conversation.memberCount,
      });
    }),
    events.on('chat.member_state', async ({ userId, conversationId }) => {
      const conv = await getConversation(conversationId);
      if (conv && isMember(conv, userId)) await toPerson(realtime, userId, conv);
    }),
    events.on('chat.read', async ({ userId, conversationId, readSeq, mentions }) => {
      realtime.toUser(userId, 'chat:read', { conversationId, readSeq, mentions });
      const conv = await getConversation(conversationId);
      if (!conv || conv.kind !== 'direct' || !isMember(conv, userId)) return;
      const peerId = Object.keys(conv.members).find((id) => id !== userId);
      // The receipt as the peer sees it: my position, when both of us allow receipts.
      const receipt = peerId ? await readReceipt(conv, peerId) : null;
      if (receipt) realtime.toRoom(chatRoom(conversationId), 'chat:receipt', receipt);
    }),
  ];
  return () => offs.forEach((off) => off());
}
