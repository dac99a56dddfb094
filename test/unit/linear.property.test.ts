// The scanners and checks rewritten to run in linear time give the same answers as the ones they replaced
// (test/unit/reference.ts keeps those, word for word), on small random inputs made of what they react to.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkDraft, fixAllEdits, type Problem, type ProblemCode } from '../../src/core/citations/diagnostics';
import { DEFAULT_FORMAT } from '../../src/core/citations/format';
import { findCitations } from '../../src/core/citations/grammar';
import {
  closestPassage,
  findQuotations,
  normalizeWords,
  passageFinder,
  quotationSegments,
} from '../../src/core/citations/quotes';
import { sentences } from '../../src/core/summary/sentences';
import type { Citation } from '../../src/core/citations/grammar';
import { firstEndingAfter } from '../../src/core/support/judge';
import { summary } from './fixtures';
import { propertyParams } from './property';
import {
  referenceClosestPassage,
  referenceExpand,
  referenceFindQuotations,
  referenceFixAllEdits,
  referenceMisquotations,
  referenceNormalizeWords,
  referenceSegments,
  referenceSentences,
} from './reference';

/** Quotation marks, line breaks and blank lines (with the spaces, tabs and `>` a blank line may hold), words, and long runs past MAX_QUOTATION. */
const QUOTE_PIECES = [
  '"',
  '"',
  '“',
  '“',
  '”',
  '”',
  '„',
  '«',
  '»',
  '‘',
  '’',
  "'",
  '\n',
  '\n\n',
  '\n \t\n',
  '\n> \n',
  '\n>\n',
  '\r\n',
  '\r\n\r\n',
  '\r',
  ' ',
  '\t',
  '>',
  'a',
  'word',
  '1',
  '.',
  'é',
  '😀',
  '–',
  'x'.repeat(700),
  ' y'.repeat(400),
];
const quoteText = fc.array(fc.constantFrom(...QUOTE_PIECES), { maxLength: 40 }).map((a) => a.join(''));

const SEGMENT_PIECES = ['[', ']', '[sic]', '...', '..', '.', '…', 'a', ' ', 'word', '[[', ']]', '....'];
const segmentText = fc.array(fc.constantFrom(...SEGMENT_PIECES), { maxLength: 30 }).map((a) => a.join(''));

const paragraphs = summary.doc.paragraphs.map((p) => p.text);
const summaryWords = paragraphs.join(' ').split(/\s+/);

/** Words of the summary, in and out of order, with slips: what quotations and misquotations are made of. */
const misquotation = fc
  .tuple(
    fc.nat(summaryWords.length - 1),
    fc.integer({ min: 1, max: 60 }),
    fc.array(fc.constantFrom('the', 'zzz', 'and', 'of', 'proceeds', 'x'), { maxLength: 8 }),
    fc.boolean(),
  )
  .map(([from, length, slips, shuffle]) => {
    const words = summaryWords.slice(from, from + length);
    for (const [i, s] of slips.entries()) words.splice((i * 7) % (words.length + 1), 0, s);
    if (shuffle) words.reverse();
    return words.join(' ');
  });

