/** Sentence boundaries in English prose, aware of the abbreviations drafts and the summary use. */

export interface Range {
  start: number;
  end: number;
}

const ABBREVIATIONS =
  /(?:\b(?:H\.E|e\.g|i\.e|etc|No|Nos|Mr|Mrs|Ms|Dr|St|[Pp]aras?|[Pp]ar|[Pp]árrs?|[Aa]rts?|[Cc]f|[Vv]ol|op|p|pp|U\.S|U\.N)\.|\b[A-Z]\.)$/;

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
 * Whether the sentence end [.., end) may be an abbreviation (ABBREVIATIONS can match only a full stop after
 * an ASCII letter): most ends are told without slicing the text and running the expression.
 */
function mayBeAbbreviation(text: string, end: number): boolean {
  if (text.charCodeAt(end - 1) !== 46) return false;
  const c = text.charCodeAt(end - 2) | 0x20;
  return c >= 97 && c <= 122;
}

/** Splits `text` into sentences (ranges trimmed of surrounding space). Blank lines, list items and headings end sentences too. */
export function sentences(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  // A sentence also ends at a blank line and before a Markdown list item or heading on the next line.
  // The space after a full stop never spans a blank line: a blank line ends a sentence even after an
  // abbreviation ("para.⏎⏎24" is two sentences, as the draft's paragraphs are).
  const re =
    /([.!?]["”’)]*)(?=[ \t\r\n])([ \t]*(?:\r?\n(?![ \t]*\r?\n)[ \t]*)?)(?=["“‘(]?[\p{Lu}\d])|\n\s*\n|\n(?=[ \t]*(?:[-*+]|\d{1,3}[.)]|#{1,6})[ \t])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) {
      const end = m.index + m[1].length;
      if (mayBeAbbreviation(text, end) && ABBREVIATIONS.test(text.slice(Math.max(start, end - 8), end))) continue;
      push(end);
      start = end;
    } else {
      push(m.index);
      start = m.index + m[0].length;
    }
  }
  push(text.length);
  return out;
}

/** The sentence containing `offset`. */
export function sentenceAt(text: string, offset: number): Range | undefined {
  return sentences(text).find((r) => offset >= r.start && offset <= r.end);
}
