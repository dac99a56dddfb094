/** Sentence boundaries in English prose, aware of the abbreviations drafts and the summary use. */
import { isAsciiLetterOrDigitCode } from '../chars';

export interface Range {
  start: number;
  end: number;
}

/** How many of `ranges`, in order of their starts, start before `offset` (a binary search). */
export function countStartingBefore(ranges: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `\s` of a regular expression, by code (the citation grammar's too). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The abbreviations a full stop may end without ending the sentence (`e.g.`, `Mr.`, `paras.`, `U.S.`), and any
 * capital letter alone (`J. Smith`), by their last letter: each is looked for where the full stop follows it.
 */
const ABBREVIATIONS = [
  'H.E',
  'e.g',
  'i.e',
  'etc',
  'No',
  'Nos',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'St',
  'Para',
  'para',
  'Paras',
  'paras',
  'Par',
  'par',
  'Párr',
  'párr',
  'Párrs',
  'párrs',
  'Art',
  'art',
  'Arts',
  'arts',
  'Cf',
  'cf',
  'Vol',
  'vol',
  'op',
  'p',
  'pp',
  'U.S',
  'U.N',
];
const ABBREVIATIONS_BY_LAST = new Map<number, string[]>();
for (const a of ABBREVIATIONS) {
  const last = a.charCodeAt(a.length - 1);
  ABBREVIATIONS_BY_LAST.set(last, [...(ABBREVIATIONS_BY_LAST.get(last) ?? []), a]);
}

/** A word character as `\b` reads it: [A-Za-z0-9_]. */
function isAsciiWordCode(c: number): boolean {
  return c === 95 || isAsciiLetterOrDigitCode(c);
}

/**
 * Whether the full stop that ends at `end` ends an abbreviation, reading no further back than `from` (where
 * the sentence starts) nor more than 8 characters: the abbreviation starts at a word boundary, or at `from`.
 */
function isAbbreviation(text: string, from: number, end: number): boolean {
  if (text.charCodeAt(end - 1) !== 46) return false;
  const floor = Math.max(from, end - 8);
  const dot = end - 1;
  const last = text.charCodeAt(dot - 1);
  // A capital letter alone.
  if (last >= 65 && last <= 90 && startsWord(text, dot - 1, floor)) return true;
  const words = ABBREVIATIONS_BY_LAST.get(last);
  if (words)
    for (const w of words) {
      const at = dot - w.length;
      if (startsWord(text, at, floor) && text.startsWith(w, at)) return true;
    }
  return false;
}

/** Whether a word may start at `at` as `\b` reads it in the text from `floor` on. */
function startsWord(text: string, at: number, floor: number): boolean {
  return at >= floor && (at === floor || !isAsciiWordCode(text.charCodeAt(at - 1)));
}

/** What may end a sentence: a full stop, `!`, `?`, or a line break (a blank line, a list item or heading). */
const CANDIDATE = /[.!?\n]/g;

/** An upper-case letter (`\p{Lu}`), read as one code point where it is set to. */
const UPPER = /\p{Lu}/uy;

/** Whether the code point at `i` is an upper-case letter or an ASCII digit. */
function isUpperOrDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  UPPER.lastIndex = i;
  return UPPER.test(text);
}

/** `"`, `“`, `‘` or `(`: opening marks a sentence may start with. */
function isOpener(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x2018 || c === 40;
}

/** Whether the LF at `i` starts a line that is a Markdown list item or heading (`- `, `* `, `1. `, `2) `, `# `). */
function beforeListItemOrHeading(text: string, i: number): boolean {
  let j = i + 1;
  let c = text.charCodeAt(j);
  while (c === 32 || c === 9) c = text.charCodeAt(++j);
  if (c === 45 || c === 42 || c === 43) j++;
  else if (c >= 48 && c <= 57) {
    const digitsEnd = j + 3;
    while (j < digitsEnd && c >= 48 && c <= 57) c = text.charCodeAt(++j);
    if (c !== 46 && c !== 41) return false;
    j++;
  } else if (c === 35) {
    const hashesEnd = j + 6;
    while (j < hashesEnd && c === 35) c = text.charCodeAt(++j);
  } else return false;
  c = text.charCodeAt(j);
  return c === 32 || c === 9;
}

/**
 * Splits `text` into sentences (ranges trimmed of surrounding space). A sentence ends at a full stop, `!` or
 * `?` (and the closing marks after it) followed by spaces, at most one line break, and a capital letter or a
 * digit (perhaps after an opening mark), unless it ends an abbreviation; and at a blank line, and before a
 * Markdown list item or heading on the next line. The space after a full stop never spans a blank line: a
 * blank line ends a sentence even after an abbreviation ("para.⏎⏎24" is two sentences, as the draft's
 * paragraphs are). One pass, each character read a bounded number of times, and nothing made but the ranges
 * (a draft may be megabytes of short sentences).
 */
export function sentences(text: string): Range[] {
  const out: Range[] = [];
  const length = text.length;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let i = 0;
  while (i < length) {
    // To the next full stop, `!`, `?` or line break (by the expression's scan, quicker than a loop in prose).
    CANDIDATE.lastIndex = i;
    if (!CANDIDATE.test(text)) break;
    i = CANDIDATE.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63) {
      // The closing marks that stay with it, then a space, a tab or a line break.
      let end = i + 1;
      let d = text.charCodeAt(end);
      while (d === 34 || d === 0x201d || d === 0x2019 || d === 41) d = text.charCodeAt(++end);
      // (What lies between is closing marks: no sentence end, nor line break, starts there.)
      i = end;
      if (d !== 32 && d !== 9 && d !== 10 && d !== 13) continue;
      let next = end;
      while (d === 32 || d === 9) d = text.charCodeAt(++next);
      // One line break (after a blank line comes a line break, never a capital letter).
      const line = d === 10 ? next + 1 : d === 13 && text.charCodeAt(next + 1) === 10 ? next + 2 : -1;
      if (line >= 0) {
        next = line;
        d = text.charCodeAt(next);
        while (d === 32 || d === 9) d = text.charCodeAt(++next);
      }
      if (!isUpperOrDigit(text, isOpener(d) && isUpperOrDigit(text, next + 1) ? next + 1 : next)) continue;
      i = next;
      if (isAbbreviation(text, start, end)) continue;
      push(end);
      start = end;
    } else {
      // A line break. A blank line: this LF, blanks (any \s), and another LF; the run ends after its last LF.
      let blankEnd = -1;
      for (let j = i + 1; j < length; j++) {
        const b = text.charCodeAt(j);
        if (b === 10) blankEnd = j + 1;
        else if (!isSpaceCode(b)) break;
      }
      if (blankEnd >= 0 || beforeListItemOrHeading(text, i)) {
        push(i);
        start = i = blankEnd >= 0 ? blankEnd : i + 1;
      } else i++;
    }
  }
  push(length);
  return out;
}

/** The sentence containing `offset`. */
export function sentenceAt(text: string, offset: number): Range | undefined {
  return sentences(text).find((r) => offset >= r.start && offset <= r.end);
}
