import type { Conversation } from './conversation.model';
import type { Message } from './message.model';

/** Domain events of the chat (names in `server/lib/events.ts`). Payloads carry the stored state. */
export interface ChatEvents {
  /** A message was stored (first time only; a resend does not publish again). */
  'chat.message_created': { message: Message; conversation: Conversation };
  /** A message was edited, deleted, reacted to, or its thread summary changed. */
  'chat.message_updated': {
    message: Message;
    conversation: Conversation;
    actorId: string;
    /** People newly mentioned by an edit (notified like a new mention). */
    mentioned?: string[];
    /** Only the actor's own state changed (follow): their tabs only, not the room. */
    actorOnly?: boolean;
  };
  /** A resend of a stored message: answered again to the sender's own tabs only. */
  'chat.message_resent': { message: Message; conversation: Conversation; userId: string };
  /** Name, topic or archive state changed. */
  'chat.conversation_changed': { conversation: Conversation; actorId: string };
  /** People joined or were added (`added`), left or were removed (`removed`). */
  'chat.members_changed': {
    conversation: Conversation;
    added: string[];
    removed: string[];
    actorId: string;
  };
  /** A person's read position or own settings of a conversation changed. */
  'chat.member_state': { userId: string; conversationId: string };
  'chat.read': { userId: string; conversationId: string; readSeq: number; mentions: number };
}
