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
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
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
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c === c && LETTER.test(text[i]);
}

/** Letters, digits and "_" (ASCII fast path; other scripts by Unicode property). */
function isWordAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== c) return false;
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return LETTER_OR_DIGIT.test(text[i]);
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

/** A paragraph number at `pos`: 1–6 digits, not part of "16.4", "24th" or "24a". */
function readNumber(text: string, pos: number): NumberToken | undefined {
  let p = pos;
  let value = 0;
  while (isDigitAt(text, p)) {
    value = value * 10 + (text.charCodeAt(p) - 48);
    p++;
    if (p - pos > MAX_DIGITS) return undefined;
  }
  if (p === pos) return undefined;
  const c = text.charCodeAt(p);
  if ((c === 46 || c === 44) && isDigitAt(text, p + 1)) return undefined;
  if (isLetterAt(text, p)) return undefined;
  return { value, start: pos, end: p };
}

const RANGE_WORD = /\s+(to|a|à|au)\s+/iy;
const LIST_SEP = /(?:\s*,\s*(?:and\s+|y\s+|et\s+)?|\s+(?:and|y|et)\s+|\s*&\s*)/iy;

function isDashCode(c: number): boolean {
  // – — - ‒ −
  return c === 0x2013 || c === 0x2014 || c === 0x2d || c === 0x2012 || c === 0x2212;
}

/**
 * Reads "–15", " to 15", " a 15" after the number that ends at `pos`: when there is a range, appends it to
 * `flat` (1, its end's value, start and end, its dash's start and end: see ScannedCitation.flat) and returns
 * where it ends; otherwise appends 0 and returns -1.
 */
