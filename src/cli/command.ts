/** What every command is: its usage line, its options, and how it runs. */
import type { Summary } from '../core/summary/summary';
import type { OptionSpec, ParsedArgs } from './args';
import type { CliIo } from './io';
import type { OutputWriter } from './output';

export interface CliCommand {
  usage: string;
  /** The options the command accepts; any other is a usage error. */
  options: OptionSpec;
  /** Writes its results to `out` (standard output), messages to `io.err`; resolves to the exit code. */
  run(args: ParsedArgs, summary: Summary, io: CliIo, out: OutputWriter): number | Promise<number>;
}

/** The input could not be read (exit code 2): the message says which and why. */
export class InputError extends Error {}

export const JSON_ONLY: OptionSpec = new Map([['json', 'switch']]);

export const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

// A line break with the blanks around it; other C0 and C1 control characters.
const LINE_BREAK = /[ \t]*(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])\s*/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Draft text on one line of human-readable output: a citation or a range wrapped onto the next line of the
 * draft ("paras.⏎13–15") is shown with a space for the line break, so that each result stays one line; other
 * control characters (an escape sequence in a draft) are shown as \u escapes, not sent to the terminal.
 */
export function oneLine(text: string): string {
  if (!UNPRINTABLE.test(text)) return text;
  return text.replace(LINE_BREAK, ' ').replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
