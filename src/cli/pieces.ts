/**
 * Scanning a long draft piece by piece, so that what a scan builds (citations, problems) is held for one
 * piece at a time, not for the whole draft, and output can start before the end.
 *
 * The results are the same as one scan of the whole text. A piece ends only at a *seam* that no citation
 * crosses ("paras. 13,⏎⏎15" is one citation: the next seam is used), of one of two kinds:
 * - after a blank line (LF, a line of spaces or tabs, LF; the seam is the first non-blank character after
 *   it): no quotation continues across it, and quotation marks pair up afresh after it;
 * - any other line start (after LF, CRLF or CR alone), or word start after spaces or tabs (a draft without
 *   line breaks), that no quotation could cross, whatever the scanner
 *   paired before: a quotation runs from an opening mark to the first closing mark after it (" to ", “ to
 *   ”), and the scanner takes none longer than 2,000 characters; so such a position is a seam unless the last
 *   " before it, or the last “ before it with no ” in between, is within `quotationReach` characters and
 *   its closing mark comes within `quotationReach` characters of it after that position.
 * A sentence may go on across a seam (even a blank line, after an abbreviation: "para.⏎⏎See"), and a
 * citation up to 1,000 characters from a quotation in its sentence vouches for it. So each piece is scanned
 * in a window that starts `before` characters earlier (and before any citation that ends there), after a
 * character that is not part of a word (also the scanner's look-behind: "E/CN.7/2021/2,⏎⏎para. 12" cites
 * another document), and that reaches past the piece's end by `after` characters in which every citation
 * is read whole, with `after` non-blank characters beyond (what the scanner reads ahead of a citation).
 * Only what starts inside the piece is kept.
 *
 * The scanner's reaches these margins assume (look-behind 80, quotations up to 2,000 characters, 1,000
 * around a quotation) are pinned by tests in test/unit/cli.pieces.test.ts. Only a draft with no usable
 * seam at all (no blank, or quotation marks open everywhere) is scanned whole, within the size limit.
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
  /** Characters after a piece in which citations are read whole, and non-blank characters beyond them. */
  after: number;
  /** How long a quotation may be, at most, for seams that do not follow a blank line (0: the scan does not read quotations). */
  quotationReach: number;
}

/**
 * 64 KiB pieces: what a scan builds for one piece is a few MB at most, even in a draft of citations and
 * nothing else (larger pieces measured slower and bigger: more for the garbage collector to carry).
 */
export const PIECE_SIZES: PieceSizes = { piece: 64 * 1024, before: 4096, after: 1024, quotationReach: 4096 };

/** For a scan of citations alone: quotation marks do not matter, any line or word start that no citation crosses is a seam. */
export const CITATION_PIECE_SIZES: PieceSizes = { ...PIECE_SIZES, quotationReach: 0 };

export interface Piece<T> {
  /** Add to the items' offsets for offsets in the whole text. */
  base: number;
  /** The items that start in this piece, in the scan's order. */
  items: T[];
}

/**
 * Line starts, then word starts after spaces or tabs; the first group is a blank line (LF, spaces or tabs,
 * LF) and the blanks after it, whose seam
 * is the first non-blank character. No look-ahead: no backtracking on long runs.
 */
const SEAM_CANDIDATE = /(\n[ \t]*\n\s*)|\r\n|\r|\n|[ \t]+/;
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

interface Seam {
  at: number;
  /** After a blank line (LF): a seam whatever quotation marks stand before it. */
  blankLine: boolean;
}

/** Candidate seams at or after `from`, in order (never the end of the text). */
function* seamsFrom(text: string, from: number): Generator<Seam> {
  const re = new RegExp(SEAM_CANDIDATE.source, 'g');
  // Start a little earlier: a blank line just before `from` may end at or after it.
  re.lastIndex = Math.max(0, from - 2);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = re.lastIndex;
    if (at >= text.length) return;
    if (at >= from) yield { at, blankLine: m[1] !== undefined };
  }
}

/**
 * Where the window for a piece starting at `pieceStart` starts: `before` characters earlier, and before any
 * citation that ends in those characters (a long list of paragraphs may vouch for a quotation after the
 * seam), after a character that is not part of a word. `spans` are the previous window's, at `base`.
 */
