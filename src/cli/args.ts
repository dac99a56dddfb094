/** Command-line arguments: positionals and `--name`, `--name value`, `--name=value` options. */

/** What a command accepts: each option's name, and whether it is a switch (`--json`) or takes a value (`--limit 5`). */
export type OptionSpec = ReadonlyMap<string, 'switch' | 'value'>;

export interface ParsedArgs {
  positional: string[];
  /** Options as given: `true` for a switch, the text for an option with a value (the last one wins when repeated). */
  options: Map<string, string | true>;
}

/** A mistake in how the command was called: shown with the command's usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Reads `argv` against the options a command declares. An option that takes a value accepts both
 * `--dash hyphen` and `--dash=hyphen`; a switch given a value (`--json=yes`), a value missing at the end, and
 * any option the command does not declare are usage errors. After `--`, everything is positional (a file
 * named `--json`); a lone `-` (standard input) and `-5` are positional too.
 */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const kind = spec.get(name);
    if (kind === undefined) throw new UsageError(`unknown option --${name}`);
    if (kind === 'switch') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value (found --${name}=${arg.slice(eq + 1)})`);
      options.set(name, true);
    } else if (eq >= 0) {
      options.set(name, arg.slice(eq + 1));
    } else {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value: --${name} <value> or --${name}=<value>`);
      options.set(name, argv[++i]);
    }
  }
  return { positional, options };
}
