/** Offsets ↔ line and column, for texts that are not open in an editor. */

/**
 * Whether the character at `i` ends a line: a LF, or a CR not followed by a LF. A line ends at LF, CRLF or a
 * CR alone, as in VS Code; a CRLF is one line break, which ends at its LF.
 */
function endsLine(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/** The offset at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // From line break to line break (indexOf), not character by character.
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      // A CR alone ends a line; a CR before a LF is part of the CRLF, which ends at its LF.
      if (cr + 1 !== lf) starts.push(cr + 1);
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}

/** 0-based line and character (UTF-16 code units) of an offset. */
export function lineAndCharacter(starts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/**
 * Line and character of offsets met in increasing order, in one pass over the text and without an array of
 * line starts (for long drafts read piece by piece). Agrees with `lineAndCharacter(lineStarts(text), offset)`.
 */
export class LineCursor {
  private line = 0;
  private lineStart = 0;
  private scanned = 0;

  constructor(private readonly text: string) {}

  /** 0-based line and character of `offset`; throws when offsets go backwards. */
  at(offset: number): { line: number; character: number } {
    if (offset < this.scanned) throw new RangeError(`LineCursor: offset ${offset} is before ${this.scanned}`);
    for (; this.scanned < offset; this.scanned++) {
      if (endsLine(this.text, this.scanned)) {
        this.line++;
        this.lineStart = this.scanned + 1;
      }
    }
    return { line: this.line, character: offset - this.lineStart };
  }
}
