// Adversarial texts made of what the scanners react to, repeated to 200-500 kB: findCitations and checkDraft
// never throw and stay within a loose time budget per MB (loose so that CI stays steady on a busy machine;
// `npm run bench`, section "adversarial", measures the real figures against 100 ms/MB).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { checkDraft } from '../../src/core/citations/diagnostics';
import { DEFAULT_FORMAT } from '../../src/core/citations/format';
import { findCitations } from '../../src/core/citations/grammar';
import { DEFAULT_LEVELS } from '../../src/core/checks/levels';
import { checkText } from '../../src/core/checks/session';
import { createSupportModel } from '../../src/core/support';
import { BODIES_JSON, LEXICON } from '../../src/core/summary/bundled';
import { summary } from './fixtures';
import { propertyParams } from './property';

/**
 * The grammar's and the checks' trigger tokens. grammar.ts: the candidate words (CANDIDATE: p-a-r then a, r or
 * ".", in any case, accented á) and what keywordKind makes of them, pilcrows; readNumber (digits, up to 6,
 * "16.4", "24a"); skipSpace (spaces, tabs, no-break spaces, one line break, CR); readRange (dashes – — - ‒ −,
 * RANGE_WORD to/a/à/au); LIST_SEP (, & and y et); OURS_SUFFIX and OTHER_SUFFIX (of … summary, du résumé, del
 * resumen, of resolution); EXTERNAL_BEFORE (operative, article 3, document symbols with /, resolution 64/1,).
 * quotes.ts: quotation marks, blank lines (with spaces, tabs, >), ellipses and [insertions]. invisible.ts: the
 * invisible characters. sentences.ts: sentence ends and list items. And other scripts, emoji, Markdown.
 */
const TRIGGERS = [
  'p',
  'pa',
  'par',
  'para',
  'para.',
  'paras',
  'paras.',
  'Para.',
  'PARAS',
  'pArR',
  'paragraph',
  'paragraphs',
  'par.',
  'párr.',
  'párrs.',
  'PÁRR.',
  '¶',
  '¶¶',
  '§',
  '1',
  '9',
  '24',
  '37',
  '38',
  '240',
  '999999',
  '1234567',
  '16.4',
  '1,5',
  '24a',
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u202f',
  '\n',
  '\n\n',
  '\n \t>\n',
  '\r',
  '\r\n',
  '–',
  '—',
  '-',
  '‒',
  '−',
  ',',
  ', ',
  '&',
  ' and ',
  ' y ',
  ' et ',
  ' to ',
  ' a ',
  ' à ',
  ' au ',
  ' of ',
  ' of the summary',
  " of the Chair's summary",
  ' du résumé',
  ' del resumen',
  ' of resolution 64/1',
  'operative ',
  'preambular ',
  'article 3, ',
  'E/CN.7/2021/2, ',
  '/',
  'resolution 64/1, ',
  '(',
  ')',
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  '‘',
  '’',
  "'",
  '[',
  ']',
  '...',
  '…',
  '.',
  '. A',
  '*',
  '`',
  '# ',
  '- ',
  '\u200b',
  '\u200d',
  '\u200f',
  '\u00ad',
  '\u2060',
  '\ufeff',
  '\u202e',
  '\u2066',
  'x',
  'a',
  'é',
  'confiscation',
  'ب',
  '中',
  'Ж',
  '😀',
];

const unit = fc.array(fc.constantFrom(...TRIGGERS), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
/** One unit, or two taking turns, and the size to repeat them to (the text is made in the property, so that a failure prints the units, not the text). */
const recipe = fc.tuple(unit, fc.option(unit, { nil: undefined }), fc.integer({ min: 200_000, max: 500_000 }));

function adversarialText([a, b, size]: [string, string | undefined, number]): string {
  const piece = b === undefined ? a : a + b;
  return piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
}

/** A loose budget: 1 s per MB of text, of the smaller of CPU and wall time (see test/bench/adversarial.ts). */
const BUDGET_MS_PER_MB = 1000;

/**
 * The smaller of two timings of `fn` (see timedOnce): the first may pay for compiling a path no text took
 * before, or for a collection of what the previous property left, on a loaded machine; a scan that grows
 * faster than its text is slow both times.
 */
function timed(fn: () => unknown): number {
  return Math.min(timedOnce(fn), timedOnce(fn));
}

function timedOnce(fn: () => unknown): number {
  const before = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(before);
  return Math.min(wall, (cpu.user + cpu.system) / 1000);
}

describe('adversarial texts from the trigger tokens (fast-check)', () => {
  test('findCitations and checkDraft finish within 1 s per MB and never throw', () => {
    fc.assert(
      fc.property(recipe, (r) => {
        const text = adversarialText(r);
        const budget = (BUDGET_MS_PER_MB * text.length) / 1e6;
        const scan = timed(() => findCitations(text));
        assert.ok(
          scan <= budget,
          `findCitations: ${scan.toFixed(0)} ms for ${text.length} characters (budget ${budget.toFixed(0)})`,
        );
        const check = timed(() => checkDraft(text, summary, { format: DEFAULT_FORMAT }));
        assert.ok(
          check <= budget,
          `checkDraft: ${check.toFixed(0)} ms for ${text.length} characters (budget ${budget.toFixed(0)})`,
        );
      }),
      propertyParams(50),
    );
  });

  test('all checks (the support checks too) finish within 1 s per MB and never throw', () => {
    // Every citation of a sentence asked for its claim with every citation of the sentence blanked, each
    // read in turn: 'para. 1 ' × 100,000, one sentence, took 45 s per MB, and 4× the text 16× the time.
    const model = createSupportModel(summary, BODIES_JSON, LEXICON);
    const options = { format: DEFAULT_FORMAT, levels: DEFAULT_LEVELS };
    for (const text of ['para. 1 '.repeat(50_000), `${'(para. 24) '.repeat(40_000)}.`]) {
      const budget = (BUDGET_MS_PER_MB * text.length) / 1e6;
      const spent = timed(() => checkText(summary, () => model, text, options));
      assert.ok(spent <= budget, `checkText: ${spent.toFixed(0)} ms for ${text.length} characters (budget ${budget.toFixed(0)})`);
    }
    fc.assert(
      fc.property(recipe, (r) => {
        const text = adversarialText(r);
        const budget = (BUDGET_MS_PER_MB * text.length) / 1e6;
        const spent = timed(() => checkText(summary, () => model, text, options));
        assert.ok(
          spent <= budget,
          `checkText: ${spent.toFixed(0)} ms for ${text.length} characters (budget ${budget.toFixed(0)})`,
        );
      }),
      propertyParams(20),
    );
  });
});
