import { checkDraft } from '../core/citations/diagnostics';
import { type CitationFormat, formatCitation } from '../core/citations/format';
import { findCitations } from '../core/citations/grammar';
import { entityLabel } from '../core/directory';
import { lineAndCharacter, lineStarts } from '../core/lines';
import { type Paragraph, walkDocument } from '../core/model';
import { loadShippedSearch } from '../core/shipped';
import { longDate, type Summary } from '../core/summary';
import { type OptionSpec, type ParsedArgs, parseArgs, UsageError } from './args';

/** What the CLI may touch; main.ts passes Node's, tests pass in-memory fakes. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
  /** Entries of a directory (names), or undefined when `path` is not a directory. */
  readDir(path: string): string[] | undefined;
}

export interface CliCommand {
  usage: string;
  /** The options the command accepts; any other is a usage error. */
  options: OptionSpec;
  run(args: ParsedArgs, summary: Summary, io: CliIo): number;
}

const JSON_ONLY: OptionSpec = new Map([['json', 'switch']]);

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

function sectionLabel(summary: Summary, p: Paragraph): string | null {
  const s = summary.doc.sections.find((x) => x.number === p.section);
  return s ? `${s.numeral}. ${s.title}` : null;
}

function sessionLabel(summary: Summary, p: Paragraph): string | null {
  return summary.session(p)?.title ?? null;
}

