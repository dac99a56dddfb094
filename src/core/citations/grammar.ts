/**
 * Finds citations of the Chair's summary in any text: `para. 24`, `paras. 13–15 and 22`,
 * `paragraphs 13 to 15 of the Chair's summary`, `¶¶ 9–10`, French `par. 24`, Spanish `párrs. 30 a 32`.
 * References to other documents (`operative paragraph 3 of resolution 64/1`, `E/CN.7/2021/2, para. 12`)
 * are reported as external, never as citations of the summary.
 *
 * The scanner runs in linear time: one regular expression without nested quantifiers finds the
 * keywords, and a hand-written reader consumes each citation once; look-behind checks read a bounded
 * window before the keyword.
 */
import { isLetterCode, isLetterOrNumberCode } from '../chars';
import { isSpaceCode as isRegexSpace } from '../summary/sentences';

export interface NumberToken {
  value: number;
  start: number;
  end: number;
}

export interface CitationItem {
  from: NumberToken;
  /** The end of a range (`13–15`); absent for a single number. */
  to?: NumberToken;
  /** The range separator as written: `–`, `-`, ` to `, ` a `. */
  dash?: { start: number; end: number; text: string };
}

export type Language = 'en' | 'fr' | 'es';

export interface Keyword {
  start: number;
  end: number;
  text: string;
  /** Written as a plural (`paras.`, `paragraphs`, `¶¶`, `párrs.`); null when the form has no number (`par.`). */
  plural: boolean | null;
  /** `para.`, `paras.`, `par.`, `párr.` (not `paragraph`, `¶`). */
  abbreviated: boolean;
  /** The abbreviation is followed by its full stop. */
  dot: boolean;
  pilcrow: boolean;
  language: Language;
}

export interface Citation {
  start: number;
  end: number;
  text: string;
  keyword: Keyword;
  items: CitationItem[];
  numbers: NumberToken[];
  /** The cited paragraph numbers, distinct and sorted (a reversed range cites the same paragraphs). */
  paragraphs: number[];
  /** `of the Chair's summary` and the like, when present. */
  suffix?: { start: number; end: number };
  /** A reference to another document (resolution, convention, document symbol…). */
  external: boolean;
  externalReason?: string;
}

/**
 * Candidates: "para…", "par.", "párr…" at the start of a word, in any case (and, found apart, every
 * pilcrow). A plain regex V8 scans about as fast as a literal; each candidate is then read by hand.
 */
const CANDIDATE = /\b[pP][aAáÁ][rR](?:[aArR]|\.)/g;
const CANDIDATE_LENGTH = 4;
const MAX_DIGITS = 6;
const MAX_EXPANSION = 500;
/** How many numbers the ranges of one citation may add in all (see expand). */
const MAX_EXPANDED = 10_000;
/** How far before its keyword a citation is read to tell another document's paragraph (externalBefore). */
export const LOOKBEHIND = 80;

