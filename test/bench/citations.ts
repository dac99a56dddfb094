import { loadBundledSummary } from '../../src/core/summary/bundled';
import { checkDraft } from '../../src/core/citations/diagnostics';
import { DEFAULT_FORMAT } from '../../src/core/citations/format';
import { findCitations } from '../../src/core/citations/grammar';
import { interleaved, median, mulberry32, table } from './util';

const CITES = [
  '(para. 24)',
  'paras. 13–15',
  'paras. 11–13, 18 and 30–32',
  "paragraph 7 of the Chair's summary",
  '¶ 30',
  'para 9',
  'paragraphs 26 to 29',
  'operative paragraph 3 of resolution 64/1',
  'E/CN.7/2021/2, para. 12',
  'para. 38',
];

/** The summary's sentences (cut after each full stop), in order, each with the number of its paragraph. */
export function summarySentences(): { text: string; paragraph: number }[] {
  return loadBundledSummary().doc.paragraphs.flatMap((p) =>
    p.text.split(/(?<=\.)\s+/).map((text) => ({ text, paragraph: p.number })),
  );
}

/** A draft of about `bytes` characters: sentences of the summary, a citation or a quotation every few sentences. */
export function generatedDraft(bytes: number, seed = 7): string {
  const rand = mulberry32(seed);
  const sentences = summarySentences().map((s) => s.text);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    let s = sentences[Math.floor(rand() * sentences.length)];
    const r = rand();
    if (r < 0.3) s = s.replace(/\.$/, ` ${CITES[Math.floor(rand() * CITES.length)]}.`);
    else if (r < 0.35) s = `UNODC noted “less than 1 per cent of criminal proceeds was confiscated” (para. 24).`;
    parts.push(s);
    size += s.length + 1;
    if (rand() < 0.15) {
      parts.push('\n\n');
      size += 2;
    }
  }
  return parts.join(' ');
}

const BARE = /\bparas?\.\s*\d+/g;

function bareScan(text: string): number {
  let n = 0;
  BARE.lastIndex = 0;
  while (BARE.exec(text) !== null) n++;
  return n;
}

export function citationSection(): void {
  const summary = loadBundledSummary();
  console.log('\n## Citations: scanning a 5 MB draft, against a single bare regular expression as the floor\n');
  const five = generatedDraft(5_000_000);
  // The two timed in alternation, 21 rounds after 5 warm-up rounds: the ratio is the median of the
  // per-round ratios, so that a disturbance of the machine falls on both.
  const compared = interleaved(
    () => findCitations(five),
    () => bareScan(five),
    21,
    5,
  );
  const ours = compared.a;
  const floor = compared.b;
  const found = findCitations(five);
  // The derived fields (text, number list, expanded paragraphs) are computed on first read: reading them all.
  const materialized = median(
    () => findCitations(five).reduce((n, c) => n + c.text.length + c.numbers.length + c.paragraphs.length, 0),
    15,
    5,
  );
  table(
    ['scanner (median of 15 runs after 5 warm-up runs)', 'median ms', 'matches', 'MB/s'],
    [
      [
        'findCitations (ours: all forms, external references told apart)',
        ours.toFixed(1),
        String(found.length),
        (5 / (ours / 1000)).toFixed(0),
      ],
      [
        'findCitations, then reading every derived field of every citation',
        materialized.toFixed(1),
        String(found.length),
        (5 / (materialized / 1000)).toFixed(0),
      ],
      [
        'bare regex /\\bparas?\\.\\s*\\d+/g (no ranges, lists, forms or context)',
        floor.toFixed(1),
        String(bareScan(five)),
        (5 / (floor / 1000)).toFixed(0),
      ],
    ],
  );
  console.log(
    `ratio ours / bare regex, median of 21 interleaved rounds: ${compared.ratio.toFixed(2)}× (rounds ${compared.low.toFixed(2)}–${compared.high.toFixed(2)}×; target within 3×: ${compared.ratio <= 3 ? 'met' : 'NOT met'})`,
  );

  console.log('\n## Citations: full diagnostics (all checks, misquotations included) of a 1 MB draft\n');
  const one = generatedDraft(1_000_000, 11);
  const diag = median(() => checkDraft(one, summary, { format: DEFAULT_FORMAT }), 7);
  const problems = checkDraft(one, summary, { format: DEFAULT_FORMAT });
  console.log(
    `1 MB draft: ${diag.toFixed(1)} ms, ${problems.length} problems (target under 50 ms: ${diag < 50 ? 'met' : 'NOT met'})`,
  );

  console.log('\n## Citations: growth with input size (10× the input), ordinary and adversarial\n');
  const inputs: [string, (size: number) => string][] = [
    ['generated draft', (size) => generatedDraft(size, 3)],
    ['para. para. para. …', (size) => 'para. '.repeat(size / 6)],
    ['paras. 1, 1, 1, …', (size) => `paras. ${'1, '.repeat(size / 3)}1`],
    ['long digit runs (para. 999…)', (size) => `para. ${'9'.repeat(size)}`],
    ['digit runs of 6 (para. 999999 …)', (size) => 'para. 999999 '.repeat(size / 13)],
    ['unclosed quotations', (size) => '"a para. 1 '.repeat(size / 11)],
  ];
  const rows: string[][] = [];
  for (const [name, make] of inputs) {
    const small = make(100_000);
    const big = make(1_000_000);
    const run = (s: string) => () => checkDraft(s, summary, { format: DEFAULT_FORMAT });
    const ts = median(run(small), 5);
    const tb = median(run(big), 5);
    rows.push([name, ts.toFixed(2), tb.toFixed(2), `${(tb / ts).toFixed(1)}×`]);
  }
  table(['input (diagnostics, scanning included)', '100 kB ms', '1 MB ms', 'ratio for 10× input (linear ≈ 10×)'], rows);
}
