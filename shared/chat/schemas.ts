import { z } from 'zod';
import { line, objectId } from '../http/fields';

/**
 * Kinds of conversation. `direct`: exactly two people (one per pair). `group`: ad hoc, up to
 * `GROUP_MAX_MEMBERS`, every member may add people. `channel`: named, `public` (anyone may find and
 * join it) or `private` (owners add members). A team room owns a channel (`roomId`).
 */
export const conversationKinds = ['direct', 'group', 'channel'] as const;
export type ConversationKind = (typeof conversationKinds)[number];

export const channelVisibilities = ['public', 'private'] as const;
export type ChannelVisibility = (typeof channelVisibilities)[number];

export const memberRoles = ['owner', 'member'] as const;
export type MemberRole = (typeof memberRoles)[number];

export const GROUP_MAX_MEMBERS = 50;
/** Markdown source of a message, in characters. */
export const MESSAGE_MAX_CHARS = 4000;
export const MESSAGE_MAX_ATTACHMENTS = 10;
export const CHAT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reactions by name (safe as object keys on every engine; the client maps them to emoji).
 * A fixed palette keeps the picker small and keyboard friendly.
 */
export const chatReactions = [
  'thumbsup',
  'thumbsdown',
  'heart',
  'joy',
  'smile',
  'tada',
  'clap',
  'pray',
  'eyes',
  'thinking',
  'check',
  'rocket',
  'fire',
  'coffee',
  'sun',
  'wave',
] as const;
export type ChatReaction = (typeof chatReactions)[number];

/** Presence a person chooses; `auto` = online while connected, away when idle. */
export const presenceChoices = ['auto', 'away', 'dnd'] as const;
export type PresenceChoice = (typeof presenceChoices)[number];
/** What others see. */
export const presenceStatuses = ['online', 'away', 'dnd', 'offline'] as const;
export type PresenceStatus = (typeof presenceStatuses)[number];

/**
 * Client-generated message id (UUID or similar): the server stores the message under
 * `<senderId>-<clientId>`, so a resend lands on the same key (never twice).
 */
export const clientMessageId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'invalid_id' });

/** A message id as the API shows it (`<senderId>-<clientId>`). */
export const messageId = z
  .string()
  .min(33)
  .max(89)
  .regex(/^[0-9a-f]{24}-[A-Za-z0-9_-]{8,64}$/, { message: 'invalid_id' });

export const conversationIdParams = z.object({ id: objectId }).strict();
export const messageParams = z.object({ id: objectId, messageId }).strict();
export const memberParams = z.object({ id: objectId, personId: objectId }).strict();
export const reactionParams = z
  .object({ id: objectId, messageId, reaction: z.enum(chatReactions) })
  .strict();
export const fileParams = z.object({ id: objectId, fileId: objectId }).strict();

export const createConversationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('direct'), personId: objectId }).strict(),
  z
    .object({
      kind: z.literal('group'),
      /** The other members (the creator is added). */
      memberIds: z
        .array(objectId)
        .min(2)
        .max(GROUP_MAX_MEMBERS - 1),
      name: line(80).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('channel'),
      name: line(80, 2),
      topic: line(250, 0).default(''),
      visibility: z.enum(channelVisibilities),
      memberIds: z.array(objectId).max(500).default([]),
    })
    .strict(),
]);
export type CreateConversationInput = z.infer<typeof createConversationSchema>;

/** Owners change a channel or group's name and topic. */
export const updateConversationSchema = z
  .object({
    name: line(80, 2).optional(),
    topic: line(250, 0).optional(),
    archived: z.boolean().optional(),
  })
  .strict();
export type UpdateConversationInput = z.infer<typeof updateConversationSchema>;

/** The person's own settings for one conversation. */
export const memberPreferencesSchema = z
  .object({ muted: z.boolean().optional(), favourite: z.boolean().optional() })
  .strict();
export type MemberPreferencesInput = z.infer<typeof memberPreferencesSchema>;

export const addMembersSchema = z.object({ personIds: z.array(objectId).min(1).max(500) }).strict();
export const memberRoleSchema = z.object({ role: z.enum(memberRoles) }).strict();

export const sendMessageSchema = z
  .object({
    clientId: clientMessageId,
    /** Markdown subset (see `./markdown.ts`); may be empty when there are attachments. */
    body: z.string().max(MESSAGE_MAX_CHARS).default(''),
    /** Files uploaded to this conversation by the sender (`POST …/files`). */
    attachmentIds: z.array(objectId).max(MESSAGE_MAX_ATTACHMENTS).default([]),
    /** Root message of the thread this replies to. */
    threadId: messageId.nullable().default(null),
  })
  .strict()
  .refine((m) => m.body.trim().length > 0 || m.attachmentIds.length > 0, {
    message: 'message_empty',
    path: ['body'],
  });
export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export const editMessageSchema = z
  .object({ body: z.string().trim().min(1).max(MESSAGE_MAX_CHARS) })
  .strict();

export const forwardMessageSchema = z
  .object({ targetConversationId: objectId, clientId: clientMessageId })
  .strict();

/** History: `before` a sequence number (older page) or `after` one (catch-up), never both. */
export const messagesQuerySchema = z
  .object({
    before: z.coerce.number().int().min(1).optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict()
  .refine((q) => q.before === undefined || q.after === undefined, {
    message: 'before_and_after',
    path: ['after'],
  });
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export const markReadSchema = z.object({ seq: z.number().int().min(0) }).strict();

export const followThreadSchema = z.object({ follow: z.boolean() }).strict();

export const chatSearchSchema = z
  .object({
    q: line(100, 2),
    conversationId: objectId.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const browseChannelsSchema = z
  .object({
    q: line(100, 0).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const chatSettingsSchema = z
  .object({
    /** Show others in direct messages when I have read their messages (and see theirs). */
    readReceipts: z.boolean().optional(),
    presence: z.enum(presenceChoices).optional(),
  })
  .strict();
export type ChatSettingsInput = z.infer<typeof chatSettingsSchema>;

export const typingSchema = z
  .object({ conversationId: objectId, threadId: messageId.nullable().default(null) })
  .strict();
export const presenceWatchSchema = z.object({ personIds: z.array(objectId).max(200) }).strict();
