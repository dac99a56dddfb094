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

/** Candidates: every "par"/"pár" in any case, and every pilcrow. Each is then read by hand. */
const CANDIDATE = /[pP][aAáÁ][rR]|¶/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const DASHES = '–—-‒−';
const MAX_DIGITS = 6;
const MAX_EXPANSION = 500;
const LOOKBEHIND = 80;

const OURS_SUFFIX = /\s*,?\s+(?:of\s+(?:the\s+)?(?:(?:Chair['’]s|present|this)\s+)?summary|du\s+résumé|del\s+resumen)\b/iy;
const OTHER_SUFFIX = /\s*,?\s+of\s+(?:the\s+|document\s+|resolution\s+|decision\s+)?(\S{1,40})/iy;

/** [cheap test on the window before the keyword, the real test, what it means]. */
const EXTERNAL_BEFORE: [(window: string, last: string) => boolean, RegExp, string][] = [
  [(_w, last) => last === 'e' || last === 'r', /\b(?:operative|preambular)\s+$/i, 'an operative or preambular paragraph of another text'],
  [(_w, last) => last === ',', /\barticles?\s+\d+[a-z]?\s*,\s*$/i, 'a paragraph of an article of another instrument'],
  [(w) => w.includes('/'), /\b[A-Z]{1,8}\/[A-Z0-9][A-Za-z0-9./()-]*\s*,?\s*$/, 'a paragraph of another document (document symbol)'],
  [(_w, last) => last === ',', /\b(?:resolution|decision|annex|convention|report|declaration)\s+[\w./-]+\s*,\s*$/i, 'a paragraph of another document'],
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

function keywordOf(word: string, start: number, text: string): Keyword | undefined {
  const kind = KEYWORDS[word.toLowerCase()];
  if (!kind) return undefined;
  const end = start + word.length;
  const dot = text.charCodeAt(end) === 46;
  // "par" alone is an ordinary French word: the abbreviation needs its full stop.
  if (kind.language === 'fr' && !dot) return undefined;
  return {
    start,
    end: dot ? end + 1 : end,
    text: dot ? `${word}.` : word,
    plural: kind.plural,
    abbreviated: kind.abbreviated,
    dot,
    pilcrow: kind.pilcrow,
    language: kind.language,
  };
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

function readRange(text: string, pos: number, language: Language): { dash: NonNullable<CitationItem['dash']>; to: NumberToken } | undefined {
  let p = skipSpace(text, pos, 2);
  if (DASHES.includes(text[p] ?? '\0')) {
    const dash = { start: p, end: p + 1, text: text[p] };
    p = skipSpace(text, p + 1, 2);
    const to = readNumber(text, p);
    return to ? { dash, to } : undefined;
  }
  // Cheap look first: the range words start with t, a or à after a space.
  const next = text.charCodeAt(p) | 0x20;
  if (p === pos || (next !== 0x74 && next !== 0x61 && text[p] !== 'à' && text[p] !== 'À')) return undefined;
  RANGE_WORD.lastIndex = pos;
  const m = RANGE_WORD.exec(text);
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  if ((word === 'a' && language !== 'es') || ((word === 'à' || word === 'au') && language !== 'fr')) return undefined;
  const to = readNumber(text, pos + m[0].length);
  if (!to) return undefined;
  const wordStart = pos + m[0].indexOf(m[1]);
  return { dash: { start: wordStart - 1, end: wordStart + m[1].length + 1, text: ` ${m[1]} ` }, to };
}

function externalBefore(text: string, start: number): string | undefined {
  const from = Math.max(0, start - LOOKBEHIND);
  let i = start - 1;
  while (i >= from && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 0xa0)) i--;
  const last = i >= from ? text[i].toLowerCase() : '';
  let slash = false;
  for (let k = start - 1; k >= from && !slash; k--) slash = text.charCodeAt(k) === 47;
  // Most citations stand after a plain word: nothing to look at.
  if (!slash && last !== ',' && last !== 'e' && last !== 'r') return undefined;
  const window = text.slice(from, start);
  for (const [cheap, re, reason] of EXTERNAL_BEFORE) if (cheap(window, last) && re.test(window)) return reason;
  return undefined;
}

function expand(items: CitationItem[]): number[] {
  if (items.length === 1) {
    const a = items[0].from.value;
    const b = items[0].to ? items[0].to.value : a;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo > MAX_EXPANSION) return [lo, hi];
    const out: number[] = [];
    for (let n = lo; n <= hi; n++) out.push(n);
    return out;
  }
  const set = new Set<number>();
  for (const item of items) {
    const a = item.from.value;
    const b = item.to ? item.to.value : a;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo > MAX_EXPANSION) {
      set.add(lo);
      set.add(hi);
    } else for (let n = lo; n <= hi; n++) set.add(n);
  }
  return [...set].sort((x, y) => x - y);
}

/** Reads one citation whose keyword starts at `start`; undefined when no number follows. */
function readCitation(text: string, kw: Keyword): { citation?: Citation; next: number } {
  let p = skipSpace(text, kw.end);
  const first = readNumber(text, p);
  if (!first) return { next: Math.max(digitsEnd(text, p), kw.end) };
  const items: CitationItem[] = [];
  let current: CitationItem = { from: first };
  p = first.end;
  for (;;) {
    const range = readRange(text, p, kw.language);
    if (range) {
      current.to = range.to;
      current.dash = range.dash;
      p = range.to.end;
    }
    items.push(current);
    // Cheap look first: a list goes on with ",", "&", "and", "y" or "et".
    const q = skipSpace(text, p, 3);
    const c = text.charCodeAt(q) | 0x20;
    if (text[q] !== ',' && text[q] !== '&' && !(q > p && (c === 0x61 || c === 0x79 || c === 0x65))) break;
    LIST_SEP.lastIndex = p;
    const sep = LIST_SEP.exec(text);
    if (!sep || sep[0].length === 0) break;
    const n = readNumber(text, p + sep[0].length);
    if (!n) break;
    current = { from: n };
    p = n.end;
  }
  let end = p;
  let suffix: Citation['suffix'];
  let externalReason = externalBefore(text, kw.start);
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
    if (other && !externalReason) externalReason = `a paragraph of another text (“of ${other[0].replace(/^\s*,?\s+of\s+/i, '').slice(0, 40)}”)`;
  }
  const numbers: NumberToken[] = [];
  for (const i of items) {
    numbers.push(i.from);
    if (i.to) numbers.push(i.to);
  }
  const citation: Citation = {
    start: kw.start,
    end,
    text: text.slice(kw.start, end),
    keyword: kw,
    items,
    numbers,
    paragraphs: expand(items),
    suffix,
    external: externalReason !== undefined,
    externalReason,
  };
  return { citation, next: end };
}

/** Every citation in `text`, in order, external references included (flagged). */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  const re = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  // test() rather than exec(): no match array per candidate; every candidate is 3 characters or "¶".
  while (re.test(text)) {
    const pilcrow = text.charCodeAt(re.lastIndex - 1) === 0xb6;
    const at = re.lastIndex - (pilcrow ? 1 : 3);
    if (at > 0 && isWordAt(text, at - 1)) continue;
    // The whole keyword: "¶"/"¶¶", or the letters of "para", "paras", "paragraph(s)", "par", "párr(s)".
    let end = re.lastIndex;
    if (pilcrow) {
      if (text.charCodeAt(end) === 0xb6) end++;
    } else {
      while (end - at < 11 && isLetterAt(text, end)) end++;
    }
    re.lastIndex = end;
    if (isLetterAt(text, end)) continue;
    const kw = keywordOf(text.slice(at, end), at, text);
    if (!kw) continue;
    const { citation, next } = readCitation(text, kw);
    if (citation) out.push(citation);
    re.lastIndex = Math.max(next, end);
  }
  return out;
}

/** The citation of the summary that covers `offset` (inclusive of both ends). */
export function citationAt(citations: Citation[], offset: number): Citation | undefined {
  return citations.find((c) => offset >= c.start && offset <= c.end);
}

/** The number token under `offset` in a citation, if any. */
export function numberAt(citation: Citation, offset: number): NumberToken | undefined {
  return citation.numbers.find((n) => offset >= n.start && offset <= n.end);
}
