/** Tokenising, stop words and a light English stemmer shared by the index and the queries. */

const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by for from had has have he her his i if in into is it its ' +
    'of on or our s she so than that the their them then there these they this those to was we were ' +
    'which while who whom with would will can could should may might also such other others'
  ).split(' '),
);

/** Splits on spaces and punctuation, as MiniSearch does by default. */
export const SPLIT = /[\n\r\p{Z}\p{P}\p{S}]+/u;

export function tokenize(text: string): string[] {
  return text.split(SPLIT).filter((t) => t.length > 0);
}

/** The tokens of `tokenize(text)`, one at a time (a caller that needs the first few reads no further). */
export function* tokens(text: string): Generator<string> {
  for (const m of text.matchAll(/[^\n\r\p{Z}\p{P}\p{S}]+/gu)) yield m[0];
}

function stripSuffix(w: string, suffix: string, minStem: number): string | undefined {
  return w.endsWith(suffix) && w.length - suffix.length >= minStem ? w.slice(0, -suffix.length) : undefined;
}

/**
 * A light English stemmer: plural and verb endings so that "confiscating", "confiscated",
 * "confiscation" and "confiscate" meet at "confiscat". Deliberately conservative (it never
 * leaves a stem shorter than four letters).
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ion', 'ment', 'ly']) {
    const s = stripSuffix(w, suffix, 4);
    if (s !== undefined) {
      w = s;
      break;
    }
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Index and query term processing: lower case, no stop words or single letters, stemmed. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase().replace(/[’']/g, '');
  if (t.length < 2 || STOP_WORDS.has(t)) return null;
  return stem(t);
}

/** Lower case, every run of non-word characters one space: for phrase matching. */
export function normalizeForPhrase(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}