const OURS_SUFFIX = /\s*,?\s+(?:of\s+(?:the\s+)?(?:(?:Chair['’]s|present|this)\s+)?summary|du\s+résumé|del\s+resumen)\b/iy;
const OTHER_SUFFIX = /\s*,?\s+of\s+(?:the\s+|document\s+|resolution\s+|decision\s+)?(\S{1,40})/iy;

/** [cheap test on the window before the keyword, the real test, what it means]. */
const EXTERNAL_BEFORE: [(window: string, last: string) => boolean, RegExp, string][] = [
  [
    (_w, last) => last === 'e' || last === 'r',
    /\b(?:operative|preambular)\s+$/i,
    'an operative or preambular paragraph of another text',
  ],
  [(_w, last) => last === ',', /\barticles?\s+\d+[a-z]?\s*,\s*$/i, 'a paragraph of an article of another instrument'],
  [
    (w) => w.includes('/'),
    /\b[A-Z]{1,8}\/[A-Z0-9][A-Za-z0-9./()-]*\s*,?\s*$/,
    'a paragraph of another document (document symbol)',
  ],
  [
    (_w, last) => last === ',',
    /\b(?:resolution|decision|annex|convention|report|declaration)\s+[\w./-]+\s*,\s*$/i,
    'a paragraph of another document',
  ],
];

type KeywordKind = Pick<Keyword, 'plural' | 'abbreviated' | 'pilcrow' | 'language'>;

const KEYWORDS: Record<string, KeywordKind> = {
  para: { plural: false, abbreviated: true, pilcrow: false, language: 'en' },
  paras: { plural: true, abbreviated: true, pilcrow: false, language: 'en' },
  paragraph: { plural: false, abbreviated: false, pilcrow: false, language: 'en' },
  paragraphs: { plural: true, abbreviated: false, pilcrow: false, language: 'en' },
  '¶': { plural: false, abbreviated: false, pilcrow: true, language: 'en' },
  '¶¶': { plural: true, abbreviated: false, pilcrow: true, language: 'en' },
  // French "par." is both singular and plural.
  par: { plural: null, abbreviated: true, pilcrow: false, language: 'fr' },
  párr: { plural: false, abbreviated: true, pilcrow: false, language: 'es' },
  párrs: { plural: true, abbreviated: true, pilcrow: false, language: 'es' },
};

/** Lower-case ASCII letter at `i` of `text` (0 when not a letter). */
function lowerAt(text: string, i: number): number {
  return text.charCodeAt(i) | 0x20;
}

/** Which keyword the letters [start, end) spell, by character codes (no string building). */
function keywordKind(text: string, start: number, end: number): KeywordKind | undefined {
  const len = end - start;
  if (text.charCodeAt(start) === 0xb6) return len === 1 ? KEYWORDS['¶'] : KEYWORDS['¶¶'];
  const accented = text[start + 1] === 'á' || text[start + 1] === 'Á';
  if (accented) {
    // párr, párrs
    if (len === 4 && lowerAt(text, start + 3) === 0x72) return KEYWORDS.párr;
    if (len === 5 && lowerAt(text, start + 3) === 0x72 && lowerAt(text, start + 4) === 0x73) return KEYWORDS.párrs;
    return undefined;
  }
  if (len === 3) return KEYWORDS.par;
  if (lowerAt(text, start + 3) !== 0x61) return undefined;
  if (len === 4) return KEYWORDS.para;
  if (len === 5) return lowerAt(text, start + 4) === 0x73 ? KEYWORDS.paras : undefined;
  if (len !== 9 && len !== 10) return undefined;
  for (let k = 0; k < 5; k++) if (lowerAt(text, start + 4 + k) !== 'graph'.charCodeAt(k)) return undefined;
  if (len === 9) return KEYWORDS.paragraph;
  return lowerAt(text, start + 9) === 0x73 ? KEYWORDS.paragraphs : undefined;
}

/**
 * Where the keyword whose letters are [start, end) ends, after its full stop if it has one; -1 when a full
 * stop it needs is missing. (The Keyword object itself is made only when a citation's keyword is read.)
 */
function keywordEnd(text: string, end: number, kind: KeywordKind): number {
  const dot = text.charCodeAt(end) === 46;
  // "par" alone is an ordinary French word: the abbreviation needs its full stop.
  if (kind.language === 'fr' && !dot) return -1;
  return dot ? end + 1 : end;
}

function isLetterAt(text: string, i: number): boolean {
  return isLetterCode(text.charCodeAt(i));
}

/** Letters, digits and "_" (ASCII fast path; other scripts by Unicode property). */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 95 || isLetterOrNumberCode(c);
}

/** Skips horizontal spaces and at most one line break; returns the new position. */
function skipSpace(text: string, pos: number, max = 4): number {
  let p = pos;
  let newline = false;
  while (p < text.length && p - pos < max) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x202f) p++;
    else if ((c === 10 || c === 13) && !newline) {
      newline = true;
      p++;
      if (c === 13 && text.charCodeAt(p) === 10) p++;
    } else break;
  }
  return p;
}

/** The end of the run of digits at `pos` (where scanning may resume after a number that is not one). */
function digitsEnd(text: string, pos: number): number {
  let p = pos;
  while (isDigitAt(text, p)) p++;
  return p;
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The value of the number `readNumber` read last (a number is read without making an object for it). */
let numberValue = 0;

/**
 * A paragraph number at `pos`: 1–6 digits, not part of "16.4", "24th" or "24a". Returns where it ends (its
 * value in `numberValue`), or -1.
 */
function readNumber(text: string, pos: number): number {
  let p = pos;
  let value = 0;
  while (isDigitAt(text, p)) {
    value = value * 10 + (text.charCodeAt(p) - 48);
    p++;
    if (p - pos > MAX_DIGITS) return -1;
  }
  if (p === pos) return -1;
  const c = text.charCodeAt(p);
  if ((c === 46 || c === 44) && isDigitAt(text, p + 1)) return -1;
  if (isLetterAt(text, p)) return -1;
  numberValue = value;
  return p;
}

/** The end of the run of `\s` at `pos`. */
function spacesEnd(text: string, pos: number): number {
  let p = pos;
  while (isRegexSpace(text.charCodeAt(p))) p++;
  return p;
}

/** Whether `word` (lower-case ASCII letters) stands at `pos`, in any case. */
function wordAt(text: string, pos: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(pos + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** Where `word` then `\s+` ends at `pos` (any case), or -1: `and\s+`. */
function wordThenSpaces(text: string, pos: number, word: string): number {
  if (!wordAt(text, pos, word)) return -1;
  const p = spacesEnd(text, pos + word.length);
  return p > pos + word.length ? p : -1;
}

/**
 * Where a list separator at `pos` ends, or -1: what `/(?:\s*,\s*(?:and\s+|y\s+|et\s+)?|\s+(?:and|y|et)\s+|\s*&\s*)/iy`
 * matches (by hand: no match object for each item of a list of 300,000).
 */
function listSeparatorEnd(text: string, pos: number): number {
  const lead = spacesEnd(text, pos);
  const c = text.charCodeAt(lead);
  if (c === 44) {
    const p = spacesEnd(text, lead + 1);
    // (Most often a number follows the comma: the words are looked for only after one of their first letters.)
    if (startsListWord(text, p))
      for (const word of LIST_WORDS) {
        const q = wordThenSpaces(text, p, word);
        if (q >= 0) return q;
      }
    return p;
  }
  if (lead > pos && startsListWord(text, lead)) {
    for (const word of LIST_WORDS) {
      const q = wordThenSpaces(text, lead, word);
      if (q >= 0) return q;
    }
  }
  if (c === 38) return spacesEnd(text, lead + 1);
  return -1;
}

const LIST_WORDS = ['and', 'y', 'et'];

/** Whether the character at `pos` is the first letter of one of LIST_WORDS, in any case. */
function startsListWord(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos) | 0x20;
  return c === 0x61 || c === 0x79 || c === 0x65;
}

/**
 * A range word at `pos`, as `/\s+(to|a|à|au)\s+/iy` matches it: sets `rangeWordStart` and `rangeWordEnd`
 * (the word) and returns where the match ends, or -1.
 */
function rangeWordEnd(text: string, pos: number): number {
  const p = spacesEnd(text, pos);
  if (p === pos) return -1;
  const c = text.charCodeAt(p) | 0x20;
  if (c === 0x74) return (text.charCodeAt(p + 1) | 0x20) === 0x6f ? rangeWordThenSpaces(text, p, p + 2) : -1;
  if (c === 0xe0) return rangeWordThenSpaces(text, p, p + 1);
  if (c !== 0x61) return -1;
  // (In the regular expression's order: "a" before "au".)
  const q = rangeWordThenSpaces(text, p, p + 1);
  if (q >= 0 || (text.charCodeAt(p + 1) | 0x20) !== 0x75) return q;
  return rangeWordThenSpaces(text, p, p + 2);
}

/** The range word [start, wordEnd) when `\s+` follows it: where they end (and the word in rangeWordStart/rangeWordEnd_), or -1. */
function rangeWordThenSpaces(text: string, start: number, wordEnd: number): number {
  const q = spacesEnd(text, wordEnd);
  if (q === wordEnd) return -1;
  rangeWordStart = start;
  rangeWordEnd_ = wordEnd;
  return q;
}

let rangeWordStart = 0;
let rangeWordEnd_ = 0;

function isDashCode(c: number): boolean {
  // – — - ‒ −
  return c === 0x2013 || c === 0x2014 || c === 0x2d || c === 0x2012 || c === 0x2212;
}

/** The range readRange read last: its end's value, start and end, and its dash's start and end. */
let rangeValue = 0;
let rangeToStart = 0;
let rangeDashStart = 0;
let rangeDashEnd = 0;

/**
 * Reads "–15", " to 15", " a 15" after the number that ends at `pos`: when there is a range, returns where
 * it ends (and sets rangeValue, rangeToStart, rangeDashStart, rangeDashEnd); otherwise returns -1.
 */
function readRange(text: string, pos: number, language: Language): number {
  let p = skipSpace(text, pos, 2);
  if (isDashCode(text.charCodeAt(p))) {
    const dashAt = p;
    p = skipSpace(text, p + 1, 2);
    const toEnd = readNumber(text, p);
    if (toEnd < 0) return -1;
    rangeValue = numberValue;
    rangeToStart = p;
    rangeDashStart = dashAt;
    rangeDashEnd = dashAt + 1;
    return toEnd;
  }
  // Cheap look first: the range words start with t, a or à after a space.
  const next = text.charCodeAt(p) | 0x20;
  if (p !== pos && (next === 0x74 || next === 0x61 || next === 0xe0)) {
    const matchEnd = rangeWordEnd(text, pos);
    const wordStart = rangeWordStart;
    const wordLength = rangeWordEnd_ - rangeWordStart;
    // "a" is Spanish, "à" and "au" French ("to" is read in any language).
    const first = text.charCodeAt(wordStart) | 0x20;
    const word = first === 0x74 ? 'to' : first === 0xe0 ? 'à' : wordLength === 1 ? 'a' : 'au';
    const fits =
      matchEnd >= 0 && !((word === 'a' && language !== 'es') || ((word === 'à' || word === 'au') && language !== 'fr'));
    const toEnd = fits ? readNumber(text, matchEnd) : -1;
    if (toEnd >= 0) {
      rangeValue = numberValue;
      rangeToStart = matchEnd;
      // The dash of a range word is the word with a space either side: " to ".
      rangeDashStart = wordStart - 1;
      rangeDashEnd = wordStart + wordLength + 1;
      return toEnd;
    }
  }
  return -1;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * Why the citation whose keyword starts at `start` is a paragraph of another document, read from what stands
 * before it: at most LOOKBEHIND characters, none before `floor` (where the text read starts: the draft
 * session checks a draft block by block, and compares floors to tell whether a block may be read alone).
 */
export function externalBefore(text: string, start: number, floor = 0): string | undefined {
  const from = Math.max(floor, start - LOOKBEHIND);
  let i = start - 1;
  while (i >= from && isSpaceCode(text.charCodeAt(i))) i--;
  const lastCode = i >= from ? text.charCodeAt(i) | 0x20 : 0;
  const last =
    lastCode === 0x65 ? 'e' : lastCode === 0x72 ? 'r' : lastCode === (44 | 0x20) && text.charCodeAt(i) === 44 ? ',' : '';
  // A document symbol ("E/CN.7/2021/2, para. 12") is the word just before: look for its "/" there only.
  let k = last === ',' ? i - 1 : i;
  while (k >= from && isSpaceCode(text.charCodeAt(k))) k--;
  let slash = false;
  for (; k >= from && !slash && !isSpaceCode(text.charCodeAt(k)); k--) slash = text.charCodeAt(k) === 47;
  // Most citations stand after a plain word: nothing to look at.
  if (!slash && last !== ',' && last !== 'e' && last !== 'r') return undefined;
  const window = text.slice(from, start);
  for (const [cheap, re, reason] of EXTERNAL_BEFORE) if (cheap(window, last) && re.test(window)) return reason;
  return undefined;
}

/**
 * The paragraphs the items cite, distinct and sorted. A range wider than MAX_EXPANSION stands for its two
 * ends only, and so does every range once a citation has expanded MAX_EXPANDED numbers: a citation of 10,000
 * paragraphs is not one of a 37-paragraph summary, and expanding 500 numbers per 7 characters of text
 * (`1–500, 502–1000, …`) would make the list many times longer than the text.
 * Linear in the items and the output: intervals sorted by their start (already sorted when the draft lists
 * them in order) and merged, where a set of every number added was as slow as its longest ranges.
 */
function expand(flat: readonly number[]): number[] {
  const single = flat[3] === 1 ? flat.length === 9 : flat.length === 4;
  if (single) {
    const a = flat[0];
    const b = flat[3] === 1 ? flat[4] : a;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo > MAX_EXPANSION) return [lo, hi];
    const out: number[] = [];
    for (let n = lo; n <= hi; n++) out.push(n);
    return out;
  }
  // In one pass while the intervals come sorted by their start (as drafts list them); otherwise again, sorted.
  const out: number[] = [];
  // `next`: the smallest number not yet written (the output is sorted and distinct).
  let next = -Infinity;
  let lastLo = -Infinity;
  let expanded = 0;
  for (let i = 0; i < flat.length; i += flat[i + 3] === 1 ? 9 : 4) {
    const a = flat[i];
    const b = flat[i + 3] === 1 ? flat[i + 4] : a;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (lo < lastLo) return expandUnsorted(flat);
    if (hi - lo > MAX_EXPANSION || expanded + (hi - lo) > MAX_EXPANDED) {
      if (lo >= next) out.push(lo);
      if (hi >= next && hi !== lo) out.push(hi);
      lastLo = hi;
    } else {
      expanded += hi - lo;
      for (let n = Math.max(lo, next); n <= hi; n++) out.push(n);
      lastLo = lo;
    }
    next = Math.max(next, hi + 1);
  }
  return out;
}

/** expand, for items not sorted by their start. */
function expandUnsorted(flat: readonly number[]): number[] {
  // The intervals to write, flat: [lo, hi, lo, hi, …], at most two per item (numbers have at most MAX_DIGITS
  // digits: they fit in 32 bits). In an array made at its size: a list may have 100,000 items.
  let items = 0;
  for (let i = 0; i < flat.length; i += flat[i + 3] === 1 ? 9 : 4) items++;
  const intervals = new Int32Array(4 * items);
  let length = 0;
  let expanded = 0;
  let sorted = true;
  const add = (lo: number, hi: number) => {
    if (length > 0 && lo < intervals[length - 2]) sorted = false;
    intervals[length++] = lo;
    intervals[length++] = hi;
  };
  for (let i = 0; i < flat.length; i += flat[i + 3] === 1 ? 9 : 4) {
    // The smaller and the larger end of the item's range (the same number twice for a single one).
    const a = flat[i];
    const b = flat[i + 3] === 1 ? flat[i + 4] : a;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo > MAX_EXPANSION || expanded + (hi - lo) > MAX_EXPANDED) {
      add(lo, lo);
      add(hi, hi);
    } else {
      expanded += hi - lo;
      add(lo, hi);
    }
  }
  if (!sorted) {
    // When the numbers span little more than the intervals themselves (`1–500, 1–500, …`), each interval is
    // marked in a table of the span and the table read in order: no sort.
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < length; i += 2) {
      min = Math.min(min, intervals[i]);
      max = Math.max(max, intervals[i + 1]);
    }
    if (max - min + 1 <= 4 * length + 16_384) {
      const marked = new Uint8Array(max - min + 1);
      for (let i = 0; i < length; i += 2) marked.fill(1, intervals[i] - min, intervals[i + 1] - min + 1);
      const out: number[] = [];
      for (let k = 0; k < marked.length; k++) if (marked[k] === 1) out.push(min + k);
      return out;
    }
    // Sorted by start as numbers lo·2²⁰ + hi (both under a million, so exact in a double): a typed array
    // sorts numbers without a comparator or an object per interval.
    const keys = new Float64Array(length / 2);
    for (let i = 0; i < keys.length; i++) keys[i] = intervals[2 * i] * 0x100000 + intervals[2 * i + 1];
    keys.sort();
    for (let i = 0; i < keys.length; i++) {
      intervals[2 * i] = Math.floor(keys[i] / 0x100000);
      intervals[2 * i + 1] = keys[i] % 0x100000;
    }
  }
  const out: number[] = [];
  // `next`: the smallest number not yet written (the output is sorted and distinct).
  let next = -Infinity;
  for (let i = 0; i < length; i += 2) {
    for (let n = Math.max(intervals[i], next); n <= intervals[i + 1]; n++) out.push(n);
    next = Math.max(next, intervals[i + 1] + 1);
  }
  return out;
}

/**
 * Reads one citation whose keyword is [start, stop); when no number follows, returns where scanning may
 * resume instead.
 */
function readCitation(text: string, start: number, stop: number, kind: KeywordKind): Citation | number {
  const first = skipSpace(text, stop);
  const firstEnd = readNumber(text, first);
  if (firstEnd < 0) return Math.max(digitsEnd(text, first), stop);
  const firstValue = numberValue;
  const several = readItems(text, first, firstEnd, firstValue, kind.language, undefined);
  const oneRange = itemsOneRange;
  const p = itemsEnd;
  // A long list is read again into an array of its size, kept; a short one is read again when asked for.
  let flat: number[] | undefined;
  if (several && itemsCount >= KEPT_ITEMS) {
    flat = new Array<number>(itemsCount);
    readItems(text, first, firstEnd, firstValue, kind.language, flat);
  }
  let end = p;
  let suffix: Citation['suffix'];
  let externalReason = externalBefore(text, start);
  // Cheap look first: both suffix patterns start with ", of", "of", "du" or "del".
  const q = skipSpace(text, text[skipSpace(text, p, 2)] === ',' ? skipSpace(text, p, 2) + 1 : p, 3);
  const lead = text.charCodeAt(q) | 0x20;
  const maybeSuffix = q > p && (lead === 0x6f || lead === 0x64);
  OURS_SUFFIX.lastIndex = p;
  const ours = maybeSuffix ? OURS_SUFFIX.exec(text) : null;
  if (ours) {
    const s = p + (ours[0].length - ours[0].trimStart().length);
    suffix = { start: s, end: p + ours[0].length };
    end = suffix.end;
  } else {
    OTHER_SUFFIX.lastIndex = p;
    const other = maybeSuffix ? OTHER_SUFFIX.exec(text) : null;
    if (other && !externalReason)
      externalReason = `a paragraph of another text (“of ${other[0].replace(/^\s*,?\s+of\s+/i, '').slice(0, 40)}”)`;
  }
  return new ScannedCitation(text, start, end, kind, flat, several, oneRange, first, suffix, externalReason);
}

/** Where the items readItems read last end. */
let itemsEnd = 0;
/** Whether the citation readItems read last is one range alone (it then found no list). */
let itemsOneRange = false;
/** How many numbers readItems wrote last (or would have written, when it only counted). */
let itemsCount = 0;

/**
 * Reads a citation's items from its first number [first, firstEnd) of value `firstValue`: whether there are
 * several (a list); sets itemsEnd, itemsOneRange (one range alone), and itemsCount, how many numbers the list
 * takes flat (see ScannedCitation). With `out`, writes them there from index 0; without, only counts them:
 * the scan keeps only long lists, and makes their array once at its size (a list of 300,000 numbers grown
 * push by push made three times its memory).
 */
function readItems(
  text: string,
  first: number,
  firstEnd: number,
  firstValue: number,
  language: Language,
  out: number[] | undefined,
): boolean {
  let several = false;
  let k = 0;
  let value = firstValue;
  let valueStart = first;
  let valueEnd = firstEnd;
  let p = firstEnd;
  // The first item's range, until a second item is found (none while r0End is -1).
  let r0Value = 0;
  let r0Start = 0;
  let r0End = -1;
  let r0DashStart = 0;
  let r0DashEnd = 0;
  for (;;) {
    const rangeEnd = readRange(text, p, language);
    if (rangeEnd >= 0) {
      if (several) {
        if (out) writeItem(out, k, value, valueStart, valueEnd, rangeValue, rangeToStart, rangeEnd, rangeDashStart, rangeDashEnd);
        k += 9;
      } else {
        r0Value = rangeValue;
        r0Start = rangeToStart;
        r0End = rangeEnd;
        r0DashStart = rangeDashStart;
        r0DashEnd = rangeDashEnd;
      }
      p = rangeEnd;
    } else if (several) {
      if (out) writeItem(out, k, value, valueStart, valueEnd, 0, 0, -1, 0, 0);
      k += 4;
    }
    // Cheap look first: a list goes on with ",", "&", "and", "y" or "et".
    const q = skipSpace(text, p, 3);
    const c = text.charCodeAt(q);
    const lower = c | 0x20;
    if (c !== 44 && c !== 38 && !(q > p && (lower === 0x61 || lower === 0x79 || lower === 0x65))) break;
    const sepEnd = listSeparatorEnd(text, p);
    if (sepEnd <= p) break;
    const nEnd = readNumber(text, sepEnd);
    if (nEnd < 0) break;
    if (!several) {
      // A second item: the first one is written now.
      several = true;
      if (out) writeItem(out, 0, value, valueStart, valueEnd, r0Value, r0Start, r0End, r0DashStart, r0DashEnd);
      k = r0End >= 0 ? 9 : 4;
    }
    value = numberValue;
    valueStart = sepEnd;
    valueEnd = nEnd;
    p = nEnd;
  }
  itemsEnd = p;
  itemsOneRange = !several && r0End >= 0;
  itemsCount = k;
  return several;
}

/** One item, flat (see ScannedCitation), at `k`: its number, and its range's end and dash when `toEnd` is not -1. */
function writeItem(
  out: number[],
  k: number,
  value: number,
  start: number,
  end: number,
  toValue: number,
  toStart: number,
  toEnd: number,
  dashStart: number,
  dashEnd: number,
): void {
  out[k] = value;
  out[k + 1] = start;
  out[k + 2] = end;
  if (toEnd < 0) {
    out[k + 3] = 0;
    return;
  }
  out[k + 3] = 1;
  out[k + 4] = toValue;
  out[k + 5] = toStart;
  out[k + 6] = toEnd;
  out[k + 7] = dashStart;
  out[k + 8] = dashEnd;
}

/** Items arrays this long or longer are kept; shorter ones are read again from the text when asked for. */
const KEPT_ITEMS = 64;

/**
 * A citation as the scanner found it, kept small: a draft may hold hundreds of thousands of citations, and
 * what a scan keeps alive, the garbage collector copies and traces (on a 1 MB draft of `para. 1 ` that cost
 * several times the scan itself). So a citation is one object: its keyword is its kind (shared) and where it
 * ends; its items are one array of small integers (see `flat`), or three fields for the most common citation,
 * one number alone. The Keyword, the items, the numbers, the cited paragraphs and the text are made when read,
 * anew at each read: read each once.
 */
class ScannedCitation implements Citation {
  /**
   * For a citation of one number without a range, where the number starts (its value and its end are read
   * from the text again); for one range alone, -2 minus where its first number starts (the range is read
   * again); otherwise every item, flat: its number's value, start and end; then 0, or 1 followed by the
   * range's end (value, start, end) and its dash (start, end).
   */
  private readonly numbers_: number | number[];
  // (-1: several items, read again from the text when asked for: see KEPT_ITEMS.)
  /** The suffix and the reason it is external, when it has either (most citations have neither). */
  private readonly extra: { suffix?: { start: number; end: number }; externalReason?: string } | undefined;

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    private readonly kind: KeywordKind,
    /** A long list's items (KEPT_ITEMS numbers or more); undefined for a short one, read again when asked for. */
    flat: number[] | undefined,
    several: boolean,
    oneRange: boolean,
    valueStart: number,
    suffix: { start: number; end: number } | undefined,
    externalReason: string | undefined,
  ) {
    this.numbers_ = flat ?? (several ? -1 : oneRange ? -2 - valueStart : valueStart);
    this.extra = suffix || externalReason !== undefined ? { suffix, externalReason } : undefined;
  }

  get suffix(): { start: number; end: number } | undefined {
    return this.extra?.suffix;
  }

  get externalReason(): string | undefined {
    return this.extra?.externalReason;
  }

  get external(): boolean {
    return this.extra?.externalReason !== undefined;
  }

  private get flat(): number[] | undefined {
    const n = this.numbers_;
    if (typeof n !== 'number') return n;
    if (n >= 0) return undefined;
    const { source } = this;
    if (n <= -2) {
      // One range alone, read again.
      const fromStart = -2 - n;
      const fromEnd = readNumber(source, fromStart);
      const fromValue = numberValue;
      const toEnd = readRange(source, fromEnd, this.kind.language);
      return [fromValue, fromStart, fromEnd, 1, rangeValue, rangeToStart, toEnd, rangeDashStart, rangeDashEnd];
    }
    // The items as readCitation read them, read again.
    const first = skipSpace(source, this.keywordEnd);
    const firstEnd = readNumber(source, first);
    const items: number[] = [];
    readItems(source, first, firstEnd, numberValue, this.kind.language, items);
    return items;
  }

  /** The number, when the citation is one number without a range; -1 otherwise. */
  private get value(): number {
    const n = this.numbers_;
    if (typeof n !== 'number' || n < 0) return -1;
    let value = 0;
    for (let p = n; isDigitAt(this.source, p); p++) value = value * 10 + (this.source.charCodeAt(p) - 48);
    return value;
  }

  private get valueStart(): number {
    const n = this.numbers_;
    return typeof n === 'number' && n >= 0 ? n : -1;
  }

  private get valueEnd(): number {
    const n = this.numbers_;
    return typeof n === 'number' && n >= 0 ? digitsEnd(this.source, n) : -1;
  }

  /** Where the keyword ends, after its full stop if it has one (found again as findCitations found it). */
  private get keywordEnd(): number {
    const { kind, start, source } = this;
    if (kind.pilcrow) return keywordEnd(source, start + (kind.plural ? 2 : 1), kind);
    let end = start + 3;
    while (end - start < 11 && isLetterAt(source, end)) end++;
    return keywordEnd(source, end, kind);
  }

  get keyword(): Keyword {
    const { kind, start } = this;
    const end = this.keywordEnd;
    return {
      start,
      end,
      text: this.source.slice(start, end),
      plural: kind.plural,
      abbreviated: kind.abbreviated,
      // The keyword's letters are never a full stop: it has one when it ends with one.
      dot: this.source.charCodeAt(end - 1) === 46,
      pilcrow: kind.pilcrow,
      language: kind.language,
    };
  }

  get text(): string {
    return this.source.slice(this.start, this.end);
  }

  get items(): CitationItem[] {
    const { flat, source } = this;
    if (!flat) return [{ from: { value: this.value, start: this.valueStart, end: this.valueEnd } }];
    const out: CitationItem[] = [];
    for (let i = 0; i < flat.length;) {
      const item: CitationItem = { from: { value: flat[i], start: flat[i + 1], end: flat[i + 2] } };
      if (flat[i + 3] === 1) {
        item.to = { value: flat[i + 4], start: flat[i + 5], end: flat[i + 6] };
        const dashStart = flat[i + 7];
        const dashEnd = flat[i + 8];
        // A dash is one character; a range word is written with a space either side (" to ", " a ").
        const dash = dashEnd - dashStart === 1 ? source[dashStart] : ` ${source.slice(dashStart + 1, dashEnd - 1)} `;
        item.dash = { start: dashStart, end: dashEnd, text: dash };
        i += 9;
      } else i += 4;
      out.push(item);
    }
    return out;
  }

  /** See forEachItem: the items one at a time, in one reused object. */
  visitItems(visit: (item: Readonly<CitationItem>) => boolean | void): void {
    // The objects of the last visit, unless a visit is under way (a visitor that visits another citation).
    const reuse = !visiting;
    visiting = true;
    try {
      this.visitWith(visit, reuse ? shared : newVisitObjects());
    } finally {
      if (reuse) visiting = false;
    }
  }

  private visitWith(visit: (item: Readonly<CitationItem>) => boolean | void, objects: VisitObjects): void {
    const { flat, source } = this;
    const { from, item, to, dash } = objects;
    from.value = this.value;
    from.start = this.valueStart;
    from.end = this.valueEnd;
    item.to = undefined;
    item.dash = undefined;
    if (!flat) {
      visit(item);
      return;
    }
    for (let i = 0; i < flat.length;) {
      from.value = flat[i];
      from.start = flat[i + 1];
      from.end = flat[i + 2];
      if (flat[i + 3] === 1) {
        to.value = flat[i + 4];
        to.start = flat[i + 5];
        to.end = flat[i + 6];
        dash.start = flat[i + 7];
        dash.end = flat[i + 8];
        dash.text = dash.end - dash.start === 1 ? source[dash.start] : ` ${source.slice(dash.start + 1, dash.end - 1)} `;
        item.to = to;
        item.dash = dash;
        i += 9;
      } else {
        item.to = undefined;
        item.dash = undefined;
        i += 4;
      }
      if (visit(item) === false) return;
    }
  }

  /** See onlyParagraph. */
  get only(): number | undefined {
    const n = this.numbers_;
    return typeof n === 'number' && n >= 0 ? this.value : undefined;
  }

  /** `keyword.plural`, without making the Keyword. */
  get plural(): boolean | null {
    return this.kind.plural;
  }

  /** Whether it cites more than one paragraph (`paragraphs.length > 1`), without making the list. */
  get several(): boolean {
    const { flat } = this;
    if (!flat) return false;
    const first = flat[0];
    for (let i = 0; i < flat.length;) {
      if (flat[i] !== first) return true;
      if (flat[i + 3] === 1) {
        if (flat[i + 4] !== flat[i]) return true;
        i += 9;
      } else i += 4;
    }
    return false;
  }

  get numbers(): NumberToken[] {
    const { flat } = this;
    if (!flat) return [{ value: this.value, start: this.valueStart, end: this.valueEnd }];
    const out: NumberToken[] = [];
    for (let i = 0; i < flat.length;) {
      out.push({ value: flat[i], start: flat[i + 1], end: flat[i + 2] });
      if (flat[i + 3] === 1) {
        out.push({ value: flat[i + 4], start: flat[i + 5], end: flat[i + 6] });
        i += 9;
      } else i += 4;
    }
    return out;
  }

  get paragraphs(): number[] {
    const { flat } = this;
    return flat ? expand(flat) : [this.value];
  }

  /** Plain data, for JSON and for comparing citations. */
  toJSON(): object {
    return {
      start: this.start,
      end: this.end,
      text: this.text,
      keyword: this.keyword,
      items: this.items,
      numbers: this.numbers,
      paragraphs: this.paragraphs,
      suffix: this.suffix,
      external: this.external,
      externalReason: this.externalReason,
    };
  }
}

