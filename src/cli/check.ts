/** `cnd-summary check <files|folders…>`: the problems in drafts, one line each; a one-line summary on standard error. */
import { checkDraft, type Problem, type Severity } from '../core/citations/diagnostics';
import type { CitationFormat } from '../core/citations/format';
import { findCitations } from '../core/citations/grammar';
import { LineCursor } from '../core/lines';
import type { Summary } from '../core/summary';
import { UsageError } from './args';
import { type CliCommand, oneLine } from './command';
import { findDrafts, readDraft } from './drafts';
import type { CliIo } from './io';
import { type OutputWriter, printablePath } from './output';
import { scanInPieces, type WindowScan } from './pieces';

/** `--dash` values: what stands between the ends of a range. */
const RANGE_DASHES: ReadonlyMap<string, CitationFormat['rangeDash']> = new Map([
  ['en', '–'],
  ['hyphen', '-'],
  ['to', ' to '],
]);

/** What a run of `check` did, for its summary line and exit code. */
class CheckTally {
  files = 0;
  /** Named or found, and could not be read (exit code 2). */
  failed = 0;
  /** Found in folders and not drafts (not regular files, binary, vanished): noted, not failures. */
  skipped = 0;
  readonly problems = new Map<Severity, number>([
    ['error', 0],
    ['warning', 0],
    ['information', 0],
  ]);

  count(severity: Severity): void {
    this.problems.set(severity, (this.problems.get(severity) ?? 0) + 1);
  }

  /** 0 ok, 1 errors found, 2 something could not be read (whatever else was found). */
  exitCode(): number {
    if (this.failed > 0) return 2;
    return (this.problems.get('error') ?? 0) > 0 ? 1 : 0;
  }

  /** "cnd-summary: 2 files checked, 4 problems (1 error, 2 warnings, 1 information); 1 skipped" */
  summary(): string {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const total = [...this.problems.values()].reduce((a, b) => a + b, 0);
    const bySeverity = [...this.problems]
      .filter(([, n]) => n > 0)
      .map(([severity, n]) => (severity === 'information' ? `${n} information` : plural(n, severity)));
    let line = `cnd-summary: ${plural(this.files, 'file')} checked, ${plural(total, 'problem')}`;
    if (total > 0) line += ` (${bySeverity.join(', ')})`;
    if (this.failed > 0) line += `; ${this.failed} could not be read`;
    if (this.skipped > 0) line += `; ${this.skipped} skipped`;
    return `${line}\n`;
  }
}

function problemScan(summary: Summary, format: CitationFormat): (window: string) => WindowScan<Problem> {
  return (window) => {
    const citations = findCitations(window);
    return { spans: citations, items: checkDraft(window, summary, { format, citations }) };
  };
}

async function checkOne(
  path: string,
  named: boolean,
  scan: (window: string) => WindowScan<Problem>,
  io: CliIo,
  out: OutputWriter,
  tally: CheckTally,
): Promise<void> {
  const shown = printablePath(path);
  const draft = await readDraft(path, named, io);
  if (draft.kind === 'failed') {
    io.err(`${shown}: ${draft.reason}\n`);
    tally.failed++;
    return;
  }
  if (draft.kind === 'skipped') {
    io.err(`cnd-summary: skipped ${shown}: ${draft.reason}\n`);
    tally.skipped++;
    return;
  }
  if (draft.warning) io.err(`cnd-summary: ${shown}: ${draft.warning}\n`);
  tally.files++;
  const cursor = new LineCursor(draft.text);
  for (const piece of scanInPieces(draft.text, scan, (p) => p.start)) {
    for (const p of piece.items) {
      const { line, character } = cursor.at(piece.base + p.start);
      tally.count(p.severity);
      // Once the reader of standard output has gone, the problems are still counted: the exit code and
      // the summary stay true.
      if (!out.write(`${shown}:${line + 1}:${character + 1}: ${p.severity}: ${oneLine(p.message)}\n`)) await out.flush();
    }
  }
}

export const check: CliCommand = {
  usage: 'check <files|folders…> [--dash en|hyphen|to]   check citations; exit 1 on errors',
  options: new Map([['dash', 'value']]),
  async run(args, summary, io, out) {
    if (args.positional.length === 0) throw new UsageError('check needs at least one file or folder');
    const dashOption = args.options.get('dash') ?? 'en';
    const dash = typeof dashOption === 'string' ? RANGE_DASHES.get(dashOption) : undefined;
    if (!dash) throw new UsageError(`--dash must be en, hyphen or to, not ${JSON.stringify(dashOption)}`);
    const scan = problemScan(summary, { style: 'short', rangeDash: dash });
    const tally = new CheckTally();
    for await (const found of findDrafts(args.positional, io)) {
      if (found.kind === 'draft') await checkOne(found.path, found.named, scan, io, out, tally);
      else if (found.kind === 'skipped') {
        io.err(`cnd-summary: skipped ${printablePath(found.path)}: ${found.reason}\n`);
        tally.skipped++;
      } else {
        io.err(`${printablePath(found.path)}: ${found.reason}\n`);
        tally.failed++;
      }
    }
    await out.flush();
    io.err(tally.summary());
    return tally.exitCode();
  },
};
