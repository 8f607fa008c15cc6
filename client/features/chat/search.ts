/**
 * Where a search matched inside a message's plain text, for showing the hit. The server matches
 * the folded text (lower case, ä→ae, ö→oe, ü→ue, ß→ss, accents stripped: `server/lib/text.ts`
 * `fold`), so the same folding is applied here character by character, keeping a map back to the
 * original positions.
 */
export function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  const umlaut: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
  return umlaut[lower] ?? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export interface Snippet {
  /** Text before the match (starting with `…` when cut). */
  before: string;
  /** The matched text as written (empty when the folded query is not found). */
  match: string;
  /** Text after the match (ending with `…` when cut). */
  after: string;
}

/** A window of `text` around the first match of `q` (about `context` characters each side). */
export function snippetOf(text: string, q: string, context = 60): Snippet {
  const needle = Array.from(q.trim()).map(foldChar).join('');
  const chars = Array.from(text);
  let folded = '';
  const origin: number[] = []; // folded index → index in chars
  chars.forEach((ch, i) => {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
  });
  const at = needle ? folded.indexOf(needle) : -1;
  if (at < 0) {
    const cut = chars.length > context * 2;
    return {
      before: '',
      match: '',
      after: cut ? `${chars.slice(0, context * 2).join('')}…` : text,
    };
  }
  const start = origin[at] ?? 0;
  const end = (origin[at + needle.length - 1] ?? start) + 1;
  const from = Math.max(0, start - context);
  const to = Math.min(chars.length, end + context);
  return {
    before: `${from > 0 ? '…' : ''}${chars.slice(from, start).join('')}`,
    match: chars.slice(start, end).join(''),
    after: `${chars.slice(end, to).join('')}${to < chars.length ? '…' : ''}`,
  };
}
