import type MiniSearch from 'minisearch';

/**
 * Top-k ranking over a MiniSearch index.
 *
 * MiniSearch's `search()` scores every matching document, builds a result object for each (with its
 * matched terms and fields) and sorts them all; for a broad query in a large corpus that is most of
 * the time of a search, while a drafter sees twenty results. This ranks with the same BM25+ scores,
 * term expansion (prefix, fuzzy) and AND/OR semantics, reading the index MiniSearch keeps (through the
 * members it declares `protected`, i.e. for subclasses), accumulating scores in typed arrays and keeping
 * only the best `k`. MiniSearch still tokenises, indexes, adds and removes documents, finds the index terms
 * a prefix or a typo stands for (its radix tree) and serialises the index. `test/unit/topk.test.ts` checks, query by query, that the ranking and scores
 * equal `MiniSearch.search`'s.
 */

/** Per field id, per document short id, how often the term occurs. */
type FieldTermData = Map<number, Map<number, number>>;

/** What this reads of a MiniSearch instance: its `protected` members (MiniSearch 7). */
interface Internals {
  _index: {
    get(term: string): FieldTermData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
  };
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _options: {
    tokenize: (text: string) => string[];
    processTerm: (term: string) => string | string[] | null | undefined | false;
    searchOptions: {
      tokenize?: Internals['_options']['tokenize'];
      processTerm?: Internals['_options']['processTerm'];
      maxFuzzy?: number;
      weights?: { fuzzy?: number; prefix?: number };
      bm25?: { k: number; b: number; d: number };
      boostDocument?: unknown;
      boostTerm?: unknown;
      filter?: unknown;
    };
  };
}

export interface RankOptions {
  /** Fields to search, and their weights (1 when missing). */
  fields: readonly string[];
  boost?: Readonly<Record<string, number>>;
  combineWith: 'AND' | 'OR';
  /** As MiniSearch's options of the same names: called with each processed query term, its index, and all of them. */
  prefix?: (term: string, i: number, all: string[]) => boolean;
  fuzzy?: (term: string, i: number, all: string[]) => number | false;
  maxFuzzy?: number;
}

export interface RankedHit {
  id: string;
  /** MiniSearch's score: the BM25+ sum times the number of query terms matched. */
  score: number;
  /** The index terms that matched (after prefix and fuzzy expansion), for highlighting. */
  terms: string[];
}

export interface Ranking {
  hits: RankedHit[];
  /** How many documents matched (and were accepted), of which `hits` are the best. */
  total: number;
}

// MiniSearch's defaults (its `defaultSearchOptions`), for options the index does not set.
const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const DEFAULT_MAX_FUZZY = 6;

/** One index term a query term expands to, with its weight (1 for the term itself). */
interface Expansion {
  term: string;
  weight: number;
  data: FieldTermData;
}

interface QueryTerm {
  term: string;
  expansions: Expansion[];
  /** Postings over the searched fields: AND handles the rarest term first. */
  postings: number;
}

export class TopK {
  private scores = new Float64Array(0);
  /** Per document: the query (stamp) that last touched it, how many distinct query terms it matched, and the last one. */
  private stamp = new Int32Array(0);
  private matched = new Int32Array(0);
  private lastTerm = new Int32Array(0);
  private touched = new Int32Array(0);
  private epoch = 0;

  /** The index's own query processing and scoring parameters (its search options over its options, as in MiniSearch). */
  private readonly tokenize: (text: string) => string[];
  private readonly processTerm: Internals['_options']['processTerm'];
  private readonly bm25: { k: number; b: number; d: number };
  private readonly weights: { fuzzy: number; prefix: number };
  private readonly maxFuzzy: number;

  private constructor(private readonly ms: Internals) {
    const { tokenize, processTerm, searchOptions } = ms._options;
    this.tokenize = searchOptions.tokenize ?? tokenize;
    this.processTerm = searchOptions.processTerm ?? processTerm;
    this.bm25 = searchOptions.bm25 ?? DEFAULT_BM25;
    this.weights = { ...DEFAULT_WEIGHTS, ...searchOptions.weights };
    this.maxFuzzy = searchOptions.maxFuzzy ?? DEFAULT_MAX_FUZZY;
  }

