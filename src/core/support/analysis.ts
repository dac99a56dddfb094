/**
 * Reads a sentence (or a paragraph of the summary) the way the support model compares them: its words
 * (stemmed), pairs of neighbouring words, the concepts of the lexicon they name, the organizations and
 * States it names (and whether it attributes a point to them), its figures and the session it speaks of.
 *
 * Speed matters: the checks read every sentence of a draft that may be a megabyte long. Words are found by a
 * hand-written scan (ASCII at full speed, other scripts by a table of their character classes, see chars.ts); each distinct word is
 * stemmed once and given a number; features are numbers too. Every step is one left-to-right pass: linear.
 */
import { isLetterNumberOrMarkCode } from '../chars';
import type { Directory } from '../summary/directory';
import { processTerm } from '../search/terms';
import { type Figure, findFigures } from './figures';
import { FRAME_PATTERNS, type Lexicon } from './lexicon';

export interface Word {
  start: number;
  end: number;
  /** Vocabulary id of its stem, or -1 (a stop word, or a word the model does not know). */
  id: number;
}

/** The kinds of feature, in the order of their ids' meaning. */
export type FeatureKind = 'word' | 'pair' | 'concept' | 'body' | 'figure' | 'session';

/** A feature found in a text: how much it says, how often, and where first (for "matched: …"). */
export interface FeatureHit {
  weight: number;
  count: number;
  start: number;
  end: number;
}

/** A body named in the text. */
export interface NamedBody {
  /** Directory id, or `other:<name>` for a body the summary does not name. */
  id: string;
  name: string;
  start: number;
  end: number;
  /** The text says the body made the point ("INCB stressed", "according to Europol", "the representative of Mexico"). */
  attributed: boolean;
}

/**
 * What a text says, for the model: its features (ids the vocabulary knows, with weight, count and where
 * first found), the bodies it names, its figures and the sessions it names. Features a vocabulary does not
 * know are left out: no paragraph has them, so they cannot tell paragraphs apart.
 */
export interface Analysis {
  /** The text read (offsets below are into it). */
  text: string;
  /** Number of distinct features; the arrays below hold them at 0 … size - 1. */
  size: number;
  ids: number[];
  weights: number[];
  counts: number[];
  starts: number[];
  ends: number[];
  bodies: NamedBody[];
  figures: Figure[];
  /** Sessions the text names by date or by order (indexes into `SummaryDocument.sessions`). */
  sessions: number[];
  /** Words of substance that the model does not know (the summary never uses them): what the text says beyond the summary. */
  unknown: number;
}

/** Whether an analysis has a feature. */
export function hasFeature(a: Analysis, id: number): boolean {
  for (let i = 0; i < a.size; i++) if (a.ids[i] === id) return true;
  return false;
}

/** Bodies a drafter may name besides those of the summary's directory (`data/bodies.json`). */
export interface OtherBodies {
  /** Member States: a name, or a name with other names for the same State. */
  states: (string | { name: string; aliases: string[] })[];
  observers?: string[];
  organizations: { name: string; acronym?: string; aliases?: string[] }[];
}

/** Words longer than this are not words (a hash, base64, a run of one letter): skipped. */
const MAX_WORD = 40;

/** Whether code unit `c` belongs to a word as the analyser reads words (a letter, digit or mark). */
export const isWordCode = isLetterNumberOrMarkCode;

/**
 * Calls `visit(start, end)` for every word: a run of letters and digits, with an apostrophe inside it kept
 * ("Chair's", "State’s"). One pass over the text.
 */
