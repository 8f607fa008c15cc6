import { fold } from '../../../lib/text';
import { queryTerms, searchTermsOf } from '../../people/person-fields';

/**
 * Pure matching for the wiki search. Words are folded the way the people directory folds them
 * (`searchTermsOf` / `queryTerms`: umlauts as "ae" and stripped, ß as "ss"), and every query word
 * must be the start of a word of the title or the text ("urlaub" finds "Urlaubsantrag"). The
 * portal has no stemmer; prefix matching covers German compounds and endings well enough.
 */

export { queryTerms };

/** A page's text prepared for matching: folded, with a leading space so " term" is a word start. */
export interface IndexedText {
  /** The plain text as stored in the snapshot (for excerpts). */
  raw: string;
  /** ` ` + folded words joined by single spaces. */
  folded: string;
}

const splitWords = (value: string) => value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

export function indexText(raw: string): IndexedText {
  return { raw, folded: ` ${splitWords(fold(raw)).join(' ')}` };
}

/** Title words in both folded forms ("mueller", "muller"). */
export const titleTerms = (title: string): string[] => searchTermsOf([title]);

export interface PageMatch {
  /** Query words that start a title word. */
  title: number;
  /** Occurrences (capped per word) in the text of the words not found in the title. */
  text: number;
}

const countStarts = (folded: string, term: string, cap: number): number => {
  const needle = ` ${term}`;
  let n = 0;
  for (let i = folded.indexOf(needle); i !== -1 && n < cap; i = folded.indexOf(needle, i + 1))
    n += 1;
  return n;
};

/** Every query word must start a word of the title or of the text; null when one does not. */
export function matchPage(
  terms: string[],
  titleWords: string[],
  text: IndexedText | null,
): PageMatch | null {
  let title = 0;
  let inText = 0;
  for (const t of terms) {
    if (titleWords.some((w) => w.startsWith(t))) {
      title += 1;
      continue;
    }
    const n = text ? countStarts(text.folded, t, 20) : 0;
    if (n === 0) return null;
    inText += n;
  }
  return { title, text: inText };
}

/**
 * A plain-text excerpt of at most ~`size` characters around the first word that starts with one
 * of the terms (the start of the text when none does), cut at word boundaries, with "…" marks.
 */
export function excerptOf(raw: string, terms: string[], size = 180): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length <= size) return text;
  let at = -1;
  const word = /[\p{L}\p{N}]+/gu;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const f = fold(m[0]);
    if (terms.some((t) => f.startsWith(t))) {
      at = m.index;
      break;
    }
  }
  let start = at <= 0 ? 0 : Math.max(0, at - Math.floor(size / 3));
  let end = Math.min(text.length, start + size);
  if (end === text.length) start = Math.max(0, end - size);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < (at === -1 ? end : at)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return `${start > 0 ? '… ' : ''}${text.slice(start, end)}${end < text.length ? ' …' : ''}`;
}
