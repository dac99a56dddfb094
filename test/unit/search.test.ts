import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SearchEngine } from '../../src/core/search/engine';
import { LazySearchEngine } from '../../src/core/search/lazy';
import { parseQuery } from '../../src/core/search/query';
import { BODIES_JSON, LEXICON } from '../../src/core/summary/bundled';
import { loadShipped, loadShippedSearch, loadShippedSummary, SHIPPED_FINGERPRINT } from '../../src/core/summary/shipped';
import { dataFingerprint } from '../../src/core/search/prebuild';
import { processTerm, stem } from '../../src/core/search/terms';
import { SEARCH_RANKING, SEARCH_TYPOS, summary } from './fixtures';

const engine = SearchEngine.build(summary);
const first = (q: string) => engine.search(q).hits[0]?.number;
const numbers = (q: string, limit = 50) => engine.search(q, { limit }).hits.map((h) => h.number);

describe('search: ranking', () => {
  for (const [query, expected] of SEARCH_RANKING) {
    test(`${JSON.stringify(query)} → ¶ ${expected} first`, () =>
      assert.equal(first(query), expected, JSON.stringify(numbers(query, 5))));
  }

  test('the fallback (MiniSearch ranking every match) answers the same: results, order, counts, snippets, messages', () => {
    const fallback = SearchEngine.build(summary, [], { topK: false });
    assert.equal(engine.ranksTopK, true);
    assert.equal(fallback.ranksTopK, false);
    const queries = [
      ...SEARCH_RANKING.map(([q]) => q),
      'cryptocurency',
      'deforest',
      'money',
      'crypto anonymity blockchain zzzz',
      '"dark web"',
      'org:interpol assets',
      'para:30-35 financial',
      'the of and',
      'zzzz',
    ];
    for (const q of queries) {
      for (const request of [{ limit: 3 }, { limit: 50 }, { mode: 'related' as const, limit: 5 }]) {
        const a = engine.search(q, request);
        const b = fallback.search(q, request);
        assert.deepEqual(
          a.hits.map((h) => [h.number, h.snippet]),
          b.hits.map((h) => [h.number, h.snippet]),
          `${q} ${JSON.stringify(request)}`,
        );
        a.hits.forEach((h, i) => assert.ok(Math.abs(h.score - b.hits[i].score) <= 0.001, `${q}: score`));
        assert.equal(a.message, b.message, `${q} ${JSON.stringify(request)}: message`);
      }
    }
  });
});

describe('search: matching', () => {
  test('prefix', () => {
    assert.equal(first('deforest'), 17);
    assert.equal(first('cryptocurr'), 27);
  });
  test('fuzzy (typos)', () => {
    for (const [typo, expected] of SEARCH_TYPOS) assert.equal(first(typo), expected, typo);
  });
  test('stemming', () => {
    assert.equal(stem('confiscating'), stem('confiscated'));
    assert.equal(stem('confiscation'), stem('confiscated'));
    assert.equal(stem('cryptocurrencies'), stem('cryptocurrency'));
    assert.equal(processTerm('The'), null);
    const confiscating = numbers('confiscating');
    for (const n of [24, 25, 29]) assert.ok(confiscating.includes(n), `confiscating finds ${n}: ${confiscating.join(',')}`);
  });
  test('quoted phrases match as phrases', () => {
    const dark = numbers('"dark web"');
    assert.deepEqual(
      [...dark].sort((a, b) => a - b),
      [30, 31, 32, 34],
    );
    // Both words occur in more paragraphs than the phrase does.
    assert.ok(numbers('dark web').length >= dark.length);
    assert.deepEqual(numbers('"drug profits"'), [24]);
    assert.deepEqual(numbers('"web dark"'), []);
  });
  test('names and acronyms of organizations are searchable', () => {
    assert.ok(numbers('Europol').includes(7));
    assert.ok(numbers('European Union Agency for Law Enforcement Cooperation').includes(12), 'para. 12 says only "Europol"');
  });
  test('snippets show the matched words', () => {
    const hit = engine.search('blockchain').hits[0];
    const { text, highlights } = hit.snippet;
    assert.ok(highlights.length > 0);
    assert.ok(highlights.every(([s, e]) => /blockchain/i.test(text.slice(s, e))));
    assert.ok(text.length <= 185);
  });
});