export function scanWords(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      c = text.charCodeAt(i);
      if (isWordCode(c)) i++;
      else if ((c === 39 || c === 0x2019) && i + 1 < n && isWordCode(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    if (i - start <= MAX_WORD) visit(start, i);
  }
}

function lowerCode(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  return text[i].toLowerCase().charCodeAt(0);
}

/** The end of a word without a possessive ’s ("Chair's" → "Chair"). */
function bareEnd(text: string, start: number, end: number): number {
  if (end - start > 2) {
    const q = text.charCodeAt(end - 2);
    const s = text.charCodeAt(end - 1);
    if ((q === 39 || q === 0x2019) && (s === 115 || s === 83)) return end - 2;
  }
  return end;
}

/**
 * Word → id, keyed by the word's lower-case characters read straight from the text (no string is made for
 * a word seen before). Open addressing; a cache: cleared when full, the vocabulary itself lives elsewhere.
 */
class WordTable {
  /** '' marks an empty slot (a packed array of strings). */
  private keys: string[] = [];
  private values = new Int32Array(0);
  private mask = 0;
  private used = 0;
  private capacity = 0;

  constructor(
    private readonly initialCapacity = 1 << 13,
    private readonly maxCapacity = 1 << 17,
  ) {
    this.allocate(initialCapacity);
  }

  private allocate(capacity: number): void {
    const keys: string[] = [];
    for (let i = 0; i < capacity; i++) keys.push('');
    this.keys = keys;
    this.values = new Int32Array(capacity);
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.used = 0;
  }

  private static hash(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ lowerCode(text, i), 0x01000193);
    return h >>> 0;
  }

  /** The id stored for the lower-cased word `text[start, end)`, or undefined. */
  get(text: string, start: number, end: number): number | undefined {
    let i = WordTable.hash(text, start, end) & this.mask;
    for (;;) {
      const key = this.keys[i];
      if (key === '') return undefined;
      if (key.length === end - start) {
        let same = true;
        for (let k = 0; k < key.length && same; k++) same = key.charCodeAt(k) === lowerCode(text, start + k);
        if (same) return this.values[i];
      }
      i = (i + 1) & this.mask;
    }
  }

  set(lower: string, value: number): void {
    if (lower === '') return;
    if (this.used * 2 >= this.capacity) {
      // Grow (keeping what is known) up to a bound; past it, start again: the table is only a cache.
      const keys = this.keys;
      const values = this.values;
      if (this.capacity < this.maxCapacity) {
        this.allocate(this.capacity * 2);
        for (let i = 0; i < keys.length; i++) if (keys[i] !== '') this.put(keys[i], values[i]);
      } else this.allocate(this.initialCapacity);
    }
    this.put(lower, value);
  }

  private put(lower: string, value: number): void {
    let i = WordTable.hash(lower, 0, lower.length) & this.mask;
    while (this.keys[i] !== '' && this.keys[i] !== lower) i = (i + 1) & this.mask;
    if (this.keys[i] === '') this.used++;
    this.keys[i] = lower;
    this.values[i] = value;
  }
}

interface TrieNode {
  next: Map<number, TrieNode>;
  concept?: number;
}

interface BodyName {
  id: string;
  name: string;
  /** The words of the name, as written (case-sensitive; an all-capitals form is accepted too). */
  words: string[];
}

/** Directory entities whose naming never makes an attribution worth checking: the Commission itself. */
const NOT_ATTRIBUTABLE = new Set(['cnd', 'regional-groups']);

const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, '1st': 1, '2nd': 2, '3rd': 3 };
const SESSION_NAME = /\b(first|second|third|1st|2nd|3rd)\s+(?:thematic\s+)?(?:session|day)\b|\bopening\s+(?:session|segment)\b/gi;
const SPELLED_NUMBERS = 'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred';
const ADVERBS = new Set(
  (
    'has have had was were is are been be also further rightly specifically notably itself its for part in ' +
    'particular clearly repeatedly recently explicitly strongly all both each jointly together then'
  ).split(' '),
);
/** What may stand between the names of a list of bodies: commas, "and", "the", "as well as". */
const LIST_GLUE = /^(?:\s|,|;|\band\b|\bor\b|\bthe\b|\bas well as\b|&)*$/i;
/** Word flags: what a word may start or signal. */
const FRAME = 1;
const SPELLED = 2;
const SESSION_WORD = 4;
/** Two words further apart than this (a list, a heading, a key phrase appended) are not a pair. */
const PAIR_GAP = 8;

