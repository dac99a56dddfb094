/**
 * Scanning a long draft piece by piece, so that what a scan builds (citations, problems) is held for one
 * piece at a time, not for the whole draft, and output can start before the end.
 *
 * The results are the same as one scan of the whole text. A piece ends only at a *seam*: the first
 * non-blank character after a blank line (LF, a line of spaces or tabs, LF). At a seam,
 * - no quotation continues (a quotation may wrap onto following lines but not cross a blank line) and
 *   quotation marks pair up afresh;
 * - a sentence ends, so a quotation is never judged against a citation on the other side;
 * - no citation continues: a seam that a citation crosses ("paras. 13,⏎⏎15") is not used, the next one is.
 * Each piece is scanned in a window that starts `before` characters earlier, after a character that is not
 * part of a word (for the scan's look-behind: "E/CN.7/2021/2,⏎⏎para. 12" cites another document), and
 * reaches `after` non-blank characters beyond the piece (for its look-ahead, which reads blanks and a few
 * words past a citation). Only what starts inside the piece is kept.
 *
 * CRLF and CR-only blank lines are not seams: the quotation scanner lets a quotation run across them, so a
 * draft with those line ends is scanned whole (its size is bounded by the limit on drafts).
 */

export interface WindowScan<T> {
  /** What a seam must not cut (the citations, with offsets in the window). */
  spans: readonly { start: number; end: number }[];
  /** What the scan reports (offsets in the window). */
  items: readonly T[];
}

export interface PieceSizes {
  /** A piece ends at the first usable seam this many characters or more after it starts. */
  piece: number;
  /** Characters of context before a piece, at least. */
  before: number;
  /** Non-blank characters of context after a piece, at least. */
  after: number;
}

/**
 * 64 KiB pieces: what a scan builds for one piece is a few MB at most, even in a draft of citations and
 * nothing else (larger pieces measured slower and bigger: more for the garbage collector to carry).
 */
export const PIECE_SIZES: PieceSizes = { piece: 64 * 1024, before: 1024, after: 1024 };

export interface Piece<T> {
  /** Add to the items' offsets for offsets in the whole text. */
  base: number;
  /** The items that start in this piece, in the scan's order. */
  items: T[];
}

/** Where blank lines end: after "LF, spaces or tabs, LF" and any blanks after (no look-ahead: no backtracking on long runs). */
const SEAM = /\n[ \t]*\n\s*/;
const WORD = /[\p{L}\p{N}_]/u;
const BLANK = /\s/;

function isBlankAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return BLANK.test(text[i]);
}

/** The position just after the `count`-th non-blank character from `from`, or the end of the text. */
function afterNonBlank(text: string, from: number, count: number): number {
  let seen = 0;
  for (let i = from; i < text.length; i++) if (!isBlankAt(text, i) && ++seen === count) return i + 1;
  return text.length;
}

/** The seams at or after `from`, in order (a seam is never the end of the text). */
function* seamsFrom(text: string, from: number): Generator<number> {
  const re = new RegExp(SEAM.source, 'g');
  // Start a little earlier: a blank line just before `from` may end at or after it.
  re.lastIndex = Math.max(0, from - 2);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const seam = re.lastIndex;
    if (seam >= text.length) return;
    if (seam >= from) yield seam;
  }
}

/** Where the window for a piece starting at `pieceStart` starts: `before` characters earlier, after a non-word character. */
function windowStartFor(text: string, pieceStart: number, before: number): number {
  let start = Math.max(0, pieceStart - before);
  while (start > 0 && WORD.test(text[start - 1])) start--;
  return start;
}

/**
 * Scans `text` with `scan` piece by piece; yields, per piece, the items whose `startOf` (in the window) falls
 * in the piece. Concatenated, they are what `scan(text).items` gives.
 */
export function* scanInPieces<T>(
  text: string,
  scan: (window: string) => WindowScan<T>,
  startOf: (item: T) => number,
  sizes: PieceSizes = PIECE_SIZES,
): Generator<Piece<T>> {
  let pieceStart = 0;
  let windowStart = 0;
  while (pieceStart < text.length) {
    const next = seamsFrom(text, pieceStart + sizes.piece).next();
    const firstSeam: number | undefined = next.done ? undefined : next.value;
    let pieceEnd: number | undefined;
    let scanned: WindowScan<T>;
    // Seams from the first one after the piece's least size, over `after` × 2, 4, 8… non-blank characters,
    // until one of them is not crossed by a citation (or the window reaches the end of the text).
    for (let extent = 2 * sizes.after; ; extent *= 2) {
      const lastSeam = firstSeam === undefined ? text.length : afterNonBlank(text, firstSeam, extent);
      // Every seam considered has at least `after` non-blank characters after it in the window.
      const windowEnd = afterNonBlank(text, lastSeam, sizes.after);
      scanned = scan(text.slice(windowStart, windowEnd));
      if (windowEnd === text.length) {
        pieceEnd = text.length;
        break;
      }
      pieceEnd = usableSeam(text, firstSeam!, lastSeam, scanned.spans, windowStart);
      if (pieceEnd !== undefined) break;
    }
    const end = pieceEnd;
    const items = scanned.items.filter((item) => {
      const at = windowStart + startOf(item);
      return at >= pieceStart && at < end;
    });
    yield { base: windowStart, items };
    pieceStart = end;
    windowStart = windowStartFor(text, pieceStart, sizes.before);
  }
}

/** The first seam in [from, to] that no span crosses (the spans' offsets are in the window that starts at `base`). */
function usableSeam(
  text: string,
  from: number,
  to: number,
  spans: readonly { start: number; end: number }[],
  base: number,
): number | undefined {
  let span = 0;
  for (const seam of seamsFrom(text, from)) {
    if (seam > to) return undefined;
    while (span < spans.length && base + spans[span].end <= seam) span++;
    if (span < spans.length && base + spans[span].start < seam) continue;
    return seam;
  }
  return undefined;
}
