import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { propertyParams } from './property';
import MiniSearch, { type SearchResult } from 'minisearch';
import { BOOST, paragraphDocs, PRIMARY_FIELDS, SEARCH_OPTIONS, type SearchDoc, SearchEngine } from '../../src/core/search/engine';
import { tokenize } from '../../src/core/search/terms';
import { type RankOptions, type Ranking, TopK } from '../../src/core/search/topk';
import { summary } from './fixtures';

// The top-k ranker must give what MiniSearch's own search gives, cut to the best k: same documents,
// same scores, same matched terms. These compare the two on the summary and on a larger corpus made
// from it (shuffled sentences, a few words changed, so that scores spread out and many documents match).

function corpus(copies: number): SearchDoc[] {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const base = paragraphDocs(summary);
  const docs = [...base];
  for (let c = 1; c < copies; c++) {
    for (const d of base) {
      const words = d.text.split(' ');
      for (let i = words.length - 1; i > 0; i--) {
        if (rand() < 0.3) {
          const j = Math.floor(rand() * (i + 1));
          [words[i], words[j]] = [words[j], words[i]];
        }
      }
      docs.push({ ...d, id: `c${c}-${d.number}`, text: words.filter(() => rand() > 0.1).join(' ') });
    }
  }
  return docs;
}

const small = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
small.addAll(paragraphDocs(summary));
const large = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
large.addAll(corpus(30));

const AND: RankOptions = {
  fields: PRIMARY_FIELDS,
  boost: BOOST,
  combineWith: 'AND',
  prefix: (t, i, all) => i === all.length - 1 && t.length >= 3,
};
const OR: RankOptions = { fields: [...PRIMARY_FIELDS, 'session', 'challenge'], boost: BOOST, combineWith: 'OR' };
const FUZZY: RankOptions = {
  ...AND,
  fields: OR.fields,
  fuzzy: (t) => (t.length >= 5 ? 0.2 : t.length >= 4 ? 1 : false),
  maxFuzzy: 2,
};

function expected(
  index: MiniSearch<SearchDoc>,
  query: string,
  options: RankOptions,
  accept?: (id: string) => boolean,
): SearchResult[] {
  return index.search(query, {
    ...options,
    fields: [...options.fields],
    ...(accept ? { filter: (r) => accept(r.id as string) } : {}),
  });
}

/** Equal up to the order of documents whose scores tie (MiniSearch keeps them in the order it met them; we in document order). */
function assertSame(got: Ranking, want: SearchResult[], k: number, label: string): void {
  assert.equal(got.total, want.length, `${label}: total`);
  assert.equal(got.hits.length, Math.min(k, want.length), `${label}: hits`);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  got.hits.forEach((h, i) => {
    assert.ok(close(h.score, want[i].score), `${label}: score #${i + 1}: ${h.score} vs ${want[i].score}`);
    const same = want.find((w) => w.id === h.id);
    assert.ok(same && close(same.score, h.score), `${label}: ${h.id} is not a result with that score`);
    assert.deepEqual([...h.terms].sort(), [...same.terms].sort(), `${label}: terms of ${h.id}`);
  });
  // No document is left out that scores better than the last one kept.
  const last = got.hits.at(-1)?.score ?? Infinity;
  const kept = new Set(got.hits.map((h) => h.id));
  for (const w of want)
    if (w.score > last && !close(w.score, last)) assert.ok(kept.has(w.id as string), `${label}: ${String(w.id)} missing`);
}

const QUERIES = [
  'money laundering',
  'trafficking in persons',
  'COVID-19 pandemic',
  'financial investigations',
  'cryptocurrency',
  'confiscating',
  'asset recovery',
  'dark web',
  'gold mining',
  'ARQ',
  'interpol',
  'human rights human',
  'fin',
  'launder launder',
  'cryptocurency',
  'deforest',
  'zzzz',
  'the of and',
  'firearms ammunition trafficking',
  'public-private partnerships',
];