/** A growable scratch buffer of Int32. */
function grow(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  if (a.length >= n) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The vocabulary and the feature ids: learnt from the summary's paragraphs and the lexicon, then frozen
 * (`freeze`) and only read. Feature ids are given in the order features are first learnt; `kindOf` says
 * what each is.
 */
export class Analyser {
  /** Stem → word id. */
  private readonly stemIds = new Map<string, number>();
  /** Lower-case word as written → word id, or -1 (stop word, or unknown once frozen). */
  private readonly words = new WordTable();
  /** Per feature id: FRAME | BODY_START | … for words. */
  private flags = new Int32Array(1024);
  /** Pair key (id × 2^20 + id) → feature id. */
  private readonly pairIds = new Map<number, number>();
  private readonly otherIds = new Map<string, number>();
  private readonly kinds: FeatureKind[] = [];
  private readonly labels: string[] = [];
  private readonly trie: TrieNode = { next: new Map() };
  private readonly bodies = new Map<number, BodyName[]>();
  private learning = true;
  // Scratch, reused by every analysis (not re-entrant).
  private wStart = new Int32Array(256);
  private wEnd = new Int32Array(256);
  private wId = new Int32Array(256);
  // Plain arrays: an analysis keeps copies of their first `size` entries, and small plain arrays are cheaper
  // to allocate than typed ones.
  private readonly fIds: number[] = [];
  private readonly fCounts: number[] = [];
  private readonly fStarts: number[] = [];
  private readonly fEnds: number[] = [];
  private readonly fWeights: number[] = [];
  private slot = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private stampNow = 0;
  private fSize = 0;

  constructor(
    directory: Directory,
    other: OtherBodies,
    /** The day of October 2021 of each session (index = session index), to read "on 20 October". */
    private readonly sessionDays: number[],
    private readonly lexicon: Lexicon,
  ) {
    this.buildBodies(directory, other);
    for (const w of SPELLED_NUMBERS.split(' ')) this.flag(w, SPELLED);
    for (const w of ['session', 'sessions', 'segment', 'day']) this.flag(w, SESSION_WORD);
    for (const [concept, forms] of Object.entries(lexicon.concepts)) {
      const id = this.featureId(`c:${concept}`, 'concept');
      for (const form of forms) {
        const seq: number[] = [];
        scanWords(form, (s, e) => {
          const w = this.wordId(form, s, e);
          if (w >= 0) seq.push(w);
        });
        if (seq.length === 0) continue;
        let node = this.trie;
        for (const w of seq) {
          let child = node.next.get(w);
          if (!child) node.next.set(w, (child = { next: new Map() }));
          node = child;
        }
        node.concept ??= id;
      }
    }
  }

  private flag(word: string, flag: number): number {
    const id = this.wordId(word, 0, word.length, true);
    if (id >= 0) this.flags[id] |= flag;
    return id;
  }

  /** After the summary is read: words, pairs and figures it lacks get no ids (they could match nothing). */
  freeze(): void {
    this.learning = false;
  }

  get featureCount(): number {
    return this.kinds.length;
  }

  kindOf(feature: number): FeatureKind {
    return this.kinds[feature];
  }

  /** A readable name of a feature: `w:stem`, `b:stem_stem`, `c:concept`, `e:unodc`, `n:percent:1`, `s:2`. */
  labelOf(feature: number): string {
    return this.labels[feature];
  }

  private newFeature(label: string, kind: FeatureKind): number {
    const id = this.kinds.length;
    if (id >= 16_384) throw new Error('support model: more than 16,384 features (the pair keys assume fewer)');
    this.kinds.push(kind);
    this.labels.push(label);
    if (id >= this.flags.length) {
      const f = new Int32Array(this.flags.length * 2);
      f.set(this.flags);
      this.flags = f;
    }
    return id;
  }

  private featureId(label: string, kind: FeatureKind): number {
    let id = this.otherIds.get(label);
    if (id === undefined) {
      if (!this.learning) return -1;
      id = this.newFeature(label, kind);
      this.otherIds.set(label, id);
    }
    return id;
  }

  /** The feature id of a body (`e:<id>`), or -1 when no paragraph names it. */
  bodyFeature(id: string): number {
    return this.featureId(`e:${id}`, 'body');
  }

  sessionFeature(index: number): number {
    return this.featureId(`s:${index}`, 'session');
  }

  /** The stem a word id stands for. */
  stemOf(id: number): string | undefined {
    const label = this.labels[id];
    return label?.startsWith('w:') ? label.slice(2) : undefined;
  }

  /**
   * The word id of `text[start, end)`: -1 for a stop word or a number, -2 (once frozen) for a word that neither
   * the summary nor the lexicon has. `learn` gives a new word an id even when frozen.
   */
  wordId(text: string, start: number, end: number, learn = this.learning): number {
    const stop = bareEnd(text, start, end);
    const known = this.words.get(text, start, stop);
    if (known !== undefined && (known >= 0 || !learn)) return known;
    const lower = text.slice(start, stop).toLowerCase();
    const stem = /^\d+$/.test(lower) || this.lexicon.supportStopWords.has(lower) ? null : processTerm(lower);
    let id = -1;
    if (stem !== null) {
      id = this.stemIds.get(stem) ?? -2;
      if (id === -2 && learn) {
        id = this.newFeature(`w:${stem}`, 'word');
        this.stemIds.set(stem, id);
      }
      if (id >= 0 && (this.lexicon.frameWords.has(lower) || this.lexicon.frameWords.has(stem))) this.flags[id] |= FRAME;
    }
    this.words.set(lower, id);
    return id;
  }

  private pairFeature(a: number, b: number): number {
    // Word ids stay below 2^14 (checked when learning), so the key is a small integer V8 keeps unboxed.
    const key = a * 16_384 + b;
    let id = this.pairIds.get(key);
    if (id === undefined) {
      if (!this.learning) return -1;
      id = this.newFeature(`b:${this.labels[a].slice(2)}_${this.labels[b].slice(2)}`, 'pair');
      this.pairIds.set(key, id);
    }
    return id;
  }

  /** Blanks the phrases that only frame a citation ("as reflected in the Chair's summary"), keeping offsets. */
  static unframe(text: string): string {
    if (!/summary|delegation|would|wish|want/i.test(text)) return text;
    let out = text;
    for (const re of FRAME_PATTERNS) out = out.replace(re, (m) => ' '.repeat(m.length));
    return out;
  }

  /** Counts a feature of the analysis under way (`stampNow` marks the features it has already seen). */
  private add(id: number, weight: number, start: number, end: number): void {
    if (id < 0) return;
    if (id >= this.slot.length) this.ensureSlotsKeep();
    if (this.stamp[id] === this.stampNow) {
      this.fCounts[this.slot[id]]++;
      return;
    }
    const size = this.fSize++;
    this.stamp[id] = this.stampNow;
    this.slot[id] = size;
    this.fIds[size] = id;
    this.fCounts[size] = 1;
    this.fStarts[size] = start;
    this.fEnds[size] = end;
    this.fWeights[size] = weight;
  }

  private ensureSlots(): void {
    if (this.slot.length < this.kinds.length) {
      const n = this.kinds.length * 2;
      this.slot = new Int32Array(n);
      this.stamp = new Int32Array(n);
      this.stampNow = 0;
    }
    if (++this.stampNow === 0x7fffffff) {
      this.stamp.fill(0);
      this.stampNow = 1;
    }
  }

  analyse(text: string): Analysis {
    this.ensureSlots();
    this.fSize = 0;
    const add = (id: number, weight: number, start: number, end: number) => this.add(id, weight, start, end);
    // Words, with their ids; learning may add features, so slots may need to grow as we go.
    let n = 0;
    let digits = false;
    let spelled = false;
    let bodyStart = false;
    let sessionWord = false;
    let unknown = 0;
    scanWords(text, (start, end) => {
      if (n === this.wId.length) {
        this.wStart = grow(this.wStart, n + 1);
        this.wEnd = grow(this.wEnd, n + 1);
        this.wId = grow(this.wId, n + 1);
      }
      const id = this.wordId(text, start, end);
      this.wStart[n] = start;
      this.wEnd[n] = end;
      this.wId[n] = id;
      n++;
      if (id === -2) unknown++;
      const c = text.charCodeAt(start);
      if (c >= 48 && c <= 57) digits = true;
      if (id >= 0) {
        const f = this.flags[id];
        if (f & SPELLED) spelled = true;
        if (f & SESSION_WORD) sessionWord = true;
      }
      if (!(c >= 97 && c <= 122) && id >= 0 && this.bodies.has(id)) bodyStart = true;
    });
    let prev = -1;
    for (let i = 0; i < n; i++) {
      const id = this.wId[i];
      if (id < 0) continue;
      const frame = (this.flags[id] & FRAME) !== 0;
      add(id, frame ? 0.15 : 1, this.wStart[i], this.wEnd[i]);
      if (prev >= 0 && !frame && (this.flags[this.wId[prev]] & FRAME) === 0 && this.wStart[i] - this.wEnd[prev] < PAIR_GAP) {
        add(this.pairFeature(this.wId[prev], id), 1, this.wStart[prev], this.wEnd[i]);
      }
      prev = i;
    }
    // Concepts: the longest form starting at each word; its words are then skipped. Forms do not span gaps.
    for (let i = 0; i < n;) {
      if (this.wId[i] < 0) {
        i++;
        continue;
      }
      let node: TrieNode | undefined = this.trie;
      let found = -1;
      let foundEnd = i;
      let last = -1;
      for (let j = i; j < n && node; j++) {
        const id = this.wId[j];
        if (id < 0) continue;
        if (last >= 0 && this.wStart[j] - this.wEnd[last] >= PAIR_GAP * 2) break;
        node = node.next.get(id);
        last = j;
        if (node?.concept !== undefined) {
          found = node.concept;
          foundEnd = j;
        }
      }
      if (found >= 0) {
        add(found, 0.8, this.wStart[i], this.wEnd[foundEnd]);
        i = foundEnd + 1;
      } else i++;
    }
    const bodies = bodyStart ? this.findBodies(text, n) : [];
    for (const b of bodies) {
      // A body named as the one who spoke says more about where the point is than one merely mentioned.
      add(this.bodyFeature(b.id), b.attributed ? 1 : 0.4, b.start, b.end);
    }
    const figures = findFigures(text, (w) => this.stemOf(this.wordId(w, 0, w.length)) ?? w.toLowerCase(), { digits, spelled });
    for (const f of figures) {
      if (f.name) continue;
      add(this.featureId(`n:${f.kind}:${f.value}`, 'figure'), 1, f.start, f.end);
    }
    const sessions = this.findSessions(text, figures, sessionWord);
    for (const s of sessions) add(this.sessionFeature(s), 0.5, 0, 0);
    return {
      text,
      size: this.fSize,
      ids: this.fIds.slice(0, this.fSize),
      weights: this.fWeights.slice(0, this.fSize),
      counts: this.fCounts.slice(0, this.fSize),
      starts: this.fStarts.slice(0, this.fSize),
      ends: this.fEnds.slice(0, this.fSize),
      bodies,
      figures,
      sessions,
      unknown,
    };
  }

  /** While learning, new features may outgrow the slot arrays: grow them keeping the current stamps. */
  private ensureSlotsKeep(): void {
    if (this.slot.length >= this.kinds.length) return;
    const n = this.kinds.length * 2;
    const slot = new Int32Array(n);
    slot.set(this.slot);
    const stamp = new Int32Array(n);
    stamp.set(this.stamp);
    this.slot = slot;
    this.stamp = stamp;
  }

  private buildBodies(directory: Directory, other: OtherBodies): void {
    const names: BodyName[] = [];
    const split = (s: string) => s.split(/\s+/).filter(Boolean);
    for (const o of directory.organizations) {
      for (const a of [o.name, ...(o.acronym ? [o.acronym] : []), ...o.aliases]) {
        if (o.contextAliases?.includes(a)) continue;
        names.push({ id: o.id, name: o.acronym ?? o.name, words: split(a) });
      }
    }
    for (const s of directory.states)
      for (const a of [s.name, ...s.aliases]) names.push({ id: s.id, name: s.name, words: split(a) });
    // A State the directory knows under another of its names ("United States" for "United States of
    // America") takes the directory's id, so that the paragraphs naming it are found.
    const idOf = new Map(names.map((n) => [n.words.join(' '), n.id]));
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    for (const entry of other.states) {
      const all = typeof entry === 'string' ? [entry] : [entry.name, ...entry.aliases];
      const id = all.map((a) => idOf.get(a)).find((x) => x !== undefined) ?? `other:${all[0]}`;
      const name = nameOf.get(id) ?? all[0];
      for (const a of all) if (!idOf.has(a)) names.push({ id, name, words: split(a) });
    }
    for (const s of other.observers ?? []) if (!idOf.has(s)) names.push({ id: `other:${s}`, name: s, words: split(s) });
    for (const o of other.organizations) {
      const label = o.acronym ?? o.name;
      for (const a of [o.name, ...(o.acronym ? [o.acronym] : []), ...(o.aliases ?? [])]) {
        if (!idOf.has(a)) names.push({ id: `other:${label}`, name: label, words: split(a) });
      }
    }
    for (const n of names) {
      if (n.words.length === 0) continue;
      // The first word of a name is known to the vocabulary even if it is a stop word ("the Netherlands"
      // has none; "Cabo"…); names whose first word is a stop word are keyed by -1 and never looked up.
      const id = this.wordId(n.words[0], 0, n.words[0].length, true);
      if (id < 0) continue;
      const list = this.bodies.get(id) ?? [];
      list.push(n);
      this.bodies.set(id, list);
    }
    for (const list of this.bodies.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  private findBodies(text: string, n: number): NamedBody[] {
    const found: { id: string; name: string; first: number; last: number }[] = [];
    const raw = (k: number) => text.slice(this.wStart[k], bareEnd(text, this.wStart[k], this.wEnd[k]));
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(this.wStart[i]);
      // Names start with a capital letter (or a letter outside ASCII: "Côte").
      if (c >= 97 && c <= 122) continue;
      const candidates = this.bodies.get(this.wId[i]);
      if (!candidates) continue;
      const first = raw(i);
      for (const cand of candidates) {
        if (i + cand.words.length > n) continue;
        let ok = true;
        for (let k = 0; k < cand.words.length && ok; k++) {
          const w = k === 0 ? first : raw(i + k);
          const want = cand.words[k];
          ok = w === want || (w.length > 1 && want.length > 1 && w === want.toUpperCase());
        }
        if (!ok) continue;
        found.push({ id: cand.id, name: cand.name, first: i, last: i + cand.words.length - 1 });
        i += cand.words.length - 1;
        break;
      }
    }
    // Bodies listed together ("Europol, INTERPOL and the EMCDDA were represented", "experts from Cabo Verde,
    // Pakistan and Singapore") share what is said of the list: read the words before its first name and
    // after its last.
    const out: NamedBody[] = [];
    for (let g = 0; g < found.length;) {
      let h = g;
      while (h + 1 < found.length && LIST_GLUE.test(text.slice(this.wEnd[found[h].last], this.wStart[found[h + 1].first]))) h++;
      const attributed = this.attributes(text, n, found[g].first, found[h].last);
      for (let k = g; k <= h; k++) {
        const b = found[k];
        out.push({
          id: b.id,
          name: b.name,
          start: this.wStart[b.first],
          end: this.wEnd[b.last],
          attributed: attributed && !NOT_ATTRIBUTABLE.has(b.id),
        });
      }
      g = h + 1;
    }
    return out;
  }

  /** Whether the words around a name say that the body made the point. */
  private attributes(text: string, n: number, first: number, last: number): boolean {
    const lower = (k: number) =>
      k >= 0 && k < n
        ? text
            .slice(this.wStart[k], this.wEnd[k])
            .toLowerCase()
            .replace(/['’]s$/, '')
        : undefined;
    // "INCB: …" (a briefing note's way of saying who said it).
    if (/^\s?:/.test(text.slice(this.wEnd[last], this.wEnd[last] + 2))) return true;
    // After: [’s] [speaker noun] [adverbs] [has/have/had] <reporting verb>.
    let k = last + 1;
    while (k <= last + 2 && this.lexicon.speakerNouns.has(lower(k) ?? '')) k++;
    for (let hops = 0; hops < 4 && k < n; hops++, k++) {
      // A full stop, semicolon or colon between the name and the verb ends the clause.
      if (/[.;:]/.test(text.slice(this.wEnd[k - 1], this.wStart[k]))) break;
      const w = lower(k)!;
      if (this.lexicon.reportingVerbs.has(w)) return true;
      if (!ADVERBS.has(w)) break;
    }
    // Before: "according to [the]", "by <name>" after a reporting verb, "<speaker noun> of/from [the] <name>".
    const b1 = lower(first - 1);
    const b2 = lower(first - 2);
    const b3 = lower(first - 3);
    if (b1 === 'to' && b2 === 'according') return true;
    if (b1 === 'the' && b2 === 'to' && b3 === 'according') return true;
    const ofFrom = (x: string | undefined) => x === 'of' || x === 'from';
    if (ofFrom(b1) && this.lexicon.speakerNouns.has(b2 ?? '')) return true;
    if (b1 === 'the' && ofFrom(b2) && this.lexicon.speakerNouns.has(b3 ?? '')) return true;
    if (b1 === 'by' && b2 !== undefined && this.lexicon.reportingVerbs.has(b2)) return true;
    if (b1 === 'the' && b2 === 'by' && b3 !== undefined && this.lexicon.reportingVerbs.has(b3)) return true;
    return false;
  }

  /** "On 20 October", "on the second day", "in the third thematic session", "the opening session". */
  private findSessions(text: string, figures: Figure[], sessionWord: boolean): number[] {
    const out = new Set<number>();
    for (const f of figures) {
      if (f.kind !== 'date' || f.to !== undefined) continue;
      this.sessionDays.forEach((day, i) => {
        if (day === f.value && i > 0) out.add(i);
      });
    }
    if (sessionWord) {
      SESSION_NAME.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SESSION_NAME.exec(text)) !== null) {
        if (m[1] === undefined) out.add(0);
        else out.add(ORDINALS[m[1].toLowerCase()]);
      }
    }
    return [...out];
  }
}