function readRange(text: string, pos: number, language: Language, flat: number[]): number {
  let p = skipSpace(text, pos, 2);
  if (isDashCode(text.charCodeAt(p))) {
    const dashAt = p;
    p = skipSpace(text, p + 1, 2);
    const to = readNumber(text, p);
    if (to) {
      flat.push(1, to.value, to.start, to.end, dashAt, dashAt + 1);
      return to.end;
    }
    flat.push(0);
    return -1;
  }
  // Cheap look first: the range words start with t, a or à after a space.
  const next = text.charCodeAt(p) | 0x20;
  if (p !== pos && (next === 0x74 || next === 0x61 || next === 0xe0)) {
    RANGE_WORD.lastIndex = pos;
    const m = RANGE_WORD.exec(text);
    const word = m ? m[1].toLowerCase() : '';
    const fits = m && !((word === 'a' && language !== 'es') || ((word === 'à' || word === 'au') && language !== 'fr'));
    const to = fits ? readNumber(text, pos + m[0].length) : undefined;
    if (m && to) {
      // The dash of a range word is the word with a space either side: " to ".
      const wordStart = pos + m[0].indexOf(m[1]);
      flat.push(1, to.value, to.start, to.end, wordStart - 1, wordStart + m[1].length + 1);
      return to.end;
    }
  }
  flat.push(0);
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
  // Per item, the smaller and the larger end of its range (the same number twice for a single one).
  const ends: number[] = [];
  for (let i = 0; i < flat.length; i += flat[i + 3] === 1 ? 9 : 4) {
    const a = flat[i];
    const b = flat[i + 3] === 1 ? flat[i + 4] : a;
    ends.push(Math.min(a, b), Math.max(a, b));
  }
  if (ends.length === 2) {
    const [lo, hi] = ends;
    if (hi - lo > MAX_EXPANSION) return [lo, hi];
    const out: number[] = [];
    for (let n = lo; n <= hi; n++) out.push(n);
    return out;
  }
  // The intervals to write, flat: [lo, hi, lo, hi, …].
  let intervals: number[] = [];
  let expanded = 0;
  let sorted = true;
  const add = (lo: number, hi: number) => {
    if (intervals.length > 0 && lo < intervals[intervals.length - 2]) sorted = false;
    intervals.push(lo, hi);
  };
  for (let i = 0; i < ends.length; i += 2) {
    const lo = ends[i];
    const hi = ends[i + 1];
    if (hi - lo > MAX_EXPANSION || expanded + (hi - lo) > MAX_EXPANDED) {
      add(lo, lo);
      add(hi, hi);
    } else {
      expanded += hi - lo;
      add(lo, hi);
    }
  }
  if (!sorted) {
    // Sorted by start as numbers lo·2²⁰ + hi (both under a million, so exact in a double): a typed array
    // sorts numbers without a comparator or an object per interval.
    const keys = new Float64Array(intervals.length / 2);
    for (let i = 0; i < keys.length; i++) keys[i] = intervals[2 * i] * 0x100000 + intervals[2 * i + 1];
    keys.sort();
    intervals = [];
    for (const key of keys) intervals.push(Math.floor(key / 0x100000), key % 0x100000);
  }
  const out: number[] = [];
  // `next`: the smallest number not yet written (the output is sorted and distinct).
  let next = -Infinity;
  for (let i = 0; i < intervals.length; i += 2) {
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
  let p = skipSpace(text, stop);
  const first = readNumber(text, p);
  if (!first) return Math.max(digitsEnd(text, p), stop);
  // The items, flat, as the citation keeps them (see ScannedCitation.flat).
  const flat: number[] = [];
  let from = first;
  p = first.end;
  for (;;) {
    flat.push(from.value, from.start, from.end);
    const rangeEnd = readRange(text, p, kind.language, flat);
    if (rangeEnd >= 0) p = rangeEnd;
    // Cheap look first: a list goes on with ",", "&", "and", "y" or "et".
    const q = skipSpace(text, p, 3);
    const c = text.charCodeAt(q) | 0x20;
    if (text[q] !== ',' && text[q] !== '&' && !(q > p && (c === 0x61 || c === 0x79 || c === 0x65))) break;
    LIST_SEP.lastIndex = p;
    const sep = LIST_SEP.exec(text);
    if (!sep || sep[0].length === 0) break;
    const n = readNumber(text, p + sep[0].length);
    if (!n) break;
    from = n;
    p = n.end;
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
  return new ScannedCitation(text, start, end, stop, kind, flat, suffix, externalReason);
}

/**
 * A citation as the scanner found it, kept small: a draft may hold hundreds of thousands of citations, and
 * what a scan keeps alive, the garbage collector copies and traces (on a 1 MB draft of `para. 1 ` that cost
 * several times the scan itself). So a citation is one object: its keyword is its kind (shared) and where it
 * ends; its items are one array of small integers (see `flat`), or three fields for the most common citation,
 * one number alone. The Keyword, the items, the numbers, the cited paragraphs and the text are made when read,
 * anew at each read: read each once.
 */
class ScannedCitation implements Citation {
  /** The number, when the citation is one number without a range; -1 otherwise. */
  private readonly value: number;
  private readonly valueStart: number;
  private readonly valueEnd: number;
  /**
   * Otherwise every item, flat: its number's value, start and end; then 0, or 1 followed by the range's end
   * (value, start, end) and its dash (start, end).
   */
  private readonly flat: number[] | undefined;

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    private readonly keywordEnd: number,
    private readonly kind: KeywordKind,
    flat: number[],
    readonly suffix: { start: number; end: number } | undefined,
    readonly externalReason: string | undefined,
  ) {
    if (flat.length === 4 && flat[3] === 0) {
      this.value = flat[0];
      this.valueStart = flat[1];
      this.valueEnd = flat[2];
      this.flat = undefined;
    } else {
      this.value = this.valueStart = this.valueEnd = -1;
      this.flat = flat;
    }
  }

  get external(): boolean {
    return this.externalReason !== undefined;
  }

  get keyword(): Keyword {
    const { kind, start, keywordEnd } = this;
    return {
      start,
      end: keywordEnd,
      text: this.source.slice(start, keywordEnd),
      plural: kind.plural,
      abbreviated: kind.abbreviated,
      // The keyword's letters are never a full stop: it has one when it ends with one.
      dot: this.source.charCodeAt(keywordEnd - 1) === 46,
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
    const { flat, source } = this;
    const from: NumberToken = { value: this.value, start: this.valueStart, end: this.valueEnd };
    const item: CitationItem = { from, to: undefined, dash: undefined };
    if (!flat) {
      visit(item);
      return;
    }
    const to: NumberToken = { value: 0, start: 0, end: 0 };
    const dash = { start: 0, end: 0, text: '' };
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
    return this.flat ? expand(this.flat) : [this.value];
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

/** Every citation in `text`, in order, external references included (flagged). */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
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
          out.push(found);
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
  return out;
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
