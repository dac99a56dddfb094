import { entityLabel } from '../core/summary/directory';
import { type Paragraph, walkDocument } from '../core/summary/model';
import { loadShippedSearch } from '../core/summary/shipped';
import { longDate, type Summary } from '../core/summary/summary';
import { parseArgs, UsageError } from './args';
import { check } from './check';
import { cites } from './cites';
import { BODIES_JSON, LEXICON } from '../core/summary/bundled';
import { createSupportModel } from '../core/support';
import { relatedParagraphs } from '../core/support/related';
import { type CliCommand, InputError, json, JSON_ONLY } from './command';
import type { CliIo } from './io';
import { OutputError, OutputWriter } from './output';

export type { CliIo } from './io';

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
  run(args, summary, _io, out) {
    const { doc } = summary;
    if (args.options.has('json')) {
      out.write(
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
    out.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

const show: CliCommand = {
  usage: 'show <n> [--json]              one paragraph',
  options: JSON_ONLY,
  run(args, summary, io, out) {
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
      out.write(
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
    out.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

const search: CliCommand = {
  usage: 'search <query> [--json] [--limit N]   paragraphs matching words, "phrases", org:, session:, date:, para:',
  options: new Map([
    ['json', 'switch'],
    ['limit', 'value'],
  ]),
  run(args, summary, io, out) {
    const query = args.positional.join(' ');
    if (!query.trim()) throw new UsageError('search needs a query');
    const rawLimit = args.options.get('limit');
    const limit = rawLimit === undefined ? 10 : typeof rawLimit === 'string' && /^\d+$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive whole number, not ${JSON.stringify(rawLimit)}`);
    const r = loadShippedSearch(summary).search(query, { limit });
    if (r.error) {
      io.err(`cnd-summary search: ${r.error}\n`);
      return 2;
    }
    const hits = r.hits.filter((h) => h.kind === 'paragraph');
    if (args.options.has('json')) {
      out.write(json(hits.map((h) => ({ number: h.number, score: h.score, snippet: h.snippet.text }))));
      return 0;
    }
    if (r.message) io.err(`${r.message}\n`);
    for (const h of hits) {
      const p = summary.paragraph(h.number)!;
      out.write(`¶ ${h.number}  (${summary.placeOf(p)})  score ${h.score}\n    ${h.snippet.text}\n`);
    }
    return 0;
  },
};

const related: CliCommand = {
  usage: 'related <sentence> [--json] [--limit N]   the paragraphs that support a sentence of a draft, best first',
  options: new Map([
    ['json', 'switch'],
    ['limit', 'value'],
  ]),
  run(args, summary, _io, out) {
    const sentence = args.positional.join(' ');
    if (!sentence.trim()) throw new UsageError('related needs a sentence');
    const rawLimit = args.options.get('limit');
    const limit = rawLimit === undefined ? 5 : typeof rawLimit === 'string' && /^\d+$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new UsageError(`--limit must be a positive whole number, not ${JSON.stringify(rawLimit)}`);
    const result = relatedParagraphs(createSupportModel(summary, BODIES_JSON, LEXICON), sentence, Math.min(limit, summary.count));
    if (args.options.has('json')) {
      out.write(json(result.paragraphs.map((r) => ({ paragraph: r.paragraph, score: r.score, matched: r.matched }))));
      return 0;
    }
    if (result.message) out.write(`${result.message}\n`);
    for (const r of result.paragraphs) {
      const p = summary.paragraph(r.paragraph)!;
      out.write(
        `¶ ${r.paragraph}  (${summary.placeOf(p)})  score ${r.score}${r.matched.length ? `  matched: ${r.matched.join(', ')}` : ''}\n`,
      );
    }
    return 0;
  },
};

/** The commands by name (a Map: a name typed by the user, such as `constructor`, is never looked up on a prototype). */
export const COMMANDS: ReadonlyMap<string, CliCommand> = new Map([
  ['list', list],
  ['show', show],
  ['search', search],
  ['related', related],
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

/**
 * Runs one CLI invocation; resolves to the exit code: 0 ok, 1 problems found (`check`), 2 bad usage, or input
 * that could not be read, or output that could not be written. A reader of standard output that goes away
 * (`| head -1`) is not an error: the command stops writing, quietly.
 */
export async function runCli(argv: string[], summary: Summary, io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    io.err(usage());
    return 2;
  }
  const command = COMMANDS.get(name);
  const asksHelp = name === '--help' || name === '-h' || name === 'help';
  if (!command && !asksHelp) {
    io.err(`cnd-summary: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return 2;
  }
  const out = new OutputWriter(io);
  try {
    let code = 0;
    if (!command) out.write(usage());
    else if (wantsHelp(rest)) out.write(`usage: cnd-summary ${command.usage}\n`);
    else code = await command.run(parseArgs(rest, command.options), summary, io, out);
    await out.flush();
    return code;
  } catch (e) {
    const prefix = command ? `cnd-summary ${name}` : 'cnd-summary';
    if (e instanceof UsageError && command) {
      io.err(`${prefix}: ${e.message}\nusage: cnd-summary ${command.usage}\n`);
      return 2;
    }
    if (e instanceof InputError || e instanceof OutputError) {
      io.err(`${prefix}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
