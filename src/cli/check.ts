/** `cnd-summary check <files|folders…>`: the problems in drafts, one line each. */
import { checkDraft } from '../core/citations/diagnostics';
import type { CitationFormat } from '../core/citations/format';
import { lineAndCharacter, lineStarts } from '../core/lines';
import { UsageError } from './args';
import type { CliCommand } from './command';
import { expandPaths, readText } from './drafts';

/** `--dash` values: what stands between the ends of a range. */
const RANGE_DASHES: ReadonlyMap<string, CitationFormat['rangeDash']> = new Map([
  ['en', '–'],
  ['hyphen', '-'],
  ['to', ' to '],
]);

export const check: CliCommand = {
  usage: 'check <files|folders…> [--dash en|hyphen|to]   check citations; exit 1 on errors',
  options: new Map([['dash', 'value']]),
  async run(args, summary, io, out) {
    if (args.positional.length === 0) throw new UsageError('check needs at least one file or folder');
    const dashOption = args.options.get('dash') ?? 'en';
    const dash = typeof dashOption === 'string' ? RANGE_DASHES.get(dashOption) : undefined;
    if (!dash) throw new UsageError(`--dash must be en, hyphen or to, not ${JSON.stringify(dashOption)}`);
    let errors = 0;
    let unreadable = 0;
    for (const path of await expandPaths(args.positional, io)) {
      let text: string;
      try {
        text = await readText(path, io);
      } catch (e) {
        io.err(`${path}: ${(e as Error).message}\n`);
        unreadable++;
        continue;
      }
      const starts = lineStarts(text);
      for (const p of checkDraft(text, summary, { format: { style: 'short', rangeDash: dash } })) {
        const { line, character } = lineAndCharacter(starts, p.start);
        if (p.severity === 'error') errors++;
        // Once the reader of standard output has gone, the problems are still counted: the exit code stays true.
        if (!out.write(`${path}:${line + 1}:${character + 1}: ${p.severity}: ${p.message}\n`)) await out.flush();
      }
    }
    if (unreadable > 0) return 2;
    return errors > 0 ? 1 : 0;
  },
};