describe('linear-time rewrites give the answers of the code they replaced (fast-check)', () => {
  test('findQuotations: the same quotations as the regular expression', () => {
    fc.assert(
      fc.property(quoteText, (t) => assert.deepEqual(findQuotations(t), referenceFindQuotations(t))),
      propertyParams(3000),
    );
  });

  test('quotation segments: the same cuts as split(/\\.\\.\\.|…|\\[[^\\]]*\\]/)', () => {
    fc.assert(
      fc.property(segmentText, (t) => assert.deepEqual(quotationSegments(t), referenceSegments(t))),
      propertyParams(3000),
    );
  });

  test('closestPassage: the same passage and score as trying every window size', () => {
    const source = fc.oneof(
      fc.constantFrom(...paragraphs),
      fc.array(fc.constantFrom('the', 'proceeds', 'of', 'crime', 'zzz', 'and'), { maxLength: 40 }).map((a) => a.join(' ')),
    );
    fc.assert(
      fc.property(misquotation, source, (q, s) => assert.deepEqual(closestPassage(q, s), referenceClosestPassage(q, s))),
      propertyParams(500),
    );
  });

  test('passage finders used in turn, over sources that add words: each answers as the reference, and its bound holds', () => {
    // Finders share one table of the vocabulary (each writes its words again when another wrote since), and a
    // source read for the first time adds words a quotation may have: interleaving must not change an answer.
    const odd = fc.constantFrom('well-being', 'Chair’s', "Chair's", 'ÉTAT', 'İstanbul', 'naïve', 'x-ray', '2021', 'zzz');
    const source = fc.oneof(
      fc.constantFrom(...paragraphs),
      fc
        .array(fc.oneof(fc.constantFrom('the', 'proceeds', 'of', 'crime', 'and'), odd, fc.stringMatching(/^[a-z]{1,4}$/)), {
          maxLength: 40,
        })
        .map((a) => a.join(' ')),
    );
    const quotation = fc.oneof(
      misquotation,
      fc.array(odd, { minLength: 1, maxLength: 6 }).map((a) => a.join(' ')),
    );
    const step = fc.tuple(fc.nat(3), source, fc.boolean());
    fc.assert(
      fc.property(fc.array(quotation, { minLength: 1, maxLength: 4 }), fc.array(step, { maxLength: 12 }), (quotations, steps) => {
        const finders = quotations.map((q) => passageFinder(q));
        for (const [k, s, wantClosest] of steps) {
          const i = k % finders.length;
          const expected = referenceClosestPassage(quotations[i], s);
          if (wantClosest) assert.deepEqual(finders[i].closest(s), expected);
          else assert.ok(finders[i].bound(s) >= (expected?.score ?? 0));
        }
      }),
      propertyParams(1000),
    );
  });

  test('firstEndingAfter: the same answer from any index it is told to look near first', () => {
    // Citations in order, not overlapping (gaps and lengths of 0 to 3), any offset, any hint (in range or not).
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { maxLength: 12 }),
        fc.integer({ min: -2, max: 40 }),
        fc.integer({ min: -2, max: 14 }),
        (spans, offset, near) => {
          let at = 0;
          const cites = spans.map(([gap, length]) => {
            const start = at + gap;
            at = start + length;
            return { start, end: at };
          }) as unknown as Citation[];
          const truth = cites.findIndex((c) => c.end > offset);
          const expected = truth < 0 ? cites.length : truth;
          assert.equal(firstEndingAfter(cites, offset), expected);
          assert.equal(firstEndingAfter(cites, offset, near), expected);
        },
      ),
      propertyParams(20_000),
    );
  });

  test('sentences: the same sentences as the regular expressions they replaced', () => {
    // What the splitter reacts to: sentence ends, closing and opening marks, spaces and line breaks (LF,
    // CRLF, CR, Unicode spaces), blank lines, list and heading markers, capital letters (ASCII, accented,
    // astral), digits, word characters before an abbreviation, and the abbreviations themselves.
    const piece = fc.constantFrom(
      ...['.', '!', '?', '"', '”', '’', ')', '“', '‘', '(', ' ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u2028'],
      ...['-', '*', '+', '#', '######', '1', '1234', '_', 'A', 'É', '𝐀', 'a', 'á', 'x1', 'para', 'paras', 'párrs'],
      ...['e.g', 'i.e', 'Mr', 'Mrs', 'Nos', 'U.S', 'H.E', 'Vol', 'arts', 'p', 'pp', 'op', 'etc', 'Dr', 'St', 'cf'],
      // Whole structures, so that each is likely to appear: list items and headings at their limits,
      // abbreviations and sentence ends before capitals, digits and opening marks.
      ...['\n1234. x', '\n123) x', '\n12.x', '\n  - x', '\n####### x', '\n###### x', '\n\t+\tx', '\n \r\n \n'],
      ...[
        ' p. 2',
        ' pp. A',
        ' x.p. B',
        ' J. Smith',
        ' Z. Roe',
        ' e.g. “A',
        ' U.S. (1',
        '. “A',
        '.\n  B',
        '.\r\n 1',
        '!” B',
        '?’) 1',
      ],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (a) => {
        const t = a.join('');
        assert.deepEqual(sentences(t), referenceSentences(t), JSON.stringify(t));
      }),
      propertyParams(30_000),
    );
  });

  test('normalizeWords: the same words as with Unicode properties, plain text or not', () => {
    const piece = fc.constantFrom(
      'Para',
      ' ',
      'well-being',
      '’',
      '‘',
      '`',
      '´',
      '“',
      '”',
      '–',
      '…',
      '\u00a0',
      'É',
      'İ',
      'ß',
      '😀',
      '\t',
      '\x01',
      '24',
      "'",
      '.',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (a) => {
        const t = a.join('');
        assert.equal(normalizeWords(t), referenceNormalizeWords(t));
      }),
      propertyParams(3000),
    );
  });

  test('cited paragraphs: the same as a set of every number, below MAX_EXPANDED numbers in ranges', () => {
    const number = fc.constantFrom(
      '1',
      '2',
      '13',
      '15',
      '24',
      '37',
      '38',
      '240',
      '499',
      '500',
      '501',
      '999',
      '1000',
      '100000',
      '999999',
    );
    const item = fc.tuple(number, fc.option(fc.tuple(fc.constantFrom('–', '-', ' to '), number), { nil: undefined }));
    const citation = fc
      .array(item, { minLength: 1, maxLength: 40 })
      .map((items) => `paras. ${items.map(([a, r]) => (r ? `${a}${r[0]}${r[1]}` : a)).join(', ')}`);
    fc.assert(
      fc.property(citation, (t) => {
        for (const c of findCitations(t)) {
          const reference = referenceExpand(c.items);
          let ranged = 0;
          for (const i of c.items) {
            const span = Math.abs((i.to?.value ?? i.from.value) - i.from.value);
            if (span <= 500) ranged += span;
          }
          if (ranged <= 10_000) assert.deepEqual(c.paragraphs, reference);
          else {
            // Past the budget, later ranges stand for their ends: fewer numbers, every end still there.
            const all = new Set(reference);
            assert.ok(c.paragraphs.every((n) => all.has(n)));
            for (const i of c.items)
              for (const n of [i.from.value, i.to?.value ?? i.from.value]) assert.ok(c.paragraphs.includes(n));
          }
        }
      }),
      propertyParams(1000),
    );
  });

  test('fixAllEdits: the same edits and count as comparing each fix with every edit taken', () => {
    const codes: ProblemCode[] = [
      'range-dash',
      'singular-with-several',
      'plural-with-one',
      'empty-range',
      'misquotation',
      'no-such-paragraph',
    ];
    const edit = fc.tuple(fc.nat(40), fc.nat(6)).map(([start, length]) => ({ start, end: start + length, newText: 'x' }));
    const problem = fc
      .tuple(fc.constantFrom(...codes), fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { maxLength: 2 }))
      .map(([code, fixes]): Problem => ({
        start: 0,
        end: 0,
        severity: 'warning',
        code,
        message: '',
        fixes: fixes.map((edits) => ({ title: '', edits })),
      }));
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 30 }), (problems) => {
        // Edits within one fix that overlap each other are not something a check makes; the comparison keeps to fixes whose edits are apart.
        const apart = problems.filter((p) =>
          p.fixes.every((f) =>
            f.edits.every((a, i) => f.edits.every((b, j) => i === j || !(a.start < b.end && b.start < a.end))),
          ),
        );
        assert.deepEqual(fixAllEdits(apart), referenceFixAllEdits(apart));
      }),
      propertyParams(3000),
    );
  });

  test('misquotations: the same problems as reading every citation near each quotation again', () => {
    const pieces = fc.constantFrom(
      ' ',
      '. ',
      '.\n\n',
      ' See ',
      'para. 24',
      'paras. 13–15',
      '¶ 7',
      'para. 38',
      'paras. 1–37',
      'E/CN.7/2021/2, para. 12',
      '"',
      '“',
      '”',
      'x'.repeat(600),
    );
    const text = fc
      .array(
        fc.oneof(
          pieces,
          misquotation,
          misquotation.map((q) => `“${q}”`),
        ),
        { maxLength: 14 },
      )
      .map((a) => a.join(' '));
    fc.assert(
      fc.property(text, (t) => {
        const ours = checkDraft(t, summary, { format: DEFAULT_FORMAT }).filter((p) => p.code === 'misquotation');
        const citations = findCitations(t).filter((c) => !c.external);
        assert.deepEqual(ours, referenceMisquotations(t, citations, summary));
      }),
      propertyParams(300),
    );
  });
});
