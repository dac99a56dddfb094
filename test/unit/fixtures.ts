import { ORGANIZATIONS_JSON, parseSummaryText, SOURCE_TEXT } from '../../src/core/summary/bundled';
import { loadDirectory } from '../../src/core/summary/directory';

export const source = SOURCE_TEXT;
export const directory = loadDirectory(ORGANIZATIONS_JSON);
export const summary = parseSummaryText(SOURCE_TEXT, ORGANIZATIONS_JSON);
export const doc = summary.doc;

/** The source with one line replaced (1-based), for malformed-input tests. */
export function withLine(line: number, replacement: string | null): string {
  const lines = source.split('\n');
  if (replacement === null) lines.splice(line - 1, 1);
  else lines[line - 1] = replacement;
  return lines.join('\n');
}

export function lineOf(prefix: string): number {
  const i = source.split('\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  return i + 1;
}

/** Queries and the paragraph each must find first: search.test.ts asserts them; `npm run bench stemmers` counts them per stemmer. */
export const SEARCH_RANKING: readonly (readonly [query: string, first: number])[] = [
  ['cryptocurrencies blockchain', 27],
  ['cryptocurrency', 27],
  ['deforestation', 17],
  ['gold mining', 17],
  ['narco-planes', 16],
  ['ARQ focal point', 14],
  ['Friends of UNODC Research', 10],
  ['Singapore', 10],
  ['comparing confiscated proceeds', 24],
  ['reuse of confiscated assets', 29],
  ['mule accounts', 26],
  ['trafficking in persons victims', 20],
  ['firearms ammunition', 21],
  ['terrorism militants', 19],
  ['"Internet pharmacies"', 33],
  ['artificial intelligence', 34],
  ['biometric facial recognition', 34],
  ['public-private partnerships', 35],
  ['not subject to negotiation', 1],
  ['hybrid format livestreamed', 5],
  ['multi-year workplan human rights obligations', 36],
  ['early disposal of assets', 25],
  ['encrypted communication platforms', 15],
  ['Vienna NGO Committee', 6],
];

/** Typos and the paragraph each must still find first (search.test.ts; `npm run bench stemmers`). */
export const SEARCH_TYPOS: readonly (readonly [typo: string, first: number])[] = [
  ['cryptocurency', 27],
  ['blokchain', 27],
  ['deforestaton', 17],
];
