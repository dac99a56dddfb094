/** Tokenising, stop words and stemming shared by the index, the queries and the support model. */
// The stemmer stays the light one of ./stem rather than Porter2 (Snowball English, the `porter2` package), measured
// side by side with `npm run bench stemmers`. Porter2 ranks a little better (support model related top-1 +1 to +2
// points on the three labelled sets, wrong and correct citations the same, one restatement hint fewer; MiniSearch
// related top-3 +1 point), but search forgives fewer typos: a misspelt ending is not stripped while the right
// word's is ("deforestaton" stays whole, "deforestation" becomes "deforest": four edits apart, beyond the fuzzy
// search's two). Of one typo per word of the summary, 68 % instead of 79 % still find the word's own first result,
// and search.test.ts's "deforestaton" finds nothing. It would also add 5.9 KB to each bundle.
import { stem } from './stem';

export { stem };

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
