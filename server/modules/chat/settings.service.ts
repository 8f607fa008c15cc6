import type { ChatSettingsDTO, ConversationDTO } from '@shared/chat/types';
import type { ChatSettingsInput, MemberPreferencesInput } from '@shared/chat/schemas';
import type { CurrentUser } from '../auth/current-user';
import { events } from '../../lib/events';
import { withKeyLock } from '../../lib/keyed-lock';
import { InboxModel, type Inbox } from './inbox.model';
import { getInbox, inboxLockKey, rememberInbox } from './inbox.store';
import { loadReadable } from './member.service';
import { updateInboxEntry } from './read.service';
import { presentConversation } from './conversation.presenter';
import { presenceChoiceChanged } from './presence';

type Actor = Pick<CurrentUser, 'id'>;

const present = (inbox: Inbox): ChatSettingsDTO => ({
  readReceipts: inbox.readReceipts,
  presence: inbox.presence,
});

export async function getChatSettings(user: Actor): Promise<ChatSettingsDTO> {
  return present(await getInbox(user.id));
}

/** Read receipts and the presence choice, saved in the person's inbox document. */
export async function updateChatSettings(
  user: Actor,
  input: ChatSettingsInput,
): Promise<ChatSettingsDTO> {
  const $set: Record<string, unknown> = {};
  if (input.readReceipts !== undefined) $set.readReceipts = input.readReceipts;
  if (input.presence !== undefined) $set.presence = input.presence;
  const before = await getInbox(user.id);
  if (Object.keys($set).length === 0) return present(before);
  const stored = await withKeyLock(inboxLockKey(user.id), async () => {
    const written = await InboxModel.findByIdAndUpdate(
      user.id,
      { $set },
      { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true },
    ).lean<Inbox>();
    if (written) rememberInbox(written);
    return written ?? before;
  });
  if (stored.presence !== before.presence) presenceChoiceChanged(user.id, stored.presence);
  return present(stored);
}

/** The person's own mute / favourite of a conversation (their other tabs follow). */
export async function updatePreferences(
  user: Actor,
  convId: string,
  input: MemberPreferencesInput,
): Promise<ConversationDTO> {
  const conv = await loadReadable(user, convId);
  const written = await updateInboxEntry(user.id, conv, (entry) => {
    const fields: { muted?: boolean; favourite?: boolean } = {};
    if (input.muted !== undefined && input.muted !== entry.muted) fields.muted = input.muted;
    if (input.favourite !== undefined && input.favourite !== entry.favourite)
      fields.favourite = input.favourite;
    return Object.keys(fields).length ? fields : null;
  });
  if (written) events.publish('chat.member_state', { userId: user.id, conversationId: convId });
  return presentConversation(user, conv, await getInbox(user.id));
}
