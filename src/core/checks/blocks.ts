/**
 * Cutting a draft into blocks that can be checked one by one, with the same answers as a check of the whole.
 *
 * A block ends after a blank line (a LF, spaces, tabs or CRs, a LF, and the blanks after them): sentences
 * end there, and so do most citations and quotations. Not all: the grammar reads a list, a range or an
 * `of …` phrase after a number across line breaks, blank ones included (`paras. 13,⏎⏎15` is one citation,
 * as the command line's pieces keep it), reads up to LOOKBEHIND characters before a keyword
 * (`E/CN.7/2021/2,⏎⏎para. 12` cites another document), and a quotation runs on across a blank line of CRLFs
 * (`“…⏎␍⏎…”`: the quotation scanner's paragraph break is LF, spaces, tabs or `>`, LF). A blank line where
 * one of these could happen is not a cut: the blocks either side stay one block. The tests are conservative
 * (a cut they keep may be one a check never reads across) and each reads at most SEAM_REACH characters
 * either side of the cut, besides the blank line itself, so that a session can tell which cuts an edit may
 * change.
 */
import { isLetterCode } from '../chars';
import { externalBefore, LOOKBEHIND } from '../citations/grammar';
import { indexOfInvisible, isInvisible } from '../citations/invisible';
import { MAX_QUOTATION } from '../citations/quotes';

export interface Block {
  start: number;
  end: number;
}

/** The most any test of a cut reads before or after it (besides the blank line itself). */
export const SEAM_REACH = 4096;

/**
 * How many characters other than blanks a citation's reading after its last number may hold before a blank
 * line and still go on after it: `, and`, ` to`, `, of the Chair's`, ` of resolution` (13 at most).
 */
const MAX_SEPARATOR = 20;

const BLANK = /\s/;

/** A blank (`\s`) or an invisible character (the invisible-character check reads the text without them). */
function isBlankCode(c: number, text: string, i: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return isInvisible(c) || BLANK.test(text[i]);
}

/** Where blank lines cut `text` into blocks that can be checked one by one: [start, end) pairs covering the text, in order. */
export function blocksOf(text: string): Block[] {
  return blocksIn(text, 0, text.length);
}

/**
 * The blocks of `text` between `from` and `to` (both the ends of blocks, or of the text), cut where blank
 * lines allow (see above); the tests read the whole text around each cut.
 */
export function blocksIn(text: string, from: number, to: number): Block[] {
  const out: Block[] = [];
  const judge = new CutJudge(text, from);
  let start = from;
  let i = text.indexOf('\n', from);
  while (i >= 0 && i < to) {
    // A blank line: a newline, spaces or tabs (or a CR), and another newline.
    let j = i + 1;
    let c = text.charCodeAt(j);
    while (j < to && (c === 32 || c === 9 || c === 13)) c = text.charCodeAt(++j);
    if (j < to && c === 10) {
      // The block ends after the blank lines (and the spaces that follow them).
      while (j < to && (c === 10 || c === 13 || c === 32 || c === 9)) c = text.charCodeAt(++j);
      if (j < to && judge.cuts(i, j)) {
        out.push({ start, end: j });
        start = j;
      }
    }
    i = text.indexOf('\n', j);
  }
  if (start < to || out.length === 0) out.push({ start, end: to });
  return out;
}

/** Decides, for blank lines met in increasing order, whether each is a cut (see the top of this file). */
class CutJudge {
  // For quotations: the last ", “ and ” before the cut asked about (scanned up to `scanned`), and the next "
  // and ” after it (searched again only once passed; -1: none left).
  private scanned: number;
  private lastStraight = -Infinity;
  private lastOpening = -Infinity;
  private lastClosing = -Infinity;
  private nextStraight = -2;
  private nextClosing = -2;
  /** The first invisible character at or after the position last asked about (-1: none left). */
  private nextInvisible = -2;

  constructor(
    private readonly text: string,
    from: number,
  ) {
    this.scanned = Math.max(0, from - SEAM_REACH);
  }