interface VisitObjects {
  from: NumberToken;
  item: CitationItem;
  to: NumberToken;
  dash: { start: number; end: number; text: string };
}

function newVisitObjects(): VisitObjects {
  const from: NumberToken = { value: 0, start: 0, end: 0 };
  return {
    from,
    item: { from, to: undefined, dash: undefined },
    to: { value: 0, start: 0, end: 0 },
    dash: { start: 0, end: 0, text: '' },
  };
}

/** The objects visitItems hands out, reused from citation to citation (see forEachItem). */
const shared = newVisitObjects();
let visiting = false;

/** `citation.keyword.plural`, without making the Keyword. */
export function keywordPlural(citation: Citation): boolean | null {
  return citation instanceof ScannedCitation ? citation.plural : citation.keyword.plural;
}

/** The paragraph a citation of one number alone cites, without making the list; undefined for any other citation. */
export function onlyParagraph(citation: Citation): number | undefined {
  if (citation instanceof ScannedCitation) return citation.only;
  const { items } = citation;
  return items.length === 1 && !items[0].to ? items[0].from.value : undefined;
}

/** Whether the citation cites more than one paragraph (`paragraphs.length > 1`), without making the list when it can. */
export function citesSeveral(citation: Citation): boolean {
  return citation instanceof ScannedCitation ? citation.several : citation.paragraphs.length > 1;
}

