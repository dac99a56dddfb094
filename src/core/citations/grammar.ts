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

const TRIGGER = /(?<![\p{L}\p{N}_])(?:paragraphs|paragraph|paras|para|párrs|párr|par|¶¶|¶)(?!\p{L})/giu;
const SPACE = /[ \t\u00a0\u202f]/;
const DASHES = '–—-‒−';
const MAX_DIGITS = 6;
const MAX_EXPANSION = 500;
const LOOKBEHIND = 80;

const OURS_SUFFIX = /\s*,?\s+(?:of\s+(?:the\s+)?(?:(?:Chair['’]s|present|this)\s+)?summary|du\s+résumé|del\s+resumen)\b/iy;
const OTHER_SUFFIX = /\s*,?\s+of\s+(?:the\s+|document\s+|resolution\s+|decision\s+)?(\S{1,40})/iy;

const EXTERNAL_BEFORE: [RegExp, string][] = [
  [/\b(?:operative|preambular)\s+$/i, 'an operative or preambular paragraph of another text'],
  [/\barticles?\s+\d+[a-z]?\s*,\s*$/i, 'a paragraph of an article of another instrument'],
  [/\b[A-Z]{1,8}\/[A-Z0-9][A-Za-z0-9./()-]*\s*,?\s*$/, 'a paragraph of another document (document symbol)'],
  [/\b(?:resolution|decision|annex|convention|report|declaration)\s+[\w./-]+\s*,\s*$/i, 'a paragraph of another document'],
];

function keywordOf(word: string, start: number, text: string): Keyword | undefined {
  const lower = word.toLowerCase();
  const end = start + word.length;
  const dot = text[end] === '.';
  const base = { start, end: dot ? end + 1 : end, text: dot ? `${word}.` : word, dot };
  switch (lower) {
    case 'para':
      return { ...base, plural: false, abbreviated: true, pilcrow: false, language: 'en' };
    case 'paras':
      return { ...base, plural: true, abbreviated: true, pilcrow: false, language: 'en' };
    case 'paragraph':
      return { ...base, plural: false, abbreviated: false, pilcrow: false, language: 'en' };
    case 'paragraphs':
      return { ...base, plural: true, abbreviated: false, pilcrow: false, language: 'en' };
    case '¶':
      return { ...base, plural: false, abbreviated: false, pilcrow: true, language: 'en' };
    case '¶¶':
      return { ...base, plural: true, abbreviated: false, pilcrow: true, language: 'en' };
    case 'par':
      // French "par." needs its full stop: "par" alone is an ordinary word.
      return dot ? { ...base, plural: null, abbreviated: true, pilcrow: false, language: 'fr' } : undefined;
    case 'párr':
      return { ...base, plural: false, abbreviated: true, pilcrow: false, language: 'es' };
    case 'párrs':
      return { ...base, plural: true, abbreviated: true, pilcrow: false, language: 'es' };
    default:
      return undefined;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /\p{L}/u.test(c);
}

/** Skips horizontal spaces and at most one line break; returns the new position. */
function skipSpace(text: string, pos: number, max = 4): number {
  let p = pos;
  let newline = false;
  while (p < text.length && p - pos < max) {
    const c = text[p];
    if (SPACE.test(c)) p++;
    else if ((c === '\n' || c === '\r') && !newline) {
      newline = true;
      p++;
      if (c === '\r' && text[p] === '\n') p++;
    } else break;
  }
  return p;
}

interface NumberRead {
  token?: NumberToken;
  /** Where scanning may resume (past a digit run that is not a paragraph number). */
  next: number;
}

function readNumber(text: string, pos: number): NumberRead {
  let p = pos;
  while (isDigit(text[p])) p++;
  if (p === pos) return { next: pos };
  if (p - pos > MAX_DIGITS) return { next: p };
  // "16.4", "24th", "24a": not a paragraph number of the summary.
  if ((text[p] === '.' || text[p] === ',') && isDigit(text[p + 1])) return { next: p };
  if (isLetter(text[p])) return { next: p };
  return { token: { value: Number(text.slice(pos, p)), start: pos, end: p }, next: p };
}

const RANGE_WORD = /\s+(to|a|à|au)\s+/iy;
const LIST_SEP = /(?:\s*,\s*(?:and\s+|y\s+|et\s+)?|\s+(?:and|y|et)\s+|\s*&\s*)/iy;

function readRange(text: string, pos: number, language: Language): { dash: NonNullable<CitationItem['dash']>; to: NumberToken } | undefined {
  let p = skipSpace(text, pos, 2);
  if (DASHES.includes(text[p] ?? '\0')) {
    const dash = { start: p, end: p + 1, text: text[p] };
    p = skipSpace(text, p + 1, 2);
    const n = readNumber(text, p);
    return n.token ? { dash, to: n.token } : undefined;
  }
  RANGE_WORD.lastIndex = pos;
  const m = RANGE_WORD.exec(text);
  if (!m) return undefined;
  const word = m[1].toLowerCase();
  if ((word === 'a' && language !== 'es') || ((word === 'à' || word === 'au') && language !== 'fr')) return undefined;
  const n = readNumber(text, pos + m[0].length);
  if (!n.token) return undefined;
  const wordStart = pos + m[0].indexOf(m[1]);
  return { dash: { start: wordStart - 1, end: wordStart + m[1].length + 1, text: ` ${m[1]} ` }, to: n.token };
}

function externalBefore(text: string, start: number): string | undefined {
  const window = text.slice(Math.max(0, start - LOOKBEHIND), start);
  for (const [re, reason] of EXTERNAL_BEFORE) if (re.test(window)) return reason;
  return undefined;
}

function expand(items: CitationItem[]): number[] {
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
  if (!first.token) return { next: Math.max(first.next, kw.end) };
  const items: CitationItem[] = [];
  let current: CitationItem = { from: first.token };
  p = first.token.end;
  for (;;) {
    const range = readRange(text, p, kw.language);
    if (range) {
      current.to = range.to;
      current.dash = range.dash;
      p = range.to.end;
    }
    items.push(current);
    LIST_SEP.lastIndex = p;
    const sep = LIST_SEP.exec(text);
    if (!sep || sep[0].length === 0) break;
    const n = readNumber(text, p + sep[0].length);
    if (!n.token) break;
    current = { from: n.token };
    p = n.token.end;
  }
  let end = p;
  let suffix: Citation['suffix'];
  let externalReason = externalBefore(text, kw.start);
  OURS_SUFFIX.lastIndex = p;
  const ours = OURS_SUFFIX.exec(text);
  if (ours) {
    const s = p + (ours[0].length - ours[0].trimStart().length);
    suffix = { start: s, end: p + ours[0].length };
    end = suffix.end;
  } else {
    OTHER_SUFFIX.lastIndex = p;
    const other = OTHER_SUFFIX.exec(text);
    if (other && !externalReason) externalReason = `a paragraph of another text (“of ${other[0].replace(/^\s*,?\s+of\s+/i, '').slice(0, 40)}”)`;
  }
  const numbers = items.flatMap((i) => (i.to ? [i.from, i.to] : [i.from]));
  const citation: Citation = {
    start: kw.start,
    end,
    text: text.slice(kw.start, end),
    keyword: kw,
    items,
    numbers,
    paragraphs: expand(items),
    ...(suffix ? { suffix } : {}),
    external: externalReason !== undefined,
    ...(externalReason ? { externalReason } : {}),
  };
  return { citation, next: end };
}

/** Every citation in `text`, in order, external references included (flagged). */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  const re = new RegExp(TRIGGER.source, TRIGGER.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const kw = keywordOf(m[0], m.index, text);
    if (!kw) continue;
    const { citation, next } = readCitation(text, kw);
    if (citation) out.push(citation);
    re.lastIndex = Math.max(next, m.index + m[0].length);
  }
  return out;
}

/** Citations of the summary only (external references left out). */
export function findSummaryCitations(text: string): Citation[] {
  return findCitations(text).filter((c) => !c.external);
}

/** The citation of the summary that covers `offset` (inclusive of both ends). */
export function citationAt(citations: Citation[], offset: number): Citation | undefined {
  return citations.find((c) => offset >= c.start && offset <= c.end);
}

/** The number token under `offset` in a citation, if any. */
export function numberAt(citation: Citation, offset: number): NumberToken | undefined {
  return citation.numbers.find((n) => offset >= n.start && offset <= n.end);
}
