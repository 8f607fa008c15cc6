import { fold } from '../../lib/text';

/** Umlauts dropped instead of expanded ("Müller" → "muller"), so both spellings are found. */
function strip(value: string): string {
  return value
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

const splitWords = (value: string) => value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Search terms of a text: each word folded ("mueller") and stripped ("muller"). Queries are
 * folded and matched as anchored prefixes, so "Müller", "mueller" and "muller" all find Müller.
 */
export function searchTermsOf(parts: (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const word of splitWords(part)) {
      terms.add(fold(word));
      terms.add(strip(word));
    }
  }
  return [...terms].filter((t) => t.length > 0);
}

/** Folded words of a user's query (at most 6), for anchored prefix matches. */
export function queryTerms(q: string): string[] {
  return [...new Set(splitWords(fold(q)))].slice(0, 6);
}

export interface NameSource {
  givenName: string;
  familyName: string;
  position?: string | null;
  responsibilities?: string[] | null;
}

/**
 * The derived fields every write of a person must keep in sync: call it whenever a name,
 * position or responsibilities change (create, admin update, own profile, seeds).
 */
export function derivedPersonFields(p: NameSource): {
  displayName: string;
  sortKey: string;
  searchTerms: string[];
} {
  const displayName = `${p.givenName} ${p.familyName}`.trim();
  return {
    displayName,
    sortKey: fold(`${p.familyName} ${p.givenName}`),
    searchTerms: searchTermsOf([
      p.givenName,
      p.familyName,
      p.position ?? null,
      ...(p.responsibilities ?? []),
    ]),
  };
}