  /**
   * A ranker over `index`, or undefined when the index does not look like MiniSearch 7's inside, or sets
   * search options this does not implement (document and term boosts, a filter): then use `index.search`.
   */
  static over<T>(index: MiniSearch<T>): TopK | undefined {
    const ms = index as unknown as Partial<Internals>;
    const ok =
      ms._index !== undefined &&
      typeof ms._index.get === 'function' &&
      typeof ms._index.atPrefix === 'function' &&
      typeof ms._index.fuzzyGet === 'function' &&
      ms._documentIds instanceof Map &&
      ms._fieldLength instanceof Map &&
      Array.isArray(ms._avgFieldLength) &&
      typeof ms._fieldIds === 'object' &&
      typeof ms._documentCount === 'number' &&
      typeof ms._nextId === 'number' &&
      typeof ms._dirtCount === 'number' &&
      typeof ms._options?.tokenize === 'function' &&
      typeof ms._options.processTerm === 'function' &&
      typeof ms._options.searchOptions === 'object' &&
      !ms._options.searchOptions.boostDocument &&
      !ms._options.searchOptions.boostTerm &&
      !ms._options.searchOptions.filter;
    return ok ? new TopK(ms as Internals) : undefined;
  }

  /** The best `k` documents for `query` (tokenised and processed as MiniSearch does), best first; ties in document order. */
  search(query: string, options: RankOptions, k: number, accept?: (id: string) => boolean): Ranking {
    const processed = this.tokenize(query)
      .flatMap((t) => this.processTerm(t) || [])
      .filter((t): t is string => !!t);
    if (processed.length === 0) return { hits: [], total: 0 };
    const fields: [fieldId: number, boost: number][] = [];
    for (const f of options.fields) {
      const id = this.ms._fieldIds[f];
      if (id !== undefined) fields.push([id, options.boost?.[f] || 1]);
    }

    // The distinct query terms, each with every spec of it (a term typed twice counts twice, as in MiniSearch).
    const distinct = new Map<string, QueryTerm[]>();
    processed.forEach((term, i) => {
      const q = this.expand(term, i, processed, options, fields);
      const list = distinct.get(term);
      if (list) list.push(q);
      else distinct.set(term, [q]);
    });
    const groups = [...distinct.values()];
    const and = options.combineWith === 'AND';
    if (and) groups.sort((a, b) => a[0].postings - b[0].postings);

    this.prepare();
    if (this.epoch === 0x7fffffff) {
      this.epoch = 0;
      this.stamp.fill(0);
    }
    const epoch = ++this.epoch;
    const { scores, stamp, matched, lastTerm } = this;
    let touched = 0;
    const docIds = this.ms._documentIds;
    const dirty = this.ms._dirtCount > 0;
    const n = this.ms._documentCount;
    const { k: K, b: B, d: D } = this.bm25;
    groups.forEach((specs, t) => {
      for (const spec of specs) {
        for (const { weight, data } of spec.expansions) {
          for (const [fieldId, boost] of fields) {
            const postings = data.get(fieldId);
            if (!postings) continue;
            let matching = postings.size;
            let idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
            const avg = this.ms._avgFieldLength[fieldId];
            const w = weight * boost;
            postings.forEach((tf, doc) => {
              if (dirty && !docIds.has(doc)) {
                // Discarded, not yet vacuumed: MiniSearch counts it out of the term's frequency from here on
                // (its search also deletes the entry; here the vacuum does, so searching never writes).
                matching -= 1;
                idf = Math.log(1 + (n - matching + 0.5) / (matching + 0.5));
                return;
              }
              if (stamp[doc] !== epoch) {
                if (and && t > 0) return; // missed an earlier (rarer) term
                stamp[doc] = epoch;
                scores[doc] = 0;
                matched[doc] = 0;
                lastTerm[doc] = -1;
                this.touched[touched++] = doc;
              } else if (and && matched[doc] < t) return;
              const lengths = this.ms._fieldLength.get(doc);
              if (lengths === undefined) return; // discarded although MiniSearch counts no discarded entries: skip it all the same
              const len = lengths[fieldId];
              scores[doc] += w * idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avg)));
              if (lastTerm[doc] !== t) {
                lastTerm[doc] = t;
                matched[doc] += 1;
              }
            });
          }
        }
      }
    });

    // The documents that qualify, and the best k of them (a min-heap on score, then on document order).
    const need = and ? groups.length : 1;
    const heap: number[] = [];
    const worse = (a: number, b: number) =>
      scores[a] * matched[a] < scores[b] * matched[b] || (scores[a] * matched[a] === scores[b] * matched[b] && a > b);
    let total = 0;
    for (let i = 0; i < touched; i++) {
      const doc = this.touched[i];
      if (matched[doc] < need) continue;
      if (accept && !accept(docIds.get(doc) as string)) continue;
      total++;
      if (heap.length < k) {
        heap.push(doc);
        siftUp(heap, heap.length - 1, worse);
      } else if (worse(heap[0], doc)) {
        heap[0] = doc;
        siftDown(heap, 0, worse);
      }
    }
    heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
    const specs = groups.flat();
    const hits = heap.map((doc) => ({
      id: docIds.get(doc) as string,
      score: scores[doc] * matched[doc],
      terms: this.termsIn(doc, specs, fields),
    }));
    return { hits, total };
  }

  /** A query term's expansions, as MiniSearch's `executeQuerySpec` makes them: exact, then by prefix, then fuzzy. */
  private expand(term: string, i: number, all: string[], options: RankOptions, fields: [number, number][]): QueryTerm {
    const expansions: Expansion[] = [];
    const exact = this.ms._index.get(term);
    if (exact) expansions.push({ term, weight: 1, data: exact });
    let fuzzyMatches: Map<string, [FieldTermData, number]> | undefined;
    const fuzzy = options.fuzzy?.(term, i, all);
    if (fuzzy) {
      const maxDistance = fuzzy < 1 ? Math.min(options.maxFuzzy ?? this.maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) fuzzyMatches = this.ms._index.fuzzyGet(term, maxDistance);
    }
    if (options.prefix?.(term, i, all)) {
      for (const [longer, data] of this.ms._index.atPrefix(term)) {
        const distance = longer.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(longer);
        expansions.push({ term: longer, weight: (this.weights.prefix * longer.length) / (longer.length + 0.3 * distance), data });
      }
    }
    if (fuzzyMatches) {
      for (const [near, [data, distance]] of fuzzyMatches) {
        if (!distance) continue;
        expansions.push({ term: near, weight: (this.weights.fuzzy * near.length) / (near.length + distance), data });
      }
    }
    let postings = 0;
    for (const e of expansions) for (const [fieldId] of fields) postings += e.data.get(fieldId)?.size ?? 0;
    return { term, expansions, postings };
  }

  /** The index terms of `doc` that the query matched, in query order (what MiniSearch returns as `terms`). */
  private termsIn(doc: number, specs: QueryTerm[], fields: [number, number][]): string[] {
    const terms: string[] = [];
    for (const spec of specs) {
      for (const e of spec.expansions) {
        if (!terms.includes(e.term) && fields.some(([fieldId]) => e.data.get(fieldId)?.has(doc))) terms.push(e.term);
      }
    }
    return terms;
  }

  /** Scratch arrays as large as the index's short ids (they only grow). */
  private prepare(): void {
    const size = this.ms._nextId;
    if (this.scores.length >= size) return;
    const capacity = Math.max(size, Math.ceil(this.scores.length * 1.5), 64);
    this.scores = new Float64Array(capacity);
    this.stamp = new Int32Array(capacity);
    this.matched = new Int32Array(capacity);
    this.lastTerm = new Int32Array(capacity);
    this.touched = new Int32Array(capacity);
  }
}

function siftUp(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!worse(heap[i], heap[parent])) return;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

function siftDown(heap: number[], i: number, worse: (a: number, b: number) => boolean): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let least = i;
    if (l < heap.length && worse(heap[l], heap[least])) least = l;
    if (r < heap.length && worse(heap[r], heap[least])) least = r;
    if (least === i) return;
    [heap[i], heap[least]] = [heap[least], heap[i]];
    i = least;
  }
}
