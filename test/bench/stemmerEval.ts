/**
 * What the stemmer does to search and to the support model. esbuild.js --bench builds this file once per
 * stemmer in test/bench/stemmers/ (out/bench/stemmers/<name>.js), each time with that stemmer in place of
 * src/core/search/stem.ts, so every figure is the extension's own code with only the stemmer changed.
 * `npm run bench stemmers` loads the builds and prints them side by side (bench.ts).
 */
import MiniSearch from 'minisearch';
import { BODIES_JSON, LEXICON, loadBundledSummary } from '../../src/core/summary/bundled';
import { paragraphDocs, SEARCH_OPTIONS, type SearchDoc, SearchEngine } from '../../src/core/search/engine';
import { processTerm, stem } from '../../src/core/search/terms';
import { createSupportModel } from '../../src/core/support';
import { scanWords } from '../../src/core/support/analysis';
import devSet from '../fixtures/support/dev.json';
import holdoutSet from '../fixtures/support/holdout.json';
import holdout2Set from '../fixtures/support/holdout2.json';
import { SEARCH_RANKING, SEARCH_TYPOS } from '../unit/fixtures';
import { type Evaluation, evaluate, type LabelledItem, searchRanking } from './supportEval';
import { mulberry32, time } from './util';

export interface StemmerFigures {
  search: {
    /** search.test.ts's ranking queries whose expected paragraph comes first. */
    ranking: { n: number; right: number; misses: string[] };
    /** search.test.ts's typos whose expected paragraph comes first. */
    typos: { n: number; right: number; misses: string[] };
    /** One generated typo per word of the summary (6 letters or more): the first result is the word's own first result. */
    generatedTypos: { n: number; right: number; misses: string[] };
    /** MiniSearch's related ranking (Find Related before the support model) on the three labelled sets together. */
    related: { n: number; top1: number; top3: number; mrr: number };
    /** Distinct terms of the summary's index. */
    terms: number;
    buildMs: number;
  };
  support: { set: string; items: number; evaluation: Evaluation }[];
  /** Lexicon forms whose stems are another concept's form (the first concept keeps it): with that concept's name. */
  lexiconShadowed: string[];
  supportBuildMs: number;
  /** A few words and their stems, to show what the stemmer does. */
  samples: [string, string][];
}

const SETS: [string, LabelledItem[]][] = [
  ['dev', devSet as LabelledItem[]],
  ['holdout', holdoutSet as LabelledItem[]],
  ['holdout2', holdout2Set as LabelledItem[]],
];

const SAMPLE_WORDS = [
  'confiscating',
  'confiscation',
  'cryptocurrencies',
  'deforestation',
  'organizations',
  'trafficking',
  'investigations',
  'anonymity',
  'laundering',
  'policies',
];

/** One typo per word: a letter dropped, doubled, replaced or swapped with the next (never the first letter, never the same word). */
function typoOf(word: string, rand: () => number): string {
  const at = 1 + Math.floor(rand() * (word.length - 1));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)];
  const dropped = word.slice(0, at) + word.slice(at + 1);
  switch (Math.floor(rand() * 4)) {
    case 0:
      return dropped;
    case 1:
      return word.slice(0, at) + word[at] + word.slice(at);
    case 2:
      return word.slice(0, at) + (letter === word[at] ? 'x' : letter) + word.slice(at + 1);
    default:
      return at + 1 < word.length && word[at] !== word[at + 1]
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
        : dropped;
  }
}

function expectFirst(
  engine: SearchEngine,
  cases: readonly (readonly [string, number])[],
): { n: number; right: number; misses: string[] } {
  const misses: string[] = [];
  for (const [query, want] of cases) {
    const got = engine.search(query).hits[0]?.number;
    if (got !== want) misses.push(`${query} → ${got ?? 'nothing'} (want ${want})`);
  }
  return { n: cases.length, right: cases.length - misses.length, misses };
}

function generatedTypos(engine: SearchEngine, texts: string[]): { n: number; right: number; misses: string[] } {
  const words = [...new Set(texts.flatMap((t) => t.toLowerCase().match(/\p{L}{6,}/gu) ?? []))].sort();
  const rand = mulberry32(2021);
  const misses: string[] = [];
  for (const word of words) {
    const typo = typoOf(word, rand);
    const want = engine.search(word).hits[0]?.number;
    if (engine.search(typo).hits[0]?.number !== want) misses.push(`${typo} (${word})`);
  }
  return { n: words.length, right: words.length - misses.length, misses };
}

/** Forms of the lexicon that stem to another concept's form: the analyser gives such a sequence to the first concept. */
function lexiconShadowed(): string[] {
  const owner = new Map<string, string>();
  const shadowed: string[] = [];
  for (const [concept, forms] of Object.entries(LEXICON.concepts)) {
    for (const form of forms) {
      const stems: string[] = [];
      scanWords(form, (s, e) => {
        const lower = form.slice(s, e).toLowerCase();
        const t = /^\d+$/.test(lower) || LEXICON.supportStopWords.has(lower) ? null : processTerm(lower);
        if (t) stems.push(t);
      });
      const key = stems.join(' ');
      if (!key) continue;
      const first = owner.get(key);
      if (first === undefined) owner.set(key, concept);
      else if (first !== concept) shadowed.push(`"${form}" (${concept}) stems like a form of ${first}: ${key}`);
    }
  }
  return shadowed;
}

export function measure(): StemmerFigures {
  const summary = loadBundledSummary();
  const engine = SearchEngine.build(summary);
  const all = SETS.flatMap(([, items]) => items);
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(paragraphDocs(summary));
  const model = createSupportModel(summary, BODIES_JSON, LEXICON);
  return {
    search: {
      ranking: expectFirst(engine, SEARCH_RANKING),
      typos: expectFirst(engine, SEARCH_TYPOS),
      generatedTypos: generatedTypos(
        engine,
        summary.doc.paragraphs.map((p) => p.text),
      ),
      related: searchRanking(engine, all),
      terms: index.termCount,
      buildMs: time(() => SearchEngine.build(summary), 20),
    },
    support: SETS.map(([set, items]) => ({ set, items: items.length, evaluation: evaluate(model, items) })),
    lexiconShadowed: lexiconShadowed(),
    supportBuildMs: time(() => createSupportModel(summary, BODIES_JSON, LEXICON), 20),
    samples: SAMPLE_WORDS.map((w) => [w, stem(w)]),
  };
}