const list: CliCommand = {
  usage: 'list [--json]                  the sessions, challenges and paragraphs',
  options: JSON_ONLY,
  run(args, summary, io) {
    const { doc } = summary;
    if (args.options.has('json')) {
      io.out(
        json({
          title: doc.metadata.title,
          sessions: doc.sessions.map((s) => ({
            title: s.title,
            letter: s.letter,
            date: s.date,
            challenge: s.challenge === null ? null : doc.challenges[s.challenge].text,
            paragraphs: s.paragraphs,
          })),
          challenges: doc.challenges.map((c) => ({ number: c.number, text: c.text, paragraphs: c.paragraphs })),
          sections: doc.sections.map((s) => ({ number: s.number, numeral: s.numeral, title: s.title, paragraphs: s.paragraphs })),
          paragraphs: doc.paragraphs.map((p) => ({
            number: p.number,
            text: p.text,
            section: sectionLabel(summary, p),
            session: sessionLabel(summary, p),
            date: summary.session(p)?.date ?? null,
          })),
        }),
      );
      return 0;
    }
    const lines: string[] = [
      doc.metadata.title,
      `${doc.metadata.body}, ${doc.metadata.session.name} · ${doc.metadata.dateText}`,
      '',
    ];
    walkDocument(doc, {
      section: (s) => lines.push(`${s.numeral}. ${s.title}`),
      session: (s, challenge) => {
        lines.push(`  (${s.letter}) ${s.title}, ${longDate(s.date)}`);
        if (challenge) lines.push(`      Challenge: ${challenge.text}`);
      },
      paragraph: (p) => {
        const indent = p.session !== null ? '        ' : p.section !== null ? '    ' : '';
        lines.push(`${indent}¶ ${String(p.number).padStart(2)}  ${summary.headline(p, 70)}`);
      },
    });
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};

const show: CliCommand = {
  usage: 'show <n> [--json]              one paragraph',
  options: JSON_ONLY,
  run(args, summary, io) {
    if (args.positional.length !== 1) throw new UsageError('show needs one paragraph number');
    const raw = args.positional[0];
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    const p = summary.paragraph(n);
    if (!p) {
      io.err(`cnd-summary: there is no paragraph ${JSON.stringify(raw)}: the summary has paragraphs 1 to ${summary.count}\n`);
      return 2;
    }
    const entities = summary.entitiesIn(p).map((id) => summary.entity(id)!);
    if (args.options.has('json')) {
      io.out(
        json({
          number: p.number,
          text: p.text,
          keyPhrases: p.keyPhrases.map((k) => k.text),
          organizations: entities
            .filter((e) => e.type === 'organization')
            .map((e) => ({ id: e.org.id, acronym: e.org.acronym ?? null, name: e.org.name })),
          memberStates: entities.filter((e) => e.type === 'state').map((e) => ({ id: e.state.id, name: e.state.name })),
          section: sectionLabel(summary, p),
          session: sessionLabel(summary, p),
          date: summary.session(p)?.date ?? null,
          challenge: summary.challengeText(p) ?? null,
          footnotes: p.footnoteRefs
            .map((r) => summary.doc.footnotes.find((f) => f.id === r.id))
            .map((f) => ({ id: f!.id, text: f!.text, url: f!.url ?? null })),
        }),
      );
      return 0;
    }
    const lines = [`¶ ${p.number} · ${summary.placeOf(p)}`];
    const challenge = summary.challengeText(p);
    if (challenge) lines.push(`Challenge: ${challenge}`);
    lines.push('', p.text, '');
    if (p.keyPhrases.length) lines.push(`Key phrases: ${p.keyPhrases.map((k) => k.text).join('; ')}`);
    if (entities.length) lines.push(`Names: ${entities.map(entityLabel).join('; ')}`);
    io.out(`${lines.join('\n')}\n`);
    return 0;
  },
};

const search: CliCommand = {
  usage: 'search <query> [--json] [--limit N]   paragraphs matching words, "phrases", org:, session:, date:, para:',
  options: new Map([
    ['json', 'switch'],
    ['limit', 'value'],
  ]),
  run(args, summary, io) {
    const query = args.positional.join(' ');
    if (!query.trim()) throw new UsageError('search needs a query');
    const rawLimit = args.options.get('limit');
    const limit = rawLimit === undefined ? 10 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive whole number, not ${JSON.stringify(rawLimit)}`);
    const r = loadShippedSearch(summary).engine.search(query, { limit });
    if (r.error) {
      io.err(`cnd-summary search: ${r.error}\n`);
      return 2;
    }
    const hits = r.hits.filter((h) => h.kind === 'paragraph');
    if (args.options.has('json')) {
      io.out(json(hits.map((h) => ({ number: h.number, score: h.score, snippet: h.snippet.text }))));
      return 0;
    }
    if (r.message) io.err(`${r.message}\n`);
    for (const h of hits) {
      const p = summary.paragraph(h.number)!;
      io.out(`¶ ${h.number}  (${summary.placeOf(p)})  score ${h.score}\n    ${h.snippet.text}\n`);
    }
    return 0;
  },
};

function readInput(path: string, io: CliIo): string {
  try {
    return path === '-' ? io.readStdin() : io.readFile(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(`cannot read ${path === '-' ? 'standard input' : path}${code ? ` (${code})` : ''}`);
  }
}

export class InputError extends Error {}

const cites: CliCommand = {
  usage: 'cites <file|-> [--json]         the citations in a draft (UTF-16 offsets)',
  options: JSON_ONLY,
  run(args, _summary, io) {
    if (args.positional.length !== 1) throw new UsageError('cites needs one file, or - for standard input');
    const text = readInput(args.positional[0], io);
    const found = findCitations(text);
    if (args.options.has('json')) {
      io.out(
        json(found.map((c) => ({ start: c.start, end: c.end, text: c.text, paragraphs: c.paragraphs, external: c.external }))),
      );
      return 0;
    }
    const starts = lineStarts(text);
    for (const c of found) {
      const { line, column } = lineColumn(starts, c.start);
      io.out(
        `${line}:${column}  ${c.text}  ${c.external ? `(another document: ${c.externalReason ?? ''})` : `→ ${formatCitation(c.paragraphs)}`}\n`,
      );
    }
    return 0;
  },
};

const DRAFT_FILE = /\.(md|markdown|mdown|mkd|txt)$/i;

/** Files named on the command line; folders are walked for Markdown and text files. */
function expandPaths(paths: string[], io: CliIo): string[] {
  const out: string[] = [];
  const walk = (p: string, depth: number) => {
    const entries = io.readDir(p);
    if (entries === undefined) {
      out.push(p);
      return;
    }
    if (depth > 20) return;
    for (const name of [...entries].sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = `${p.replace(/\/+$/, '')}/${name}`;
      const sub = io.readDir(child);
      if (sub !== undefined) walk(child, depth + 1);
      else if (DRAFT_FILE.test(name)) out.push(child);
    }
  };
  for (const p of paths) walk(p, 0);
  return out;
}

/** `--dash` values: what stands between the ends of a range. */
const RANGE_DASHES: ReadonlyMap<string, CitationFormat['rangeDash']> = new Map([
  ['en', '–'],
  ['hyphen', '-'],
  ['to', ' to '],
]);

const check: CliCommand = {
  usage: 'check <files|folders…> [--dash en|hyphen|to]   check citations; exit 1 on errors',
  options: new Map([['dash', 'value']]),
  run(args, summary, io) {
    if (args.positional.length === 0) throw new UsageError('check needs at least one file or folder');
    const dashOption = args.options.get('dash') ?? 'en';
    const dash = typeof dashOption === 'string' ? RANGE_DASHES.get(dashOption) : undefined;
    if (!dash) throw new UsageError(`--dash must be en, hyphen or to, not ${JSON.stringify(dashOption)}`);
    let errors = 0;
    let unreadable = 0;
    for (const path of expandPaths(args.positional, io)) {
      let text: string;
      try {
        text = readInput(path, io);
      } catch (e) {
        io.err(`${path}: ${(e as Error).message}\n`);
        unreadable++;
        continue;
      }
      const starts = lineStarts(text);
      for (const p of checkDraft(text, summary, { format: { style: 'short', rangeDash: dash } })) {
        const { line, column } = lineColumn(starts, p.start);
        if (p.severity === 'error') errors++;
        io.out(`${path}:${line}:${column}: ${p.severity}: ${p.message}\n`);
      }
    }
    if (unreadable > 0) return 2;
    return errors > 0 ? 1 : 0;
  },
};

/** 1-based line and column (UTF-16 code units) of an offset. */
function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  const { line, character } = lineAndCharacter(starts, offset);
  return { line: line + 1, column: character + 1 };
}

/** The commands by name (a Map: a name typed by the user, such as `constructor`, is never looked up on a prototype). */
export const COMMANDS: ReadonlyMap<string, CliCommand> = new Map([
  ['list', list],
  ['show', show],
  ['search', search],
  ['cites', cites],
  ['check', check],
]);

export function usage(): string {
  return [
    'Usage: cnd-summary <command> [options]',
    '',
    'The CND Chair’s summary of the thematic discussions, 19–21 October 2021.',
    '',
    'Commands:',
    ...[...COMMANDS.values()].map((c) => `  ${c.usage}`),
    '',
  ].join('\n');
}

/** `--help` or `-h` among a command's arguments (before any `--`). */
function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}

/** Runs one CLI invocation; returns the exit code (0 ok, 1 problems found, 2 bad usage or input). */
export function runCli(argv: string[], summary: Summary, io: CliIo): number {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    io.err(`cnd-summary: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    if (wantsHelp(rest)) {
      io.out(`usage: cnd-summary ${command.usage}\n`);
      return 0;
    }
    return command.run(parseArgs(rest, command.options), summary, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cnd-summary ${name}: ${e.message}\nusage: cnd-summary ${command.usage}\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`cnd-summary ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
