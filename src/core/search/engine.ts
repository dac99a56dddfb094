import MiniSearch, { type Options } from 'minisearch';
import * as l10n from '@vscode/l10n';
import { parseParagraphList } from '../summary/numbers';
import { longDate, type Summary } from '../summary/summary';
import { type Filter, isEmptyQuery, MAX_QUERY_WORDS, MAX_RELATED_WORDS, parseQuery, type ParsedQuery } from './query';
import { makeSnippet, type Snippet, type Word, wordsOf } from './snippet';
import { normalizeForPhrase, processTerm, tokenize, tokens } from './terms';
import { type RankedHit, type RankOptions, type Ranking, TopK } from './topk';

/** One indexed document: a paragraph of the summary, or a user's note on a paragraph. */
export interface SearchDoc {
  id: string;
  kind: 'paragraph' | 'note';
  /** The paragraph the document is, or is about. */
  number: number;
  text: string;
  keyPhrases?: string;
  names?: string;
  session?: string;
  challenge?: string;
  tags?: string;
}

/**
 * The one options constant shared by the build-time index (toJSON) and the start-up load (loadJSON):
 * MiniSearch needs the same fields and term processing on both sides.
 */
export const SEARCH_OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['text', 'keyPhrases', 'names', 'session', 'challenge', 'tags'],
  storeFields: ['kind', 'number'],
  tokenize,
  processTerm,
  autoVacuum: { minDirtCount: 20, minDirtFactor: 0.1, batchSize: 1000, batchWait: 10 },
};

/** Changing how documents are indexed must change this, so stale prebuilt indexes are rebuilt. */
export const INDEX_SCHEMA = 'cnd-search-1';

/**
 * The bounds of a search, whatever is typed (the extension host is single-threaded: one search must not
 * block it). Fuzzy matching (typos) compares a word with the index's terms through a Levenshtein matrix of
 * (length + 1)² cells, so it is tried only on words of at most MAX_FUZZY_TERM_LENGTH letters: a 40,000-letter
 * word took 3.6 s and 1.6 GB, and from 65,536 letters the matrix could not be made at all (RangeError). The
 * summary's longest term has 17 letters; a longer word is still found exactly or, typed last, by prefix.
 */
export const MAX_FUZZY_TERM_LENGTH = 32;

/**
 * A query is read up to this many characters; of what is read, at most MAX_QUERY_WORDS words (words of
 * phrases included) are looked up in the index, and MAX_QUERY_PHRASES phrases matched (query.ts).
 */
export const MAX_QUERY_CHARS = 10_000;

/** Typos allowed in a query term: 2 from 5 letters (20 % of the length), 1 at 4, none below or past MAX_FUZZY_TERM_LENGTH. */
function typosAllowed(term: string): number | false {
  if (term.length > MAX_FUZZY_TERM_LENGTH) return false;
  return term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : false;
}

/** In the OR fallback (some of the words), typos only from 5 letters. */
function typosAllowedInAny(term: string): number | false {
  return term.length >= 5 ? typosAllowed(term) : false;
}

export const BOOST = { keyPhrases: 3, names: 2, text: 1, tags: 2, session: 0.5, challenge: 0.3 };
export const PRIMARY_FIELDS = ['text', 'keyPhrases', 'names', 'tags'];
const ALL_FIELDS = [...PRIMARY_FIELDS, 'session', 'challenge'];

export interface SearchHit {
  id: string;
  kind: 'paragraph' | 'note';
  number: number;
  score: number;
  snippet: Snippet;
}

export interface SearchResponse {
  hits: SearchHit[];
  /** Shown instead of results (empty query) or above them (fallbacks, corrections). */
  message?: string;
  /** A problem with the query (unknown filter, bad value): nothing was searched. */
  error?: string;
}

export interface SearchRequest {
  limit?: number;
  /** 'query': what the user typed (AND, prefix, fuzzy, filters). 'related': a passage of a draft (OR, no filters). */
  mode?: 'query' | 'related';
}

