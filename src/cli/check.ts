/**
 * `cnd-summary check <files|folders…>`: every problem at every level that is not `off` (hints included), one
 * line each or as JSON; a one-line summary on standard error. Levels and citation style come from the
 * workspace's `.vscode/settings.json` (as in the editor, language sections included), then `--checks`.
 */
import type { CheckName, Levels, Severity } from '../core/checks/levels';
import { checkText, type DraftProblem } from '../core/checks/session';
import { BODIES_JSON, LEXICON } from '../core/summary/bundled';
import type { CitationFormat } from '../core/citations/format';
import { findCitations } from '../core/citations/grammar';
import { LineCursor } from '../core/summary/lines';
import type { Summary } from '../core/summary/summary';
import { createSupportModel } from '../core/support';
import type { SupportModel } from '../core/support/model';
import { parseLevels } from '../core/checks/levels';
import { UsageError } from './args';
import { type CliCommand, oneLine } from './command';
import { findDrafts, readDraft } from './drafts';
import type { CliIo } from './io';
import { type OutputWriter, printablePath } from './output';
import { scanInPieces, type WindowScan } from './pieces';
import { formatFor, levelsFor, readWorkspace, type WorkspaceSettings } from './workspace';

/** `--dash` values: what stands between the ends of a range. */
const RANGE_DASHES: ReadonlyMap<string, CitationFormat['rangeDash']> = new Map([
  ['en', '–'],
  ['hyphen', '-'],
  ['to', ' to '],
]);

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** What a run of `check` did, for its summary line and exit code. */
class CheckTally {
  files = 0;
  /** Named or found, and could not be read (exit code 2). */
  failed = 0;
  /** Found in folders and not drafts (not regular files, binary, vanished): noted, not failures. */
  skipped = 0;
  readonly problems = new Map<Severity, number>(SEVERITIES.map((s) => [s, 0]));

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

/** How the drafts of one language are checked. */
interface CheckSetup {
  levels: Levels;
  format: CitationFormat;
}

/**
 * Where the checks of one piece stop (a piece is 64 KiB; see pieces.ts): the command line reports the
 * problems of a whole file (a piece holds more only when it is little else than problems), where the editor
 * stops at what VS Code shows (MAX_PROBLEMS).
 */
export const PIECE_MAX_PROBLEMS = 10_000;

function problemScan(summary: Summary, model: () => SupportModel, setup: CheckSetup, ws: WorkspaceSettings) {
  const isKept = ws.kept.entries.length > 0 ? (s: string, p: readonly number[]) => ws.kept.has(s, p) : undefined;
  const options = { format: setup.format, levels: setup.levels, maxProblems: PIECE_MAX_PROBLEMS, ...(isKept ? { isKept } : {}) };
  return (window: string): WindowScan<DraftProblem> => ({
    spans: findCitations(window),
    items: checkText(summary, model, window, options).problems,
  });
}

/** Where a problem ends, from where it starts (problems are short: a citation, a sentence). */
function endOf(
  text: string,
  start: number,
  end: number,
  at: { line: number; character: number },
): { line: number; character: number } {
  let { line, character } = at;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      character = 0;
    } else character++;
  }
  return { line, character };
}

interface Output {
  asJson: boolean;
  first: boolean;
}

async function checkOne(
  path: string,
  named: boolean,
  scanFor: (language: string) => (window: string) => WindowScan<DraftProblem>,
  io: CliIo,
  out: OutputWriter,
  output: Output,
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
  const scan = scanFor(/\.txt$/i.test(path) ? 'plaintext' : 'markdown');
  for (const piece of scanInPieces(draft.text, scan, (p) => p.start)) {
    for (const p of piece.items) {
      const start = piece.base + p.start;
      const at = cursor.at(start);
      tally.count(p.severity);
      let line: string;
      if (output.asJson) {
        const end = endOf(draft.text, start, piece.base + p.end, at);
        const entry = {
          file: path,
          line: at.line + 1,
          column: at.character + 1,
          endLine: end.line + 1,
          endColumn: end.character + 1,
          severity: p.severity,
          code: p.check,
          message: p.message,
          suggestions: p.suggestions,
        };
        line = `${output.first ? '' : ',\n'}  ${JSON.stringify(entry)}`;
        output.first = false;
      } else line = `${shown}:${at.line + 1}:${at.character + 1}: ${p.severity}: ${oneLine(p.message)}\n`;
      // Once the reader of standard output has gone, the problems are still counted: the exit code and
      // the summary stay true.
      if (!out.write(line)) await out.flush();
    }
  }
}

export const check: CliCommand = {
  usage:
    'check <files|folders…> [--json] [--checks name=level,…] [--dash en|hyphen|to]   check citations and what they support; exit 1 on errors',
  options: new Map([
    ['dash', 'value'],
    ['checks', 'value'],
    ['json', 'switch'],
  ]),
  async run(args, summary, io, out) {
    if (args.positional.length === 0) throw new UsageError('check needs at least one file or folder');
    const dashOption = args.options.get('dash');
    const dash = dashOption === undefined ? undefined : typeof dashOption === 'string' ? RANGE_DASHES.get(dashOption) : undefined;
    if (dashOption !== undefined && !dash)
      throw new UsageError(`--dash must be en, hyphen or to, not ${JSON.stringify(dashOption)}`);
    const checksOption = args.options.get('checks');
    if (checksOption !== undefined && typeof checksOption !== 'string') throw new UsageError('--checks needs name=level pairs');
    const overrides: Record<string, string> = {};
    if (typeof checksOption === 'string') {
      const parsed = parseLevels(checksOption);
      if (parsed.errors.length > 0) throw new UsageError(`--checks: ${parsed.errors.join('; ')}`);
      for (const item of checksOption.split(',')) {
        const [name, level] = item.split('=').map((x) => x.trim());
        if (name) overrides[name as CheckName] = level;
      }
    }
    const ws = await readWorkspace(io, io.cwd, summary.count);
    for (const problem of ws.problems) io.err(`cnd-summary: ${problem}\n`);
    let model: SupportModel | undefined;
    const support = () => (model ??= createSupportModel(summary, BODIES_JSON, LEXICON));
    const scans = new Map<string, (window: string) => WindowScan<DraftProblem>>();
    const scanFor = (language: string) => {
      let scan = scans.get(language);
      if (!scan) {
        const { levels, errors } = levelsFor(ws, language, overrides);
        for (const e of errors) io.err(`cnd-summary: ${e}\n`);
        const format = formatFor(ws, language);
        scan = problemScan(summary, support, { levels, format: dash ? { ...format, rangeDash: dash } : format }, ws);
        scans.set(language, scan);
      }
      return scan;
    };
    const output: Output = { asJson: args.options.has('json'), first: true };
    if (output.asJson) out.write('[\n');
    const tally = new CheckTally();
    for await (const found of findDrafts(args.positional, io)) {
      if (found.kind === 'draft') await checkOne(found.path, found.named, scanFor, io, out, output, tally);
      else if (found.kind === 'skipped') {
        io.err(`cnd-summary: skipped ${printablePath(found.path)}: ${found.reason}\n`);
        tally.skipped++;
      } else {
        io.err(`${printablePath(found.path)}: ${found.reason}\n`);
        tally.failed++;
      }
    }
    if (output.asJson) out.write(output.first ? ']\n' : '\n]\n');
    await out.flush();
    io.err(tally.summary());
    return tally.exitCode();
  },
};