function windowStartFor(
  text: string,
  pieceStart: number,
  before: number,
  spans: readonly { start: number; end: number }[],
  base: number,
): number {
  let start = Math.max(0, pieceStart - before);
  for (let k = spans.length - 1; k >= 0 && base + spans[k].end > pieceStart - before; k--) {
    if (base + spans[k].start < start) start = base + spans[k].start;
  }
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
    const firstSeam: number | undefined = next.done ? undefined : next.value.at;
    let pieceEnd: number | undefined;
    let scanned: WindowScan<T>;
    // Seams from the first one after the piece's least size, over `after` × 2, 4, 8… non-blank characters,
    // until one of them is not crossed by a citation (or the window reaches the end of the text).
    for (let extent = 2 * sizes.after; ; extent *= 2) {
      const lastSeam = firstSeam === undefined ? text.length : afterNonBlank(text, firstSeam, extent);
      // Citations that end before `trusted` were read whole: `after` non-blank characters follow in the window.
      const trusted = afterNonBlank(text, lastSeam + sizes.after, sizes.after);
      const windowEnd = afterNonBlank(text, trusted, sizes.after);
      scanned = scan(text.slice(windowStart, windowEnd));
      if (windowEnd === text.length) {
        pieceEnd = text.length;
        break;
      }
      pieceEnd = usableSeam(text, firstSeam!, lastSeam, { spans: scanned.spans, base: windowStart, trusted }, sizes);
      if (pieceEnd !== undefined) break;
    }
    const end = pieceEnd;
    const items = scanned.items.filter((item) => {
      const at = windowStart + startOf(item);
      return at >= pieceStart && at < end;
    });
    yield { base: windowStart, items };
    pieceStart = end;
    windowStart = windowStartFor(text, pieceStart, sizes.before, scanned.spans, windowStart);
  }
}

/**
 * Whether a quotation could run across seams, met in increasing order: the last opening marks before
 * them and the next closing marks after them, kept up to date in one pass.
 */
class QuotationCrossing {
  private scanned: number;
  private lastStraight = -Infinity;
  private lastOpening = -Infinity;
  private lastClosing = -Infinity;
  // The first " and ” at or after the last seam asked about (Infinity: none; searched again only when passed).
  private nextStraight = -Infinity;
  private nextClosing = -Infinity;

  constructor(
    private readonly text: string,
    from: number,
    private readonly reach: number,
  ) {
    this.scanned = Math.max(0, from - reach);
  }

  /** The first `mark` at or after `at`, or Infinity. */
  private next(mark: string, at: number): number {
    const i = this.text.indexOf(mark, at);
    return i === -1 ? Infinity : i;
  }

  /** Could a quotation of at most `reach` characters, opened before `at`, close after it? */
  couldCross(at: number): boolean {
    const { text, reach } = this;
    for (; this.scanned < at; this.scanned++) {
      const c = text[this.scanned];
      if (c === '"') this.lastStraight = this.scanned;
      else if (c === '“') this.lastOpening = this.scanned;
      else if (c === '”') this.lastClosing = this.scanned;
    }
    if (this.lastStraight >= at - reach) {
      if (this.nextStraight < at) this.nextStraight = this.next('"', at);
      if (this.nextStraight - this.lastStraight <= reach) return true;
    }
    if (this.lastOpening >= at - reach && this.lastOpening > this.lastClosing) {
      if (this.nextClosing < at) this.nextClosing = this.next('”', at);
      if (this.nextClosing - this.lastOpening <= reach) return true;
    }
    return false;
  }
}

/**
 * The first seam in [from, to] that follows a blank line or that no quotation could cross; that no citation
 * crosses; and after which the citations that start in the next `after` characters were read whole (they
 * end before `trusted`). The spans are the window's, at `base`.
 */
function usableSeam(
  text: string,
  from: number,
  to: number,
  window: { spans: readonly { start: number; end: number }[]; base: number; trusted: number },
  sizes: PieceSizes,
): number | undefined {
  const { spans, base, trusted } = window;
  const quotations = sizes.quotationReach > 0 ? new QuotationCrossing(text, from, sizes.quotationReach) : undefined;
  let span = 0;
  for (const seam of seamsFrom(text, from)) {
    if (seam.at > to) return undefined;
    if (!seam.blankLine && quotations?.couldCross(seam.at)) continue;
    while (span < spans.length && base + spans[span].end <= seam.at) span++;
    if (span < spans.length && base + spans[span].start < seam.at) continue;
    let readWhole = true;
    for (let k = span; k < spans.length && base + spans[k].start < seam.at + sizes.after; k++) {
      if (base + spans[k].end > trusted) readWhole = false;
    }
    if (readWhole) return seam.at;
  }
  return undefined;
}
