/** Quotations in drafts and how closely they match the summary's words. */

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
const LETTER = /\p{L}/u;

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
    const inner = text.slice(open + 1, close);
    if (LETTER.test(inner)) out.push({ text: inner, start: open + 1, end: close });
  }
  return out;
}

/** Lower case, typographic quotes and dashes unified, every run of non-word characters one space. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

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

/** The normalised words between the quotation's ellipses and insertions: what must stand in a source, in order. */
export function quotationNeedles(quotation: string): string[] {
  return quotationSegments(quotation)
    .map((s) => normalizeWords(s))
    .filter((s) => s.length > 0);
}

/** True when the needles (`quotationNeedles`) stand in `source`, in order. */
export function needlesIn(needles: readonly string[], source: string): boolean {
  if (needles.length === 0) return true;
  const haystack = normalizedSource(source);
  let from = 0;
  for (const seg of needles) {
    const at = haystack.indexOf(` ${seg} `, from);
    if (at < 0) return false;
    from = at + seg.length + 1;
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
}

const sourceWordsCache = new Map<string, SourceWords>();

/** The words of a paragraph of the summary, found and numbered once and kept (a few dozen paragraphs). */
function sourceWords(source: string): SourceWords {
  const cached = sourceWordsCache.get(source);
  if (cached) return cached;
  const spans = wordsWithOffsets(source);
  if (vocabulary.size + spans.length > MAX_VOCABULARY) {
    vocabulary.clear();
    sourceWordsCache.clear();
    vocabularyGeneration++;
  }
  const ids = new Int32Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    let id = vocabulary.get(spans[i].word);
    if (id === undefined) vocabulary.set(spans[i].word, (id = vocabulary.size));
    ids[i] = id;
  }
  const words = { spans, ids };
  if (sourceWordsCache.size < 256) sourceWordsCache.set(source, words);
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
  const quoteWords = wordsWithOffsets(quotation).map((w) => w.word);
  // Each distinct word of the quotation has an id; `wanted[id]`: how many times the quotation has it.
  const ids = new Map<string, number>();
  const wanted: number[] = [];
  for (const w of quoteWords) {
    let id = ids.get(w);
    if (id === undefined) {
      id = wanted.length;
      ids.set(w, id);
      wanted.push(0);
    }
    wanted[id]++;
  }
  // Per vocabulary number, the quotation's id for that word (-1: not in the quotation); made again when the
  // vocabulary grows or starts again.
  let idOfWord = new Int32Array(0);
  let idOfWordGeneration = -1;
  // The id of each word of the last source read, -1 for words the quotation does not have.
  let lastSource: string | undefined;
  let idOf = new Int32Array(0);
  const read = (source: string): WordSpan[] => {
    const { spans, ids: vocabularyIds } = sourceWords(source);
    if (idOfWordGeneration !== vocabularyGeneration || idOfWord.length < vocabulary.size) {
      idOfWord = new Int32Array(vocabulary.size).fill(-1);
      for (const [w, id] of ids) {
        const v = vocabulary.get(w);
        if (v !== undefined) idOfWord[v] = id;
      }
      idOfWordGeneration = vocabularyGeneration;
      lastSource = undefined;
    }
    if (source !== lastSource) {
      lastSource = source;
      // One buffer for every source (typed arrays are slow to make): only its first spans.length count.
      if (idOf.length < spans.length) idOf = new Int32Array(Math.max(spans.length, 2 * idOf.length));
      for (let i = 0; i < spans.length; i++) idOf[i] = idOfWord[vocabularyIds[i]];
    }
    return spans;
  };
  /** How many times each word of the quotation is in the window (or source) at hand. */
  const have = new Int32Array(wanted.length);
  const bound = (source: string): number => {
    if (quoteWords.length === 0) return 0;
    const words = read(source);
    have.fill(0);
    let shared = 0;
    for (let i = 0; i < words.length; i++) {
      const id = idOf[i];
      if (id >= 0 && have[id]++ < wanted[id]) shared++;
    }
    return shared / quoteWords.length;
  };
  const closest = (source: string): ClosestPassage | undefined => {
    const words = read(source);
    if (quoteWords.length === 0 || words.length === 0) return undefined;
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
    return { text: source.slice(start, end), start, end, score: best.shared / quoteWords.length };
  };
  return { closest, bound };
}
