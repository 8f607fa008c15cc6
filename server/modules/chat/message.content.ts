import { extractMentions, toPlainText } from '@shared/chat/markdown';
import { peopleFromDirectory } from '../people/directory-index';
import { fold } from '../../lib/text';
import type { CurrentUser } from '../auth/current-user';
import type { Conversation, StoredLastMessage } from './conversation.model';
import type { Message, StoredAttachment } from './message.model';
import { canMentionAll } from './chat.policy';
import { memberIds } from './conversation.store';
import { presentConversation } from './conversation.presenter';

/** Conversation list previews, in characters. */
export const PREVIEW_CHARS = 140;

export interface ParsedBody {
  mentionIds: string[];
  mentionsAll: boolean;
  searchText: string;
}

/**
 * Mentions resolved against the conversation's members (an `@name` of someone outside is plain
 * text), `@channel` only where the sender may use it, and the folded search text.
 */
export async function parseBody(
  user: Pick<CurrentUser, 'id'>,
  conv: Conversation,
  body: string,
): Promise<ParsedBody> {
  const { usernames, all } = extractMentions(body);
  let mentionIds: string[] = [];
  if (usernames.length) {
    const wanted = new Set(usernames.map((u) => u.toLowerCase()));
    const members = await peopleFromDirectory(memberIds(conv));
    const byName = new Map(members.map((p) => [p.username.toLowerCase(), String(p._id)]));
    mentionIds = [...wanted].map((u) => byName.get(u)).filter((id): id is string => !!id);
  }
  return {
    mentionIds,
    mentionsAll: all && canMentionAll(user, conv),
    searchText: fold(toPlainText(body)),
  };
}

/** One line for the conversation list: the text, or the attachment names. */
export function previewOf(body: string, attachments: StoredAttachment[]): string {
  const text = toPlainText(body, PREVIEW_CHARS);
  if (text) return text;
  return toPlainText(attachments.map((a) => a.name).join(', '), PREVIEW_CHARS);
}

export function lastMessageOf(msg: Message): StoredLastMessage {
  return {
    id: msg._id,
    senderId: String(msg.senderId),
    preview: msg.deletedAt ? '' : previewOf(msg.body, msg.attachments),
    deleted: msg.deletedAt !== null,
    createdAt: msg.createdAt,
  };
}

/** The conversation's name as this person sees it (direct: the other person; unnamed group: members). */
export async function conversationNameFor(
  viewer: Pick<CurrentUser, 'id'>,
  conv: Conversation,
): Promise<string> {
  const dto = await presentConversation(viewer, conv, null);
  if (dto.name) return dto.name;
  return dto.membersPreview.map((p) => p.displayName).join(', ');
}
