/** What every command is: its usage line, its options, and how it runs. */
import type { Summary } from '../core/summary';
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
