/** Pure helpers of the composer's `@` autocomplete. */

/** A member one can mention; without `username` (PersonRef lacks it) the person is not offered. */
export interface MentionCandidate {
  id: string;
  username?: string;
  displayName: string;
}

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** Text typed after the `@` up to the caret (lower-case). */
  query: string;
}

const MAX_SUGGESTIONS = 8;
const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss');

/** The `@word` the caret is in (or right after), if any; `foo@bar` (e-mail) is none. */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  let i = caret;
  while (i > 0 && /[A-Za-z0-9._-]/.test(text[i - 1]!)) i--;
  if (i === 0 || text[i - 1] !== '@') return null;
  const at = i - 1;
  if (at > 0 && /[\p{L}\p{N}._\-@+/]/u.test(text[at - 1]!)) return null;
  if (caret - i > 64) return null;
  return { start: at, query: text.slice(i, caret).toLowerCase() };
}

export type Suggestion =
  { kind: 'person'; person: MentionCandidate & { username: string } } | { kind: 'all' };

/** Members whose username or any part of the name starts with the query; `@channel` if allowed. */
export function suggestMentions(
  query: string,
  members: readonly MentionCandidate[],
  allowMentionAll: boolean,
): Suggestion[] {
  const q = fold(query);
  const out: Suggestion[] = [];
  const starts: Suggestion[] = [];
  for (const candidate of members) {
    if (!candidate.username) continue;
    const person = { ...candidate, username: candidate.username };
    const username = person.username.toLowerCase();
    const words = fold(person.displayName).split(/[\s-]+/);
    if (username.startsWith(q)) starts.push({ kind: 'person', person });
    else if (words.some((w) => w.startsWith(q)) || fold(person.displayName).startsWith(q))
      out.push({ kind: 'person', person });
  }
  const people = [...starts, ...out].slice(0, MAX_SUGGESTIONS);
  if (allowMentionAll && ['channel', 'all', 'alle'].some((w) => w.startsWith(q)))
    people.push({ kind: 'all' });
  return people;
}

/** Replaces `@query` at `mention` with `@username ` and returns the new text and caret. */
export function insertMention(
  text: string,
  mention: MentionQuery,
  caret: number,
  username: string,
): { text: string; caret: number } {
  const rest = text.slice(caret);
  const insert = `@${username}${rest.startsWith(' ') ? '' : ' '}`;
  return {
    text: text.slice(0, mention.start) + insert + rest,
    caret: mention.start + insert.length + (rest.startsWith(' ') ? 1 : 0),
  };
}