/** FNV-1a over the inputs of the index: a prebuilt index is used only when its fingerprint matches. */
export function fingerprint(...parts: string[]): string {
  let h = 0x811c9dc5;
  for (const part of [INDEX_SCHEMA, ...parts]) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function paragraphDocs(summary: Summary): SearchDoc[] {
  return summary.doc.paragraphs.map((p) => {
    const s = summary.session(p);
    const names = summary.entitiesIn(p).flatMap((id) => {
      const e = summary.entity(id);
      if (!e) return [];
      return e.type === 'organization' ? [e.org.acronym ?? '', e.org.name, ...e.org.aliases] : [e.state.name, ...e.state.aliases];
    });
    return {
      id: `p${p.number}`,
      kind: 'paragraph' as const,
      number: p.number,
      text: p.text,
      keyPhrases: p.keyPhrases.map((k) => k.text).join(' · '),
      names: [...new Set(names.filter(Boolean))].join(' · '),
      session: s ? `${s.title} ${longDate(s.date)} ${s.date}` : '',
      challenge: summary.challengeText(p) ?? '',
    };
  });
}

/**
 * Search over the summary's paragraphs (and, added one at a time, notes and other documents), on
 * MiniSearch: key phrases weigh more than body text, prefix and fuzzy matching, a light stemmer,
 * quoted phrases, and filters. Adding or removing a document touches only that document.
 */
export class SearchEngine {
  /** Per document: its text, and `flat`, the same text with every whitespace character a space (snippets show it; kept so that no search copies it again). */
  private readonly texts = new Map<
    string,
    { number: number; kind: SearchDoc['kind']; text: string; flat: string; phrase?: string; words?: Word[]; tags: string[] }
  >();

  /** Keeps only the best results of a search (MiniSearch's own `search` scores and sorts every match). */
  private readonly ranker: TopK | undefined;

  private constructor(
    private readonly summary: Summary,
    private readonly index: MiniSearch<SearchDoc>,
    docs: SearchDoc[],
    topK = true,
  ) {
    for (const d of docs) this.remember(d);
    this.ranker = topK ? TopK.over(index) : undefined;
  }

  /** Whether searches take the top-k path (false only if MiniSearch's inside changed: then `index.search` is used). */
  get ranksTopK(): boolean {
    return this.ranker !== undefined;
  }

  /** Indexes the summary from scratch. `topK: false` ranks with MiniSearch's own search (the fallback; for tests). */
  static build(summary: Summary, extra: SearchDoc[] = [], options: { topK?: boolean } = {}): SearchEngine {
    const docs = [...paragraphDocs(summary), ...extra];
    const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
    index.addAll(docs);
    return new SearchEngine(summary, index, docs, options.topK ?? true);
  }

  /** Loads an index serialised by `toJSON` (built at build time). */
  static load(summary: Summary, json: string): SearchEngine {
    const index = MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
    const docs = paragraphDocs(summary);
    if (index.documentCount !== docs.length || docs.some((d) => !index.has(d.id))) {
      throw new Error(
        `search index: the prebuilt index holds ${index.documentCount} documents, the summary ${docs.length}; rebuild it`,
      );
    }
    return new SearchEngine(summary, index, docs);
  }

  toJSON(): string {
    return JSON.stringify(this.index);
  }

  get documentCount(): number {
    return this.index.documentCount;
  }

  private remember(d: SearchDoc): void {
    this.texts.set(d.id, {
      number: d.number,
      kind: d.kind,
      text: d.text,
      flat: /[\n\r\t\v\f]/.test(d.text) ? d.text.replace(/\s/g, ' ') : d.text,
      tags: d.tags ? d.tags.split(/\s+/).filter(Boolean) : [],
    });
  }

  /** Adds or replaces one document (a note, say) without touching the others. */
  upsert(doc: SearchDoc): void {
    if (this.index.has(doc.id)) this.index.discard(doc.id);
    this.index.add(doc);
    this.remember(doc);
  }

  remove(id: string): void {
    if (!this.index.has(id)) return;
    this.index.discard(id);
    this.texts.delete(id);
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  search(input: string, request: SearchRequest = {}): SearchResponse {
    const limit = Math.max(1, Math.min(request.limit ?? 20, 1000));
    if (request.mode === 'related') return this.related(input, limit);
    const q = parseQuery(input.length > MAX_QUERY_CHARS ? input.slice(0, MAX_QUERY_CHARS) : input);
    if (q.errors.length > 0) return { hits: [], error: q.errors[0] };
    const scope = this.resolveFilters(q.filters);
    if ('error' in scope) return { hits: [], error: scope.error };
    const notices = [...q.warnings];
    if (input.length > MAX_QUERY_CHARS)
      notices.push(l10n.t('The query is long: only its first {0} characters were read.', MAX_QUERY_CHARS));

    if (isEmptyQuery(q)) {
      if (q.filters.length === 0) {
        return {
          hits: [],
          message: l10n.t(
            'Type words to search the summary, "a phrase", or filters: org:interpol, session:2, date:2021-10-20, para:30-35.',
          ),
        };
      }
      // Only filters: every matching document, in document order.
      const hits: SearchHit[] = [];
      for (const [id, t] of this.texts) {
        if (!scope.accept(id, t.number, t.kind)) continue;
        hits.push({ id, kind: t.kind, number: t.number, score: 0, snippet: makeSnippet(t.flat, [], []) });
      }
      hits.sort((a, b) => a.number - b.number || (a.kind === b.kind ? 0 : a.kind === 'paragraph' ? -1 : 1));
      return this.respond(hits.slice(0, limit), hits.length, notices);
    }

    const phraseNorms = q.phrases.map(normalizeForPhrase);
    // The words, then the words of the phrases, at most MAX_QUERY_WORDS of them in all: each is looked up
    // (and expanded by prefix or typos) in the index. A phrase is still matched whole, by the filter below.
    const terms = [...q.words, ...q.phrases.flatMap((p) => tokenize(p))];
    if (terms.length > MAX_QUERY_WORDS) {
      terms.length = MAX_QUERY_WORDS;
      if (q.phrases.length > 0)
        notices.push(l10n.t('Only the first {0} words of the query and its phrases were looked up.', MAX_QUERY_WORDS));
    }
    const usable = terms.map((t) => processTerm(t)).filter((t): t is string => !!t);
    if (usable.length === 0) {
      return { hits: [], message: l10n.t('Those words are too common to search for; add a more specific word.') };
    }
    const needsFilter = !scope.all || phraseNorms.length > 0;
    const accept = (id: string) => {
      const t = this.texts.get(id);
      if (!t || !scope.accept(id, t.number, t.kind)) return false;
      if (phraseNorms.length === 0) return true;
      const norm = (t.phrase ??= normalizeForPhrase(t.text));
      return phraseNorms.every((p) => norm.includes(p));
    };
    // The words of the paragraph, its key phrases, the names it mentions and a note's tags; the
    // session and challenge titles (shared by many paragraphs) only when those find nothing.
    const base: RankOptions = {
      fields: PRIMARY_FIELDS,
      boost: BOOST,
      // Search as you type: only the last word may be unfinished.
      prefix: (term, i, all) => i === all.length - 1 && term.length >= 3,
      combineWith: 'AND',
    };
    const query = terms.join(' ');
    const filter = needsFilter ? accept : undefined;
    let ranking = this.rank(query, base, limit, filter);
    if (ranking.total === 0) ranking = this.rank(query, { ...base, fields: ALL_FIELDS }, limit, filter);
    if (ranking.total === 0) {
      // Nothing exact or by prefix: allow typos.
      ranking = this.rank(query, { ...base, fields: ALL_FIELDS, fuzzy: typosAllowed, maxFuzzy: 2 }, limit, filter);
    }
    if (ranking.total === 0 && usable.length > 1 && phraseNorms.length === 0) {
      ranking = this.rank(
        query,
        { ...base, fields: ALL_FIELDS, combineWith: 'OR', fuzzy: typosAllowedInAny, maxFuzzy: 2 },
        limit,
        filter,
      );
      if (ranking.total > 0) notices.push(l10n.t('No paragraph has all of those words; showing paragraphs with some of them.'));
    }
    const hits = ranking.hits.map((r) => this.hit(r, q));
    return this.respond(hits, ranking.total, notices);
  }

  /** The best `limit` documents and how many matched: top-k ranking, or MiniSearch's full search when that is not available. */
  private rank(query: string, options: RankOptions, limit: number, accept?: (id: string) => boolean): Ranking {
    if (this.ranker) return this.ranker.search(query, options, limit, accept);
    const results = this.index.search(query, {
      ...options,
      fields: [...options.fields],
      ...(accept ? { filter: (r) => accept(r.id as string) } : {}),
    });
    return {
      hits: results.slice(0, limit).map((r) => ({ id: r.id as string, score: r.score, terms: r.terms })),
      total: results.length,
    };
  }

  /** "Which paragraphs support this sentence?": the passage's words, any of them, best first. */
  private related(passage: string, limit: number): SearchResponse {
    // The first MAX_RELATED_WORDS distinct words, and whether there are more: the passage is read only as far
    // as it takes to know (a selection may be a whole draft).
    const distinct = new Set<string>();
    for (const token of tokens(passage)) {
      const term = processTerm(token);
      if (term) distinct.add(term);
      if (distinct.size > MAX_RELATED_WORDS) break;
    }
    const words = [...distinct];
    if (words.length === 0)
      return { hits: [], message: l10n.t('Select a sentence of your draft to find the paragraphs that support it.') };
    const used = words.slice(0, MAX_RELATED_WORDS);
    const ranking = this.rank(
      used.join(' '),
      { fields: ALL_FIELDS, boost: BOOST, combineWith: 'OR' },
      limit,
      (id) => this.texts.get(id)?.kind === 'paragraph',
    );
    const q: ParsedQuery = { words: used, phrases: [], filters: [], errors: [], warnings: [] };
    const hits = ranking.hits.map((r) => this.hit(r, q));
    return this.respond(
      hits,
      ranking.total,
      words.length > used.length
        ? [l10n.t('Only the first {0} distinct words of the selection were used.', MAX_RELATED_WORDS)]
        : [],
    );
  }

  private hit(r: RankedHit, q: ParsedQuery): SearchHit {
    const t = this.texts.get(r.id)!;
    return {
      id: r.id,
      kind: t.kind,
      number: t.number,
      score: Math.round(r.score * 1000) / 1000,
      snippet: makeSnippet(t.flat, r.terms, q.phrases, undefined, (t.words ??= wordsOf(t.flat))),
    };
  }

  private respond(hits: SearchHit[], total: number, notices: string[]): SearchResponse {
    const message = notices.length
      ? notices.join(' ')
      : hits.length === 0
        ? l10n.t('No paragraph matches.')
        : total > hits.length
          ? l10n.t('{0} matches; showing the best {1}.', total, hits.length)
          : undefined;
    return { hits, ...(message ? { message } : {}) };
  }

  private resolveFilters(
    filters: Filter[],
  ): { all: boolean; accept: (id: string, n: number, kind: SearchDoc['kind']) => boolean } | { error: string } {
    const byKey = new Map<string, Filter[]>();
    for (const f of filters) {
      const list = byKey.get(f.key);
      if (list) list.push(f);
      else byKey.set(f.key, [f]);
    }
    const sets: Set<number>[] = [];
    let notesOnly = false;
    let noteWords: string[] = [];
    let tags: string[] = [];
    for (const [key, list] of byKey) {
      const union = new Set<number>();
      for (const f of list) {
        const r = this.resolveOne(f);
        if ('error' in r) return r;
        if (r.numbers) for (const n of r.numbers) union.add(n);
      }
      if (key === 'note') {
        notesOnly = true;
        noteWords = list.map((f) => f.value.toLowerCase()).filter(Boolean);
      } else if (key === 'tag') {
        notesOnly = true;
        tags = list.map((f) => f.value.replace(/^#/, '').toLowerCase());
      } else sets.push(union);
    }
    return {
      all: filters.length === 0,
      accept: (id, n, kind) => {
        if (!sets.every((s) => s.has(n))) return false;
        if (!notesOnly) return true;
        if (kind !== 'note') return false;
        const t = this.texts.get(id);
        if (!t) return false;
        if (tags.length && !tags.some((tag) => t.tags.includes(tag))) return false;
        if (noteWords.length && !noteWords.every((w) => t.text.toLowerCase().includes(w))) return false;
        return true;
      },
    };
  }

  private resolveOne(f: Filter): { numbers?: number[] } | { error: string } {
    const { summary } = this;
    const v = f.value.toLowerCase();
    switch (f.key) {
      case 'org': {
        if (!v) return { error: 'org: needs a name or acronym, e.g. org:interpol or org:"vienna ngo".' };
        const ids = [
          ...summary.directory.organizations
            .filter(
              (o) =>
                o.id === v || o.acronym?.toLowerCase() === v || [o.name, ...o.aliases].some((a) => a.toLowerCase().includes(v)),
            )
            .map((o) => o.id),
          ...summary.directory.states
            .filter((s) => s.id === v || [s.name, ...s.aliases].some((a) => a.toLowerCase().includes(v)))
            .map((s) => s.id),
        ];
        if (ids.length === 0)
          return {
            error: l10n.t(
              'No organization or Member State in the summary matches “{0}”. Try org:unodc, org:interpol or org:mexico.',
              f.value,
            ),
          };
        return { numbers: ids.flatMap((id) => summary.paragraphsMentioning(id)) };
      }
      case 'session': {
        const s = summary.doc.sessions.find(
          (x) => x.letter === v || String(x.ordinal) === v || (v === 'opening' && x.kind === 'opening'),
        );
        if (!s)
          return {
            error: l10n.t(
              'There is no session “{0}”: use session:opening or session:1 to session:3 (or the letters a–d).',
              f.value,
            ),
          };
        return { numbers: s.paragraphs };
      }
      case 'date': {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v))
          return { error: l10n.t('“{0}” is not a date: write it as date:2021-10-20.', f.value) };
        const sessions = summary.doc.sessions.filter((s) => s.date === v);
        if (sessions.length === 0) {
          const dates = [...new Set(summary.doc.sessions.map((s) => s.date))];
          return {
            error: l10n.t(
              'No session was held on {0}: the sessions were on {1} and {2}.',
              f.value,
              dates.slice(0, -1).join(', '),
              dates[dates.length - 1],
            ),
          };
        }
        return { numbers: sessions.flatMap((s) => s.paragraphs) };
      }
      case 'para': {
        const r = parseParagraphList(v, summary.count);
        return r.ok ? { numbers: r.value } : { error: `para: ${r.error}` };
      }
      case 'note':
      case 'tag':
        if (f.key === 'tag' && !v) return { error: l10n.t('tag: needs a tag, e.g. tag:follow-up.') };
        return {};
    }
  }
}
