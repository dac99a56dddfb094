/**
 * Invisible format characters: zero-width spaces and joiners, direction marks and controls, the soft hyphen,
 * the byte order mark. They show as nothing, so `para. 1` + U+200D + `2` shows as "para. 12" but the grammar
 * reads ¶ 1 (or no citation at all: `para.` + U+200B + ` 12`). Drafts get them from copy and paste (web pages,
 * PDFs, word processors) and, on purpose, from anyone who wants a citation to read other than it shows.
 */

/** Each character with its Unicode name, by code. */
const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'SOFT HYPHEN'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

/** A run of the characters of NAMES (the class is made from the table, so the two cannot disagree). */
const INVISIBLE_RUN = new RegExp(`[${[...NAMES.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]+`, 'g');

/** Where the first invisible character at or after `from` stands, or -1. */
export function indexOfInvisible(text: string, from: number): number {
  INVISIBLE_RUN.lastIndex = from;
  const m = INVISIBLE_RUN.exec(text);
  return m ? m.index : -1;
}

export function isInvisible(code: number): boolean {
  return NAMES.has(code);
}

/** `U+200D ZERO WIDTH JOINER`. */
export function invisibleName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${NAMES.get(code) ?? 'FORMAT CHARACTER'}`;
}

/** Invisible characters [start, end) of a text, which stood before offset `at` of the text as shown. */
export interface InvisibleRun {
  start: number;
  end: number;
  at: number;
}

/** `text` as it shows: without its invisible characters (the same string when it has none). */
export function withoutInvisible(text: string): string {
  INVISIBLE_RUN.lastIndex = 0;
  return INVISIBLE_RUN.test(text) ? text.replace(INVISIBLE_RUN, '') : text;
}

/** Where the invisible characters of `text` are, in order, with where each run stands in the text as it shows. */
export function invisibleRuns(text: string): InvisibleRun[] {
  const runs: InvisibleRun[] = [];
  const cursor = new InvisibleRunCursor(text);
  for (let run = cursor.peek(); run; cursor.next(), run = cursor.peek()) runs.push(run);
  return runs;
}

/** The runs of `invisibleRuns(text)`, one at a time, found as they are asked for. */
export class InvisibleRunCursor {
  private readonly re = new RegExp(INVISIBLE_RUN.source, 'g');
  private current: InvisibleRun | undefined;
  private removed = 0;
  private done = false;

  constructor(private readonly text: string) {}

  /** The next run, not taken; undefined after the last. */
  peek(): InvisibleRun | undefined {
    if (!this.current && !this.done) {
      const m = this.re.exec(this.text);
      if (!m) this.done = true;
      else {
        this.current = { start: m.index, end: m.index + m[0].length, at: m.index - this.removed };
        this.removed += m[0].length;
      }
    }
    return this.current;
  }

  /** Takes the run `peek` gives. */
  next(): void {
    this.peek();
    this.current = undefined;
  }
}

/** The text as it shows and where its invisible characters were; undefined when it has none. */
export function shownText(text: string): { text: string; runs: InvisibleRun[] } | undefined {
  const shown = withoutInvisible(text);
  return shown === text ? undefined : { text: shown, runs: invisibleRuns(text) };
}
