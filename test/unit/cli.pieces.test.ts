// Scanning piece by piece (src/cli/pieces.ts) gives what one scan of the whole draft gives: the same
// citations and the same problems, at the same offsets. Property tests cut drafts made of the awkward parts
// (citations across blank lines, document symbols before them, quotation marks, CRLF) into tiny pieces.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { scanInPieces, PIECE_SIZES, type PieceSizes } from '../../src/cli/pieces';
import { checkDraft, type Problem } from '../../src/core/citations/diagnostics';
import { type Citation, findCitations } from '../../src/core/citations/grammar';
import { lineAndCharacter, lineStarts } from '../../src/core/lines';
import { cli } from './cliFakes';
import { summary } from './fixtures';
import { propertyParams } from './property';

const FORMAT = { style: 'short', rangeDash: '–' } as const;

const citationFields = (c: Citation, base = 0) => ({
  start: base + c.start,
  end: base + c.end,
  text: c.text,
  paragraphs: c.paragraphs,
  external: c.external,
  externalReason: c.externalReason,
});
const problemFields = (p: Problem, base = 0) => ({
  start: base + p.start,
  end: base + p.end,
  severity: p.severity,
  code: p.code,
  message: p.message,
});

function citationsInPieces(text: string, sizes: PieceSizes) {
  const out = [];
  for (const piece of scanInPieces(
    text,
    (w) => {
      const c = findCitations(w);
      return { spans: c, items: c };
    },
    (c) => c.start,
    sizes,
  ))
    for (const c of piece.items) out.push(citationFields(c, piece.base));
  return out;
}

function problemsInPieces(text: string, sizes: PieceSizes) {
  const out = [];
  for (const piece of scanInPieces(
    text,
    (w) => {
      const citations = findCitations(w);
      return { spans: citations, items: checkDraft(w, summary, { format: FORMAT, citations }) };
    },
    (p) => p.start,
    sizes,
  ))
    for (const p of piece.items) out.push(problemFields(p, piece.base));
  return out;
}

function assertSameAsWhole(text: string, sizes: PieceSizes): void {
  assert.deepEqual(
    citationsInPieces(text, sizes),
    findCitations(text).map((c) => citationFields(c)),
    'citations',
  );
  assert.deepEqual(
    problemsInPieces(text, sizes),
    checkDraft(text, summary, { format: FORMAT }).map((p) => problemFields(p)),
    'problems',
  );
}

/** Tiny pieces: a seam wherever there is one. */
const TINY: PieceSizes = { ...PIECE_SIZES, piece: 1 };

describe('cli pieces: the same results as one scan of the whole draft', () => {
  test('a citation that runs across a blank line is not cut', () => {
    for (const text of [
      'See paras. 13,\n\n15 and 40.\n\nThen para. 7.',
      'See paragraph 3\n\nof the summary.\n\nNext.',
      'paras. 13 to\n\n40.\n\nx',
    ]) {
      assertSameAsWhole(text, TINY);
    }
    assert.deepEqual(citationsInPieces('See paras. 13,\n\n15.\n\nx', TINY)[0].paragraphs, [13, 15]);
  });

  test('what stands before a blank line still tells another document’s paragraph', () => {
    const text = 'As in E/CN.7/2021/2,\n\npara. 12 says.\n\nAnd resolution 64/1,\n\nparagraph 3.\n\nOurs: para. 40.';
    assertSameAsWhole(text, TINY);
    assert.deepEqual(
      citationsInPieces(text, TINY).map((c) => c.external),
      [true, true, false],
    );
  });

  test('quotations next to seams, and CRLF blank lines (not seams: scanned whole)', () => {
    assertSameAsWhole('“less than 1 per cent”\n\n(para. 24).\n\n“confiscated proceeds” (para. 24)\n\n“x', TINY);
    assertSameAsWhole('“less than 1 per cent\r\n\r\nof criminal proceeds” (para. 24).\r\n\r\nSee para. 40.', TINY);
    assertSameAsWhole('"a\n\n" para. 24 "the importance of comparing" para. 24\n\n"', TINY);
  });

  test('property: any draft of the awkward parts, cut into tiny pieces', () => {
    const part = fc.constantFrom(
      'See ',
      'para. 24',
      'paras. 13–15',
      'paras. 13,',
      ' 15',
      ' and 16',
      ' to 17',
      '-18',
      " of the Chair's summary",
      ' of resolution 64/1',
      'E/CN.7/2021/2, ',
      'resolution 64/1, ',
      'operative ',
      'article 5, ',
      '¶ 38',
      '¶¶ 9–10',
      'par. 24',
      'párrs. 30 a 32',
      'para.',
      '40',
      '“less than 1 per cent of criminal proceeds was confiscated”',
      '“made-up words”',
      '"',
      '“',
      '”',
      'x'.repeat(90),
      'word',
      ' ',
      '. ',
      '. The ',
      '\n',
      '\n\n',
      '\n \t\n  ',
      '\r\n',
      '\r\n\r\n',
      '\r',
      '\n- ',
      '# ',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 120 }), fc.integer({ min: 1, max: 300 }), (parts, piece) => {
        assertSameAsWhole(parts.join(''), { ...PIECE_SIZES, piece });
      }),
      propertyParams(300),
    );
  });
});

describe('cli pieces: cites and check on a draft of many pieces', () => {
  // About 400 kB: six pieces of 64 KiB.
  const paragraph =
    'UNODC noted “less than 1 per cent of criminal proceeds was confiscated” (para. 24), see paras. 13-15, ' +
    'E/CN.7/2021/2, para. 12, and ¶ 38.\nA second line, para. 7.\n\n';
  const draft = paragraph.repeat(Math.ceil(400_000 / paragraph.length));

  test('cites --json, streamed, is byte for byte JSON.stringify of all the citations', async () => {
    const r = await cli(['cites', 'd.md', '--json'], { 'd.md': draft });
    assert.equal(r.code, 0);
    const whole = findCitations(draft).map((c) => ({
      start: c.start,
      end: c.end,
      text: c.text,
      paragraphs: c.paragraphs,
      external: c.external,
    }));
    assert.equal(r.out, `${JSON.stringify(whole, null, 2)}\n`);
  });

  test('cites and check: the lines of one scan of the whole draft', async () => {
    const starts = lineStarts(draft);
    const at = (offset: number) => {
      const { line, character } = lineAndCharacter(starts, offset);
      return `${line + 1}:${character + 1}`;
    };
    const cites = await cli(['cites', 'd.md'], { 'd.md': draft });
    const citations = findCitations(draft);
    assert.equal(cites.out.split('\n').length - 1, citations.length);
    assert.deepEqual(
      cites.out
        .split('\n')
        .slice(0, -1)
        .map((l) => l.split('  ')[0]),
      citations.map((c) => at(c.start)),
    );
    const checked = await cli(['check', 'd.md'], { 'd.md': draft });
    const problems = checkDraft(draft, summary, { format: FORMAT });
    assert.equal(checked.out, problems.map((p) => `d.md:${at(p.start)}: ${p.severity}: ${p.message}\n`).join(''));
  });
});