describe('top-k ranking: the same as MiniSearch search, cut to k', () => {
  const ranker = { small: TopK.over(small)!, large: TopK.over(large)! };

  test("it recognises MiniSearch 7's inside (else the engine would fall back to the slow path)", () => {
    assert.ok(ranker.small && ranker.large);
    assert.equal(SearchEngine.build(summary).ranksTopK, true);
  });

  for (const [name, index] of [
    ['summary', small],
    ['30×', large],
  ] as const) {
    for (const [mode, options] of [
      ['AND + prefix', AND],
      ['OR', OR],
      ['fuzzy', FUZZY],
    ] as const) {
      test(`${name}, ${mode}: every query, k = 1, 5, 20 and all`, () => {
        for (const q of QUERIES) {
          const want = expected(index, q, options);
          for (const k of [1, 5, 20, 100_000])
            assertSame(
              ranker[name === 'summary' ? 'small' : 'large'].search(q, options, k),
              want,
              k,
              `${name} ${mode} "${q}" k=${k}`,
            );
        }
      });
    }
  }

  test('a filter counts and keeps only accepted documents', () => {
    const accept = (id: string) => id.endsWith('-24') || id === 'p24' || id.startsWith('c1');
    for (const q of QUERIES)
      assertSame(ranker.large.search(q, AND, 10, accept), expected(large, q, AND, accept), 10, `filtered "${q}"`);
  });

  test('after documents are discarded and before the index is vacuumed', () => {
    const index = new MiniSearch<SearchDoc>({ ...SEARCH_OPTIONS, autoVacuum: false });
    index.addAll(corpus(5));
    for (const id of ['p24', 'c1-24', 'c2-3', 'p17', 'c4-10']) index.discard(id);
    index.add({ id: 'n1', kind: 'note', number: 24, text: 'money laundering through gold mining', tags: 'follow-up' });
    const discarding = TopK.over(index)!;
    for (const q of ['money laundering', 'gold', 'assets recovery', 'follow']) {
      const got = discarding.search(q, AND, 10);
      assert.ok(
        !got.hits.some((h) => ['p24', 'c1-24', 'c2-3', 'p17', 'c4-10'].includes(h.id)),
        `discarded documents are never results ("${q}")`,
      );
      // The frequencies MiniSearch uses change as its search cleans the discarded entries up; compare the documents only.
      const want = index.search(q, { ...AND, fields: [...AND.fields] });
      assert.equal(got.total, want.length);
      assert.deepEqual(
        got.hits.map((h) => h.id),
        want.slice(0, 10).map((w) => w.id as string),
      );
    }
    // Should MiniSearch's count of discarded entries ever be off, discarded documents are still skipped.
    const stale = new MiniSearch<SearchDoc>({ ...SEARCH_OPTIONS, autoVacuum: false });
    stale.addAll(paragraphDocs(summary));
    stale.discard('p24');
    (stale as unknown as { _dirtCount: number })._dirtCount = 0;
    const hits = TopK.over(stale)!
      .search('confiscated proceeds', AND, 50)
      .hits.map((h) => h.id);
    assert.ok(hits.length > 0 && !hits.includes('p24'));
  });

  test("the index's own search options (BM25 parameters, weights, maxFuzzy) are used; options it cannot honour mean no ranker", () => {
    const tuned = new MiniSearch<SearchDoc>({
      ...SEARCH_OPTIONS,
      searchOptions: { bm25: { k: 2, b: 0.3, d: 1 }, weights: { prefix: 0.8, fuzzy: 0.1 }, maxFuzzy: 1 },
    });
    tuned.addAll(corpus(3));
    const tunedRanker = TopK.over(tuned)!;
    for (const q of ['money laundering', 'fin', 'cryptocurency', 'deforest']) {
      const fuzzyIndexMax = { ...FUZZY }; // the index's maxFuzzy applies
      delete fuzzyIndexMax.maxFuzzy;
      for (const options of [AND, OR, fuzzyIndexMax])
        assertSame(tunedRanker.search(q, options, 10), expected(tuned, q, options), 10, `tuned "${q}"`);
    }
    for (const searchOptions of [{ boostDocument: () => 2 }, { boostTerm: () => 2 }, { filter: () => true }]) {
      assert.equal(
        TopK.over(new MiniSearch<SearchDoc>({ ...SEARCH_OPTIONS, searchOptions })),
        undefined,
        Object.keys(searchOptions)[0],
      );
    }
    assert.equal(TopK.over({} as MiniSearch<SearchDoc>), undefined);
  });

  test("random queries from the index's own words (fast-check)", () => {
    const words = [...new Set(paragraphDocs(summary).flatMap((d) => tokenize(d.text)))];
    const word = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.slice(0, 3 + (w.length % 4))),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(AND, OR, FUZZY),
        fc.integer({ min: 1, max: 30 }),
        (ws, options, k) => {
          const q = ws.join(' ');
          assertSame(ranker.large.search(q, options, k), expected(large, q, options), k, `"${q}"`);
        },
      ),
      propertyParams(150),
    );
  });
});