describe('search: filters', () => {
  test('org:', () => {
    assert.deepEqual(numbers('org:interpol'), [7, 12]);
    assert.deepEqual(numbers('org:INTERPOL'), [7, 12]);
    assert.deepEqual(numbers('org:"vienna ngo"'), [6, 12]);
    assert.deepEqual(numbers('org:mexico'), [7, 12]);
    assert.ok(numbers('org:unodc').includes(30));
  });
  test('session: and date:', () => {
    assert.deepEqual(numbers('session:2'), [23, 24, 25, 26, 27, 28, 29]);
    assert.deepEqual(numbers('session:c'), [23, 24, 25, 26, 27, 28, 29]);
    assert.deepEqual(numbers('session:opening'), [9, 10]);
    assert.deepEqual(numbers('date:2021-10-20'), [23, 24, 25, 26, 27, 28, 29]);
    assert.deepEqual(numbers('date:2021-10-19'), [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
  });
  test('para:', () => {
    assert.deepEqual(numbers('para:30-35'), [30, 31, 32, 33, 34, 35]);
    assert.deepEqual(
      numbers('para:30-35 postal').sort((a, b) => a - b),
      [31, 32, 33],
    );
  });
  test('filters combine with words and with each other', () => {
    assert.deepEqual(
      numbers('session:1 covid').sort((a, b) => a - b),
      [16],
    );
    assert.deepEqual(numbers('session:3 org:unodc'), [30]);
    assert.deepEqual(
      numbers('assets session:2').every((n) => n >= 23 && n <= 29),
      true,
    );
  });
  test('unknown filters and bad values: a clear message, not an empty list', () => {
    const cases: [string, RegExp][] = [
      ['foo:bar', /Unknown filter “foo:”/],
      ['org:xyz', /No organization or Member State in the summary matches “xyz”/],
      ['session:9', /There is no session “9”/],
      ['date:2021-10-25', /No session was held on 2021-10-25/],
      ['date:20/10/2021', /is not a date: write it as date:2021-10-20/],
      ['para:40', /no paragraph 40/],
      ['para:15-13', /runs backwards/],
    ];
    for (const [q, re] of cases) {
      const r = engine.search(q);
      assert.match(r.error ?? '', re, q);
      assert.deepEqual(r.hits, []);
    }
  });
});

describe('search: bad input never throws', () => {
  test('empty query', () => {
    const r = engine.search('');
    assert.deepEqual(r.hits, []);
    assert.match(r.message!, /Type words to search/);
    assert.match(engine.search('   ').message!, /Type words/);
  });
  test('only filters', () => {
    const r = engine.search('org:oas');
    assert.deepEqual(
      r.hits.map((h) => h.number),
      [7, 12],
    );
  });
  test('only stop words', () => assert.match(engine.search('the of and').message!, /too common/));
  test('10,000-character query', () => {
    const long = 'confiscated proceeds '.repeat(500).slice(0, 10000);
    const r = engine.search(long);
    assert.ok(r.hits.length > 0);
    assert.match(r.message!, /only its first 32 words/);
    const junk = engine.search('x'.repeat(10000));
    assert.deepEqual(junk.hits, []);
    const related = engine.search('word '.repeat(2000), { mode: 'related' });
    assert.ok(Array.isArray(related.hits));
  });
  test('unbalanced quotes', () => {
    const r = engine.search('"dark web');
    assert.ok(r.hits.length > 0);
    assert.match(r.message!, /quotation mark was not closed/);
    assert.doesNotThrow(() => engine.search('"'));
    assert.doesNotThrow(() => engine.search('""'));
    assert.doesNotThrow(() => engine.search('org:"'));
  });
  test('punctuation and symbols only', () => {
    for (const q of ['!!!', '—', '¶', '()', '*', '\\', '/[/', '::']) assert.doesNotThrow(() => engine.search(q), q);
  });
  test('query parser keeps filters, phrases and words apart', () => {
    const q = parseQuery('asset "dark web" org:interpol para:3-5 recovery');
    assert.deepEqual(q.words, ['asset', 'recovery']);
    assert.deepEqual(q.phrases, ['dark web']);
    assert.deepEqual(q.filters, [
      { key: 'org', value: 'interpol' },
      { key: 'para', value: '3-5' },
    ]);
  });
});

describe('search: related paragraphs, prebuilt index, incremental documents', () => {
  test('find related', () => {
    const r = engine.search(
      'Less than 1 per cent of criminal proceeds is confiscated, so parallel financial investigations matter.',
      { mode: 'related', limit: 5 },
    );
    assert.equal(r.hits[0].number, 24);
    assert.ok(r.hits.map((h) => h.number).includes(25));
  });

  test('the summary parsed at build time is the summary parsed now, from the same data', () => {
    assert.deepEqual(loadShippedSummary().doc, summary.doc);
    assert.deepEqual(loadShipped().bodies(), BODIES_JSON, 'the other bodies, packed with it');
    assert.deepEqual(loadShipped().lexicon(), LEXICON, 'the lexicon, packed with it');
    assert.deepEqual(loadShipped().summary.directory, summary.directory, 'the organizations, packed with it');
    assert.equal(SHIPPED_FINGERPRINT, dataFingerprint());
  });

  test('the shipped engine answers like one built here, and a serialised index loads and answers the same', () => {
    const shipped = loadShippedSearch(summary);
    for (const q of ['cryptocurrency', '"dark web"', 'org:interpol', 'confiscating']) {
      assert.deepEqual(shipped.search(q).hits, engine.search(q).hits, q);
    }
    const again = SearchEngine.load(summary, engine.toJSON());
    assert.deepEqual(again.search('blockchain').hits, engine.search('blockchain').hits);
  });

  test('documents are added and removed one at a time', () => {
    const e = SearchEngine.build(summary);
    e.upsert({
      id: 'n:1',
      kind: 'note',
      number: 24,
      text: 'Our minister’s line on asset recovery: quote this in plenary',
      tags: 'quote follow-up',
    });
    assert.equal(e.documentCount, 38);
    const hit = e.search('minister').hits[0];
    assert.deepEqual([hit.kind, hit.number], ['note', 24]);
    assert.deepEqual(
      e.search('note:').hits.map((h) => h.id),
      ['n:1'],
    );
    assert.deepEqual(
      e.search('tag:quote').hits.map((h) => h.id),
      ['n:1'],
    );
    assert.deepEqual(
      e.search('tag:#follow-up minister').hits.map((h) => h.id),
      ['n:1'],
    );
    e.upsert({ id: 'n:1', kind: 'note', number: 24, text: 'Changed: plenary statement', tags: '' });
    assert.equal(e.documentCount, 38);
    const notes = (q: string) =>
      e
        .search(q)
        .hits.filter((h) => h.kind === 'note')
        .map((h) => h.id);
    assert.deepEqual(notes('minister'), []);
    assert.deepEqual(notes('plenary'), ['n:1']);
    e.remove('n:1');
    assert.equal(e.documentCount, 37);
    assert.deepEqual(notes('plenary'), []);
    assert.deepEqual(e.search('plenary').hits, []);
  });
});

describe('search: loaded on first use', () => {
  test('nothing is loaded until a search; notes added or removed before then are in the loaded index', () => {
    let loads = 0;
    const lazy = new LazySearchEngine(() => {
      loads++;
      return SearchEngine.build(summary);
    });
    lazy.upsert({ id: 'n:1', kind: 'note', number: 24, text: 'zanzibar first version', tags: '' });
    lazy.upsert({ id: 'n:2', kind: 'note', number: 27, text: 'zanzibar second note', tags: '' });
    lazy.upsert({ id: 'n:1', kind: 'note', number: 24, text: 'quixotic revised version', tags: '' });
    lazy.remove('n:2');
    assert.equal(loads, 0);
    assert.equal(lazy.isLoaded, false);
    assert.deepEqual(lazy.search('note:zanzibar').hits, []);
    assert.equal(loads, 1);
    assert.deepEqual(
      lazy.search('note:quixotic').hits.map((h) => h.number),
      [24],
    );
    lazy.upsert({ id: 'n:3', kind: 'note', number: 9, text: 'zanzibar after loading', tags: '' });
    assert.deepEqual(
      lazy.search('note:zanzibar').hits.map((h) => h.number),
      [9],
    );
    assert.equal(loads, 1, 'loaded once');
  });
});
