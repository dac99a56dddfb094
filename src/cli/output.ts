/** Standard output for commands that may print a lot: batched, with backpressure, and quiet when the reader goes. */
import { type CliIo, errorCode, OutputClosedError } from './io';

/** Standard output could not be written (a full disk…): exit code 2. */
export class OutputError extends Error {
  constructor(override readonly cause: unknown) {
    super(`cannot write to standard output (${errorCode(cause) ?? (cause instanceof Error ? cause.message : String(cause))})`);
  }
}

/** Output is handed to the port in chunks of about this many characters (one write per chunk, not per line). */
export const OUTPUT_CHUNK = 64 * 1024;

export class OutputWriter {
  private buffer: string[] = [];
  private buffered = 0;
  private readerGone = false;

  constructor(
    private readonly io: CliIo,
    private readonly chunkSize = OUTPUT_CHUNK,
  ) {}

  /**
   * True once the reader of standard output has gone (EPIPE, as in `cites big.md | head -1`): what is written
   * from then on is dropped, and a command that only prints can stop.
   */
  get closed(): boolean {
    return this.readerGone;
  }

  /**
   * Adds text to the buffer; false when a chunk is full and should be handed over (`await flush()`) before
   * more is written. Like a stream's write(), without a promise per line.
   */
  write(text: string): boolean {
    if (this.readerGone) return true;
    this.buffer.push(text);
    this.buffered += text.length;
    return this.buffered < this.chunkSize;
  }

  /** Hands everything buffered to the port. */
  async flush(): Promise<void> {
    if (this.buffered === 0 || this.readerGone) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    try {
      await this.io.out(chunk);
    } catch (e) {
      if (!(e instanceof OutputClosedError)) throw new OutputError(e);
      this.readerGone = true;
    }
  }
}

// C0 and C1 control characters (line breaks, ESC…), DEL, and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029"]/;
/** What JSON.stringify leaves as it is but a terminal or a line reader may not. */
const UNESCAPED_BY_JSON = /[\u007f-\u009f\u2028\u2029]/g;

/**
 * A path as printed in `path:line:column: …` lines and messages: as it is, unless it holds a line break or
 * another control character (or a double quote), which could forge a line of output or drive the terminal;
 * then as a JSON string ("a\nb.md"), as Git quotes such names. An empty path is shown as "".
 */
export function printablePath(path: string): string {
  if (path !== '' && !UNPRINTABLE.test(path)) return path;
  return JSON.stringify(path).replace(UNESCAPED_BY_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
