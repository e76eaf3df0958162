/**
 * The terms of the directory's search index, and of a search. A word in
 * Latin, Cyrillic or any other alphabet is indexed by each of its prefixes
 * (so "logist" finds "Logistics" and "холод" finds "Холодовая"); Chinese,
 * written without spaces, by each character and each pair of neighbouring
 * characters (so "冷链" and "物流" both find "冷链物流"). A search matches
 * a registration holding every term of the search.
 */

/** Longer words are indexed, and searched, by their first this-many characters. */
export const MAX_TERM_LENGTH = 24;

const HAN = /\p{Script=Han}/u;
/** A run of Han characters, or a word of letters and digits in any other script. */
const RUNS = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

const normalise = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');

/** Every term a registration with these texts is found by. */
export function indexTerms(texts: Array<string | null | undefined>): Set<string> {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const run of normalise(text).match(RUNS) ?? []) {
      const chars = [...run];
      if (HAN.test(chars[0])) {
        chars.forEach((c, i) => {
          terms.add(c);
          if (i + 1 < chars.length) terms.add(c + chars[i + 1]);
        });
      } else {
        const word = chars.slice(0, MAX_TERM_LENGTH);
        for (let n = 1; n <= word.length; n++) terms.add(word.slice(0, n).join(''));
      }
    }
  }
  return terms;
}

/** The terms a registration must hold to match the search `q` (none: `q` has nothing to search by). */
export function searchTerms(q: string): string[] {
  const terms = new Set<string>();
  for (const run of normalise(q).match(RUNS) ?? []) {
    const chars = [...run];
    if (HAN.test(chars[0])) {
      if (chars.length === 1) terms.add(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i] + chars[i + 1]);
    } else {
      terms.add(chars.slice(0, MAX_TERM_LENGTH).join(''));
    }
  }
  return [...terms];
}