/** Every citation in `text`, in order, external references included (flagged). */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  scanCitations(text, (c) => {
    out.push(c);
  });
  return out;
}

/**
 * Calls `visit` with every citation in `text`, in order (external references included, flagged), until it
 * returns false: findCitations for a reader that may stop early.
 */
export function scanCitations(text: string, visit: (citation: Citation) => boolean | void): void {
  // Two sorted streams of candidates, merged: "par"-like words (one plain regex, which V8 scans fast)
  // and pilcrows (indexOf).
  const re = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  let nextWord = re.test(text) ? re.lastIndex - CANDIDATE_LENGTH : -1;
  let nextPilcrow = text.indexOf('¶');
  let resume = 0;
  while (nextWord >= 0 || nextPilcrow >= 0) {
    const pilcrow = nextPilcrow >= 0 && (nextWord < 0 || nextPilcrow < nextWord);
    const at = pilcrow ? nextPilcrow : nextWord;
    let end = at + (pilcrow ? 1 : 3);
    if (pilcrow) {
      if (text.charCodeAt(end) === 0xb6) end++;
    } else {
      // The letters of "para", "paras", "paragraph(s)", "par", "párr(s)".
      while (end - at < 11 && isLetterAt(text, end)) end++;
    }
    let next = end;
    if (!(at > 0 && isWordAt(text, at - 1)) && !isLetterAt(text, end)) {
      const kind = keywordKind(text, at, end);
      const stop = kind ? keywordEnd(text, end, kind) : -1;
      if (kind && stop >= 0) {
        const found = readCitation(text, at, stop, kind);
        if (typeof found === 'number') next = Math.max(found, end);
        else {
          if (visit(found) === false) return;
          next = found.end;
        }
      }
    }
    resume = Math.max(resume, next);
    if (pilcrow) nextPilcrow = text.indexOf('¶', Math.max(resume, at + 1));
    // Each stream only moves forward: the word stream is searched again only when this candidate was a
    // word, or when the citation just read ran past the next word. Once no word is left (-1) it is never
    // searched again (searching it again at every pilcrow read the rest of the text each time: quadratic).
    if (!pilcrow || (nextWord >= 0 && nextWord < resume)) {
      re.lastIndex = Math.max(resume, nextWord + 1);
      nextWord = re.test(text) ? re.lastIndex - CANDIDATE_LENGTH : -1;
    }
    if (nextPilcrow >= 0 && nextPilcrow < resume) nextPilcrow = text.indexOf('¶', resume);
  }
}

/**
 * Calls `visit` with each item of `citation`, in order, until it returns false. For a citation from
 * findCitations the item is one object reused from call to call: read it, do not keep it. (A list of 300,000
 * numbers is then read without making an object for each, as `citation.items` does.)
 */
export function forEachItem(citation: Citation, visit: (item: Readonly<CitationItem>) => boolean | void): void {
  if (citation instanceof ScannedCitation) citation.visitItems(visit);
  else for (const item of citation.items) if (visit(item) === false) return;
}

/** The citation of the summary that covers `offset` (inclusive of both ends). */
export function citationAt(citations: Citation[], offset: number): Citation | undefined {
  return citations.find((c) => offset >= c.start && offset <= c.end);
}

/** The number token under `offset` in a citation, if any. */
export function numberAt(citation: Citation, offset: number): NumberToken | undefined {
  return citation.numbers.find((n) => offset >= n.start && offset <= n.end);
}
