import type { ChatReaction } from '@shared/chat/schemas';

/** Reaction name (stored by the server) → emoji shown in the client. */
export const reactionEmoji: Record<ChatReaction, string> = {
  thumbsup: '👍',
  thumbsdown: '👎',
  heart: '❤️',
  joy: '😂',
  smile: '😊',
  tada: '🎉',
  clap: '👏',
  pray: '🙏',
  eyes: '👀',
  thinking: '🤔',
  check: '✅',
  rocket: '🚀',
  fire: '🔥',
  coffee: '☕',
  sun: '☀️',
  wave: '👋',
};

/** Emoji the composer's emoji button offers (inserted as text). Names are i18n keys. */
export const composerEmoji = [
  { name: 'smile', emoji: '😊' },
  { name: 'grin', emoji: '😀' },
  { name: 'joy', emoji: '😂' },
  { name: 'wink', emoji: '😉' },
  { name: 'thinking', emoji: '🤔' },
  { name: 'sad', emoji: '😢' },
  { name: 'thumbsup', emoji: '👍' },
  { name: 'thumbsdown', emoji: '👎' },
  { name: 'clap', emoji: '👏' },
  { name: 'pray', emoji: '🙏' },
  { name: 'wave', emoji: '👋' },
  { name: 'heart', emoji: '❤️' },
  { name: 'tada', emoji: '🎉' },
  { name: 'check', emoji: '✅' },
  { name: 'cross', emoji: '❌' },
  { name: 'warning', emoji: '⚠️' },
  { name: 'rocket', emoji: '🚀' },
  { name: 'fire', emoji: '🔥' },
  { name: 'coffee', emoji: '☕' },
  { name: 'sun', emoji: '☀️' },
] as const;
