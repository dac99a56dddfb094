/** Quotations in drafts and how closely they match the summary's words. */
import { hasLetter, isAsciiLetterOrDigitCode } from '../chars';

export interface Quotation {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Range of the words (inside the marks). */
  start: number;
  end: number;
}

/**
 * A quotation may wrap onto following lines (drafts are often hard-wrapped) but not cross a blank line
 * (a line of nothing but spaces, tabs and `>`). `"` closes at the next `"`; `“` closes at the next `”`
 * (a `“` or `"` inside is part of the words). A quotation longer than MAX_QUOTATION is not one (a stray
 * mark): the scan goes on from the character after its opening mark.
 */
export const MAX_QUOTATION = 2000;

/**
 * The first position at or after `pos` where `mark` stands, or -1. Positions asked for never decrease, so
 * each part of the text is searched once, however many opening marks fail to close.
 */
class MarkCursor {
  /** The answer to the last question; -2 before the first. Once -1, there is no mark left. */
  private at = -2;

  constructor(
    private readonly text: string,
    private readonly mark: string,
  ) {}

  from(pos: number): number {
    if (this.at === -1 || this.at >= pos) return this.at;
    this.at = this.text.indexOf(this.mark, pos);
    return this.at;
  }
}

/** As MarkCursor, for line breaks that end a paragraph: a `\n` followed by a blank line (`[ \t>]*\n`). */
class ParagraphBreakCursor {
  private at = -2;

  constructor(private readonly text: string) {}

  from(pos: number): number {
    if (this.at === -1 || this.at >= pos) return this.at;
    const { text } = this;
    let nl = text.indexOf('\n', pos);
    while (nl >= 0 && !this.blankLineAfter(nl)) nl = text.indexOf('\n', nl + 1);
    this.at = nl;
    return nl;
  }

  private blankLineAfter(nl: number): boolean {
    let p = nl + 1;
    for (let c = this.text.charCodeAt(p); c === 32 || c === 9 || c === 62; c = this.text.charCodeAt(p)) p++;
    return this.text.charCodeAt(p) === 10;
  }
}

/**
 * The quotations of `text`, in order. Linear time: the opening marks, the closing marks and the paragraph
 * breaks are three cursors that only move forward (a regular expression that looked for the closing mark
 * from each opening mark read the rest of the paragraph once per unclosed mark: quadratic).
 */
export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  const straight = new MarkCursor(text, '"');
  const opening = new MarkCursor(text, '“');
  const closing = new MarkCursor(text, '”');
  const breaks = new ParagraphBreakCursor(text);
  let pos = 0;
  for (;;) {
    const nextStraight = straight.from(pos);
    const nextOpening = opening.from(pos);
    if (nextStraight < 0 && nextOpening < 0) break;
    const isStraight = nextOpening < 0 || (nextStraight >= 0 && nextStraight < nextOpening);
    const open = isStraight ? nextStraight : nextOpening;
    const close = isStraight ? straight.from(open + 1) : closing.from(open + 1);
    const paragraphEnd = breaks.from(open + 1);
    if (close < 0 || (paragraphEnd >= 0 && paragraphEnd < close) || close - open - 1 > MAX_QUOTATION) {
      // Not a quotation: the next character may open one.
      pos = open + 1;
      continue;
    }
    pos = close + 1;
    if (hasLetter(text, open + 1, close)) out.push({ text: text.slice(open + 1, close), start: open + 1, end: close });
  }
  return out;
}

