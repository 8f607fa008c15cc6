import type { PersonRef } from '../people/types';
import type {
  ChannelVisibility,
  ChatReaction,
  ConversationKind,
  MemberRole,
  PresenceChoice,
  PresenceStatus,
} from './schemas';

/** What the viewer may do with a conversation (computed by the server's policy). */
export interface ConversationAbilities {
  read: boolean;
  post: boolean;
  /** Join a public channel one is not a member of. */
  join: boolean;
  leave: boolean;
  addMembers: boolean;
  removeMembers: boolean;
  /** Rename, change the topic. */
  update: boolean;
  archive: boolean;
  /** Send `@channel` (notifies every member). */
  mentionAll: boolean;
}

export interface LastMessageDTO {
  id: string;
  sender: PersonRef | null;
  /** Plain text, at most 140 characters (markdown stripped); empty when deleted. */
  preview: string;
  deleted: boolean;
  createdAt: string;
}

/** The viewer's own membership state (null when not a member, e.g. browsing public channels). */
export interface MyMembershipDTO {
  role: MemberRole;
  /** Sequence number of the last message the person has read. */
  readSeq: number;
  muted: boolean;
  favourite: boolean;
  /** Unread mentions of the person (or `@channel`) since `readSeq`. */
  mentions: number;
  joinedAt: string;
}

export interface ConversationDTO {
  id: string;
  kind: ConversationKind;
  /** Channels only; null for direct and group. */
  visibility: ChannelVisibility | null;
  /** Channel or group name; for direct messages the other person's name (viewer-specific). */
  name: string;
  topic: string;
  /** Direct messages: the other person. */
  peer: PersonRef | null;
  /** Groups: up to 5 members (for avatars and a name when unnamed). */
  membersPreview: PersonRef[];
  memberCount: number;
  /** The team room owning this channel, if any. */
  roomId: string | null;
  archived: boolean;
  /** Sequence number of the newest message (0 = none). Gap-free per conversation. */
  lastSeq: number;
  lastMessage: LastMessageDTO | null;
  lastActivityAt: string;
  createdAt: string;
  me: MyMembershipDTO | null;
  /** `lastSeq - me.readSeq`, never negative; 0 for non-members. */
  unread: number;
  abilities: ConversationAbilities;
}

export interface AttachmentDTO {
  id: string;
  name: string;
  size: number;
  contentType: string;
  /** Images: a preview (WebP) exists at `previewUrl`; width/height of the preview. */
  image: { width: number; height: number; previewUrl: string } | null;
  url: string;
}

export interface ReactionDTO {
  reaction: ChatReaction;
  count: number;
  /** Everyone who reacted (the client marks its own: not a viewer-specific field, so live copies fit all). */
  personIds: string[];
  /** Up to 10 names for the tooltip / accessible label. */
  names: string[];
}

export interface MessageAbilities {
  edit: boolean;
  delete: boolean;
  react: boolean;
  reply: boolean;
  forward: boolean;
}

export interface ThreadSummaryDTO {
  replyCount: number;
  lastReplyAt: string | null;
  /** Up to 3 people who replied. */
  participants: PersonRef[];
  /** Whether the viewer follows the thread (notified of replies). */
  following: boolean;
}

/**
 * A message. REST answers are presented for the viewer. Live copies (`chat:message`,
 * `chat:message-updated`) go to the whole conversation room and carry the abilities of an ordinary
 * member who is not the sender, and `thread.following: false`; the sender's own tabs receive a copy
 * presented for the sender. The client keeps `abilities` and `thread.following` of a message it
 * already holds and takes everything else from the live copy.
 */
export interface MessageDTO {
  id: string;
  conversationId: string;
  /** Position in the conversation, gap-free, ascending. */
  seq: number;
  clientId: string;
  sender: PersonRef;
  /** Markdown subset source; empty when deleted. Rendered by the client, never as HTML. */
  body: string;
  attachments: AttachmentDTO[];
  /** Root message when this is a thread reply. */
  threadId: string | null;
  /** Root messages with replies. */
  thread: ThreadSummaryDTO | null;
  /** People mentioned (resolved from `@username`), and whether `@channel` was used. */
  mentions: PersonRef[];
  mentionsAll: boolean;
  reactions: ReactionDTO[];
  forwardedFrom: { sender: PersonRef | null; conversationName: string; createdAt: string } | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  abilities: MessageAbilities;
}

export interface MemberDTO {
  person: PersonRef;
  /** For `@username` mentions (the composer's autocomplete inserts it). */
  username?: string;
  role: MemberRole;
  joinedAt: string;
}

export interface MessagePageDTO {
  data: MessageDTO[];
  /** More older messages exist (for `before` / first page). */
  hasMore: boolean;
}

export interface ChatSettingsDTO {
  readReceipts: boolean;
  presence: PresenceChoice;
}

export interface PresenceDTO {
  personId: string;
  status: PresenceStatus;
  /** Set during approved leave: its last day (`YYYY-MM-DD`), "on leave until …". */
  onLeaveUntil?: string | null;
}

/** Read position of the other member of a direct conversation (only when both allow receipts). */
export interface ReadReceiptDTO {
  conversationId: string;
  personId: string;
  readSeq: number;
}

export interface ChatSearchHitDTO {
  message: MessageDTO;
  conversation: { id: string; name: string; kind: ConversationKind };
}

/** Start page widget "My chats" and the navigation badge. */
export interface ChatUnreadSummaryDTO {
  /** Sum of unread messages over conversations that are not muted. */
  total: number;
  conversations: ConversationDTO[];
}