  /** Whether the blank line from the LF at `blank` to the block start `at` may cut the text. */
  cuts(blank: number, at: number): boolean {
    return !this.citationCrosses(at) && !this.lookbehindCrosses(at) && !this.quotationCrosses(blank, at);
  }

  /**
   * Could a citation's reading after a number cross the blank line before `at`? Only if the last characters
   * before it that are not blanks are a few letters, commas, `&` or apostrophes after a digit.
   */
  private citationCrosses(at: number): boolean {
    const { text } = this;
    const floor = Math.max(0, at - SEAM_REACH);
    let words = 0;
    for (let i = at - 1; i >= floor; i--) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) return true;
      if (isBlankCode(c, text, i)) continue;
      const wordy = c === 44 || c === 38 || c === 39 || c === 0x2019 || isLetterCode(c);
      if (!wordy || ++words > MAX_SEPARATOR) return false;
    }
    // The start of the text, or a reading too long to follow: a cut only at the start.
    return floor > 0;
  }

  /**
   * Does what stands before the blank line change whether a citation after it is another document's? Only
   * keywords within LOOKBEHIND characters of the block's start read back past it (every keyword starts with
   * p, P or ¶), and near invisible characters the text as it shows is read too: no cut there.
   */
  private lookbehindCrosses(at: number): boolean {
    const { text } = this;
    if (this.invisibleBetween(at - SEAM_REACH, at + SEAM_REACH)) return true;
    const end = Math.min(text.length, at + LOOKBEHIND);
    for (let k = at; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c !== 0x70 && c !== 0x50 && c !== 0xb6) continue;
      if (externalBefore(text, k) !== externalBefore(text, k, at)) return true;
    }
    return false;
  }

  private invisibleBetween(from: number, to: number): boolean {
    const start = Math.max(0, from);
    if (this.nextInvisible !== -1 && this.nextInvisible < start) this.nextInvisible = indexOfInvisible(this.text, start);
    return this.nextInvisible >= 0 && this.nextInvisible < to;
  }

  /**
   * Could a quotation run across the blank line [blank, at)? Not when it holds a paragraph break of the
   * quotation scanner (LF, spaces or tabs, LF); otherwise only if the last " before it and the next after it
   * are close enough to pair, or the last “ (with no ” after it) and the next ” (as the command line's pieces
   * tell a seam no quotation crosses).
   */
  private quotationCrosses(blank: number, at: number): boolean {
    const { text } = this;
    for (let p = blank; p < at && p - blank <= SEAM_REACH; p++) {
      if (text.charCodeAt(p) !== 10) continue;
      let q = p + 1;
      while (q < at && (text.charCodeAt(q) === 32 || text.charCodeAt(q) === 9)) q++;
      if (q < at && text.charCodeAt(q) === 10) return false;
    }
    const reach = MAX_QUOTATION + 1;
    if (this.scanned < at - reach) {
      this.scanned = at - reach;
      this.lastStraight = this.lastOpening = this.lastClosing = -Infinity;
    }
    for (; this.scanned < at; this.scanned++) {
      const c = text.charCodeAt(this.scanned);
      if (c === 0x22) this.lastStraight = this.scanned;
      else if (c === 0x201c) this.lastOpening = this.scanned;
      else if (c === 0x201d) this.lastClosing = this.scanned;
    }
    if (this.lastStraight >= at - reach) {
      if (this.nextStraight !== -1 && this.nextStraight < at) this.nextStraight = text.indexOf('"', at);
      if (this.nextStraight >= 0 && this.nextStraight - this.lastStraight <= reach) return true;
    }
    if (this.lastOpening >= at - reach && this.lastOpening > this.lastClosing) {
      if (this.nextClosing !== -1 && this.nextClosing < at) this.nextClosing = text.indexOf('”', at);
      if (this.nextClosing >= 0 && this.nextClosing - this.lastOpening <= reach) return true;
    }
    return false;
  }
}