/** Lower case, typographic quotes and dashes unified, every run of non-word characters one space. */
export function normalizeWords(text: string): string {
  // Text whose letters and digits are all ASCII (drafts quoting the summary, nearly always): the same result
  // by regular expressions without Unicode properties, several times faster (a draft may hold a megabyte of
  // quotations, each normalised once).
  if (!NOT_PLAIN.test(text)) return text.toLowerCase().replace(PLAIN_APOSTROPHES, "'").replace(PLAIN_NON_WORD, ' ').trim();
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/**
 * A character other than ASCII from the tab up and the typographic marks and spaces drafts use around words
 * (none of them a letter or a digit): where it is absent, a letter is [A-Za-z] and a digit [0-9], as `\p{L}`
 * and `\p{N}` read them.
 */
const NOT_PLAIN = /[^\t-\x7f\u2018\u2019\u00b4\u201c\u201d\u2013\u2014\u2026\u00a0\u202f]/;
const PLAIN_APOSTROPHES = /[’‘`´]/g;
/** `[^\p{L}\p{N}']+` on plain text (see NOT_PLAIN), after lower-casing. */
const PLAIN_NON_WORD = /[^a-z0-9']+/g;

const sourceCache = new Map<string, string>();

/** The summary's paragraphs are normalised once and kept (a few dozen strings). */
function normalizedSource(source: string): string {
  let n = sourceCache.get(source);
  if (n === undefined) {
    n = ` ${normalizeWords(source)} `;
    if (sourceCache.size < 256) sourceCache.set(source, n);
  }
  return n;
}

/**
 * The quotation cut at each ellipsis (`...`, `…`) and at each editorial insertion in square brackets (from
 * a `[` to the first `]` after it), as `split(/\.\.\.|…|\[[^\]]*\]/)` cuts it. Linear time: a `[` with no `]`
 * after it is ordinary text, found so by one look at the last `]` (the regular expression read the rest of
 * the quotation from every such `[`).
 */
export function quotationSegments(quotation: string): string[] {
  const out: string[] = [];
  const lastClose = quotation.lastIndexOf(']');
  let from = 0;
  let i = 0;
  while (i < quotation.length) {
    const c = quotation[i];
    let cut = 0;
    if (c === '.' && quotation.startsWith('...', i)) cut = 3;
    else if (c === '…') cut = 1;
    else if (c === '[' && i < lastClose) cut = quotation.indexOf(']', i + 1) + 1 - i;
    if (cut === 0) {
      i++;
      continue;
    }
    out.push(quotation.slice(from, i));
    i += cut;
    from = i;
  }
  out.push(quotation.slice(from));
  return out;
}

/**
 * The normalised words between the quotation's ellipses and insertions, each with a space either side (as
 * they must stand in a normalised source): what must stand in a source, in order. Made once per quotation,
 * however many sources it is looked for in.
 */
export function quotationNeedles(quotation: string): string[] {
  const out: string[] = [];
  for (const segment of quotationSegments(quotation)) {
    const words = normalizeWords(segment);
    if (words.length > 0) out.push(` ${words} `);
  }
  return out;
}

/** True when the needles (`quotationNeedles`) stand in `source`, in order. */
export function needlesIn(needles: readonly string[], source: string): boolean {
  if (needles.length === 0) return true;
  const haystack = normalizedSource(source);
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    // (The next needle may start at this one's closing space.)
    from = at + needle.length - 1;
  }
  return true;
}

/**
 * True when the quotation's words stand in `source`, in order. An ellipsis (… or ...) in the
 * quotation skips words; text in square brackets is an editorial insertion and is skipped too.
 */
export function quotationMatches(quotation: string, source: string): boolean {
  return needlesIn(quotationNeedles(quotation), source);
}

interface WordSpan {
  word: string;
  start: number;
  end: number;
}

const ASCII_WORD = /^[A-Za-z0-9'’-]*$/;

/** A word as the closest-passage search compares it: what `normalizeWords` leaves of it, spaces removed. */
function wordKey(word: string): string {
  // The common case without the regular expressions of normalizeWords: an ASCII word loses its hyphens and
  // writes ’ as ' (lower case of ASCII is ASCII; other scripts may lower-case to combining marks).
  if (ASCII_WORD.test(word)) {
    let key = word.toLowerCase();
    if (key.includes('’')) key = key.replace(/’/g, "'");
    return key.includes('-') ? key.replace(/-/g, '') : key;
  }
  return normalizeWords(word).replace(/\s+/g, '');
}

function wordsWithOffsets(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    out.push({ word: wordKey(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The keys of the words of `text` (`wordsWithOffsets(text).map((w) => w.word)`): for plain text (see
 * NOT_PLAIN) read by hand, without a match object and a span for each word.
 */
function wordKeys(text: string): string[] {
  if (NOT_PLAIN.test(text)) return wordsWithOffsets(text).map((w) => w.word);
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiLetterOrDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let curly = false;
    let hyphen = false;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (isAsciiLetterOrDigitCode(c) || c === 39) continue;
      if (c === 0x2019) curly = true;
      else if (c === 45) hyphen = true;
      else break;
    }
    // As wordKey reads an ASCII word.
    let key = text.slice(start, i).toLowerCase();
    if (curly) key = key.replace(/’/g, "'");
    if (hyphen) key = key.replace(/-/g, '');
    out.push(key);
  }
  return out;
}

/**
 * The words of the sources compared with quotations (the summary's paragraphs), each with a number: a
 * quotation is compared with a source by reading numbers from arrays, not by looking strings up in a map.
 * Bounded: past MAX_VOCABULARY words (sources that are not the summary's paragraphs), it starts again.
 */
const vocabulary = new Map<string, number>();
const MAX_VOCABULARY = 200_000;
/** Changes when the vocabulary starts again (numbers given before mean nothing after). */
let vocabularyGeneration = 0;

interface SourceWords {
  spans: WordSpan[];
  /** The number of each word in `vocabulary`. */
  ids: Int32Array;
  /** Its number among the sources kept (see `postings`); -1 when it is not kept. */
  index: number;
}

const sourceWordsCache = new Map<string, SourceWords>();
const MAX_SOURCES_KEPT = 256;
/**
 * Per vocabulary number, the kept sources that have the word and how many times, flat: [source index, count,
 * …]. A quotation's bound in every source is then read from the postings of its own words (a few hundred
 * numbers), not from every word of every source (the summary's 4,000, for each quotation).
 */
let postings: number[][] = [];

/** The words of a paragraph of the summary, found and numbered once and kept (a few dozen paragraphs). */
function sourceWords(source: string): SourceWords {
  const cached = sourceWordsCache.get(source);
  if (cached) return cached;
  const spans = wordsWithOffsets(source);
  if (vocabulary.size + spans.length > MAX_VOCABULARY) {
    vocabulary.clear();
    sourceWordsCache.clear();
    postings = [];
    vocabularyGeneration++;
  }
  const ids = new Int32Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    let id = vocabulary.get(spans[i].word);
    if (id === undefined) vocabulary.set(spans[i].word, (id = vocabulary.size));
    ids[i] = id;
  }
  const kept = sourceWordsCache.size < MAX_SOURCES_KEPT;
  const words = { spans, ids, index: kept ? sourceWordsCache.size : -1 };
  if (kept) {
    sourceWordsCache.set(source, words);
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, count] of counts) (postings[id] ??= []).push(words.index, count);
  }
  return words;
}

export interface ClosestPassage {
  /** The passage of the source, exact words. */
  text: string;
  start: number;
  end: number;
  /** Share of the quotation's words found in the passage, 0–1. */
  score: number;
}

/**
 * The passage of `source` closest to a (mis)quotation: the window of about as many words as the
 * quotation that shares the most words with it, trimmed to the first and last shared word.
 */
export function closestPassage(quotation: string, source: string): ClosestPassage | undefined {
  return passageFinder(quotation).closest(source);
}

export interface PassageFinder {
  /** `closestPassage(quotation, source)`. */
  closest(source: string): ClosestPassage | undefined;
  /**
   * The most `closest(source).score` can be: the share of the quotation's words found anywhere in the source
   * (no window holds more). One pass over the source's words, where `closest` makes several.
   */
  bound(source: string): number;
}

/**
 * A table over the vocabulary that every finder shares: per vocabulary number, the id of that word in the
 * quotation of the finder that wrote the table last (see `claimedBy`), valid where `slotStamp` holds that
 * finder's stamp. A finder writes its words again (a few hundred numbers) when another wrote since: no table
 * of the whole vocabulary is made and cleared for each quotation.
 */
let slotId = new Int32Array(1024);
// (Stamps are doubles: they never run out.)
let slotStamp = new Float64Array(1024);
let claimedBy = 0;
let stamps = 0;

/**
 * `closestPassage` for one quotation and any number of sources (its words are read once).
 *
 * The windows tried are those of `size` words for each size from the quotation's length (or the source's, if
 * shorter) to `longest`, and the one chosen is the first, by size then position, that shares the most words.
 * Sharing is monotone: a window shares at least as much as any window inside it, and every window fits in one
 * of the longest size; so the most any window shares is the most a window of the longest size shares, and the
 * smallest size that reaches it is found by binary search. O(W log S) for W words in the source and S sizes,
 * where trying every size was O(W·S), up to W² for long quotations.
 */
export function passageFinder(quotation: string): PassageFinder {
  const quoteWords = wordKeys(quotation);
  const total = quoteWords.length;
  // Each distinct word of the quotation that the vocabulary has gets an id: `known[id]` is its vocabulary
  // number, `wanted[id]` how many times the quotation has it. The quotation's other words (`pending`, with
  // their counts) are in no source read so far; they are looked up again when the vocabulary grows.
  let known: number[] = [];
  let wanted: number[] = [];
  let pending: Map<string, number> | undefined;
  let generation = -1;
  let vocabularySize = -1;
  let stamp = 0;
  /** How many times each word of the quotation is in the window (or source) at hand. */
  let have = new Int32Array(0);
  /** Adds `word` (`v`: its vocabulary number) to the known words, or counts it again. */
  const know = (v: number, count: number) => {
    if (slotStamp[v] === stamp) wanted[slotId[v]] += count;
    else {
      slotStamp[v] = stamp;
      slotId[v] = known.length;
      known.push(v);
      wanted.push(count);
    }
  };
  /** Brings the ids up to date with the vocabulary and writes them in the shared table (see slotId). */
  const claim = () => {
    const fresh = generation !== vocabularyGeneration;
    if (!fresh && vocabularySize === vocabulary.size && claimedBy === stamp) return;
    if (slotId.length < vocabulary.size) {
      const size = Math.max(vocabulary.size, 2 * slotId.length);
      slotId = new Int32Array(size);
      slotStamp = new Float64Array(size);
    }
    stamp = ++stamps;
    claimedBy = stamp;
    if (fresh) {
      known = [];
      wanted = [];
      pending = undefined;
      for (const w of quoteWords) {
        const v = vocabulary.get(w);
        if (v !== undefined) know(v, 1);
        else (pending ??= new Map()).set(w, (pending.get(w) ?? 0) + 1);
      }
    } else {
      for (let id = 0; id < known.length; id++) {
        slotStamp[known[id]] = stamp;
        slotId[known[id]] = id;
      }
      if (pending && vocabularySize !== vocabulary.size)
        for (const [w, count] of pending) {
          const v = vocabulary.get(w);
          if (v === undefined) continue;
          pending.delete(w);
          know(v, count);
        }
    }
    generation = vocabularyGeneration;
    vocabularySize = vocabulary.size;
    if (have.length < known.length) have = new Int32Array(known.length);
  };
  /** The quotation's id for the word of vocabulary number `v`, -1 when it does not have it (after claim). */
  const idOfWord = (v: number) => (slotStamp[v] === stamp ? slotId[v] : -1);
  // The id of each word of the last source read, -1 for words the quotation does not have.
  let lastSource: SourceWords | undefined;
  let lastStamp = -1;
  let idOf = new Int32Array(0);
  /**
   * Per kept source (by its index), how many of the quotation's words it has, each counted at most as many
   * times as the quotation has it: the sum, over the quotation's distinct words, of the smaller count.
   * Made again when sources were kept since, or when the ids changed.
   */
  let shares = new Int32Array(0);
  let sharesStamp = -1;
  const sharesOf = (words: SourceWords): number => {
    if (sharesStamp !== stamp || shares.length !== sourceWordsCache.size) {
      shares = new Int32Array(sourceWordsCache.size);
      for (let id = 0; id < known.length; id++) {
        const list = postings[known[id]];
        if (!list) continue;
        const want = wanted[id];
        for (let k = 0; k < list.length; k += 2) shares[list[k]] += Math.min(want, list[k + 1]);
      }
      sharesStamp = stamp;
    }
    return shares[words.index];
  };
  const read = (source: string): WordSpan[] => {
    const words = sourceWords(source);
    claim();
    if (words !== lastSource || lastStamp !== stamp) {
      lastSource = words;
      lastStamp = stamp;
      const { spans, ids: vocabularyIds } = words;
      // One buffer for every source (typed arrays are slow to make): only its first spans.length count.
      if (idOf.length < spans.length) idOf = new Int32Array(Math.max(spans.length, 2 * idOf.length));
      for (let i = 0; i < spans.length; i++) idOf[i] = idOfWord(vocabularyIds[i]);
    }
    return words.spans;
  };
  const bound = (source: string): number => {
    if (total === 0) return 0;
    const words = sourceWords(source);
    claim();
    if (words.index >= 0) return sharesOf(words) / total;
    // A source not kept: its words, straight from their vocabulary numbers.
    const vocabularyIds = words.ids;
    have.fill(0);
    let shared = 0;
    for (let i = 0; i < vocabularyIds.length; i++) {
      const id = idOfWord(vocabularyIds[i]);
      if (id >= 0 && have[id]++ < wanted[id]) shared++;
    }
    return shared / total;
  };
  const closest = (source: string): ClosestPassage | undefined => {
    const words = read(source);
    if (total === 0 || words.length === 0) return undefined;
    /** The most words a window of `size` shares with the quotation (each word at most as often as the quotation has it), and where the first such window starts. */
    const bestOfSize = (size: number): { shared: number; at: number } => {
      have.fill(0);
      let shared = 0;
      const add = (i: number) => {
        const id = idOf[i];
        if (id >= 0 && have[id]++ < wanted[id]) shared++;
      };
      const drop = (i: number) => {
        const id = idOf[i];
        if (id >= 0 && --have[id] < wanted[id]) shared--;
      };
      for (let i = 0; i < size; i++) add(i);
      let most = shared;
      let at = 0;
      for (let i = size; i < words.length; i++) {
        add(i);
        drop(i - size);
        if (shared > most) {
          most = shared;
          at = i - size + 1;
        }
      }
      return { shared: most, at };
    };
    // Windows as long as the quotation and a little longer (a misquotation often drops words).
    const shortest = Math.min(quoteWords.length, words.length);
    const longest = Math.min(words.length, quoteWords.length + Math.max(2, Math.ceil(quoteWords.length / 4)));
    const most = bestOfSize(longest).shared;
    let lo = shortest;
    let hi = longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bestOfSize(mid).shared >= most) hi = mid;
      else lo = mid + 1;
    }
    const best = { at: bestOfSize(lo).at, size: lo, shared: most };
    let first = best.at;
    let last = best.at + best.size - 1;
    while (first < last && idOf[first] < 0) first++;
    while (last > first && idOf[last] < 0) last--;
    const start = words[first].start;
    const end = words[last].end;
    return { text: source.slice(start, end), start, end, score: best.shared / total };
  };
  return { closest, bound };
}
