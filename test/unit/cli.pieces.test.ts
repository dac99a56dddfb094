// Scanning piece by piece (src/cli/pieces.ts) gives what one scan of the whole draft gives: the same
// citations and the same problems, at the same offsets. Property tests cut drafts made of the awkward parts
// (citations across blank lines, document symbols before them, quotation marks, CRLF) into tiny pieces.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { PIECE_MAX_PROBLEMS } from '../../src/cli/check';
import { CITATION_PIECE_SIZES, scanInPieces, PIECE_SIZES, type PieceSizes } from '../../src/cli/pieces';
import { checkDraft, type Problem } from '../../src/core/citations/diagnostics';
import { type Citation, findCitations } from '../../src/core/citations/grammar';
import { lineAndCharacter, lineStarts } from '../../src/core/summary/lines';
import { BODIES_JSON, LEXICON } from '../../src/core/summary/bundled';
import { DEFAULT_LEVELS } from '../../src/core/checks/levels';
import { checkText } from '../../src/core/checks/session';
import { createSupportModel } from '../../src/core/support';
import { cli } from './cliFakes';
import { summary } from './fixtures';
import { propertyParams } from './property';

const model = createSupportModel(summary, BODIES_JSON, LEXICON);

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
  const whole = findCitations(text).map((c) => citationFields(c));
  assert.deepEqual(citationsInPieces(text, sizes), whole, 'citations');
  // Citations alone do not depend on quotation marks: any line start is a seam.
  assert.deepEqual(citationsInPieces(text, { ...sizes, quotationReach: 0 }), whole, 'citations, cut at any line start');
  assert.deepEqual(
    problemsInPieces(text, sizes),
    checkDraft(text, summary, { format: FORMAT }).map((p) => problemFields(p)),
    'problems',
  );
}

/** Tiny pieces: a seam wherever there is one (for short drafts: a long one would be cut at every word). */
const TINY: PieceSizes = { ...PIECE_SIZES, piece: 1 };
/**
 * Tiny pieces, and margins just over the scanner's reaches (look-behind 80 characters, quotations of up to
 * 2,000, citations 1,000 characters around a quotation vouch for it): seams come often in short drafts.
 */
const NARROW: PieceSizes = { piece: 1, before: 1100, after: 1100, quotationReach: 2100 };
/** Small pieces for drafts of several kB. */
const SMALL: PieceSizes = { ...NARROW, piece: 400 };
/** A sentence of 500 characters without quotation marks or citations. */
const FILLER = `${'The Commission heard statements on drug policy and on asset recovery '.repeat(7)}`.slice(0, 500);

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

  test('quotations next to seams; a quotation across a CRLF blank line is not cut', () => {
    for (const sizes of [TINY, NARROW]) {
      assertSameAsWhole('“less than 1 per cent”\n\n(para. 24).\n\n“confiscated proceeds” (para. 24)\n\n“x', sizes);
      assertSameAsWhole(
        `${FILLER.repeat(6)}“less than 1 per cent\r\n\r\nof criminal proceeds” (para. 24).\r\n${FILLER.repeat(6)}`,
        sizes,
      );
      assertSameAsWhole('"a\n\n" para. 24 "the importance of comparing" para. 24\n\n"', sizes);
    }
  });

  test('drafts without a blank line (CRLF, CR, single LF) are cut at line starts that no quotation crosses', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = Array.from({ length: 40 }, (_, i) =>
        i % 9 === 4 ? '“made-up words” (para. 24).' : `${FILLER} para. ${i}.`,
      ).join(eol);
      assertSameAsWhole(text, SMALL);
      let pieces = 0;
      for (const piece of scanInPieces(
        text,
        (w) => ({ spans: [], items: [w] }),
        () => 0,
        SMALL,
      ))
        pieces += piece.items.length >= 0 ? 1 : 0;
      assert.ok(pieces > 5, `${JSON.stringify(eol)}: cut into ${pieces} pieces`);
    }
  });

  test('a blank line ends a sentence, even after an abbreviation', () => {
    // "para.⏎⏎See": two sentences (as the draft's paragraphs are), so the quotation is not vouched for by ¶¶ 9,
    // 970 characters further in the next paragraph.
    const text = `“less than 1 per cent of criminal proceeds was confiscated” See para.\n\nSee ${FILLER} ${'See '.repeat(110)}¶¶ 9–10 ${'See '.repeat(400)}`;
    for (const sizes of [TINY, NARROW]) assertSameAsWhole(text, sizes);
    assert.deepEqual(
      problemsInPieces(text, NARROW).map((p) => p.code),
      [],
    );
  });

  test('a draft on one line is cut at word starts', () => {
    const text = `${FILLER} “made-up words” (para. 24) paras. 13,  15 and ¶ 38. `.repeat(60);
    assertSameAsWhole(text, SMALL);
    assert.ok(
      [
        ...scanInPieces(
          text,
          () => ({ spans: [], items: [] }),
          () => 0,
          SMALL,
        ),
      ].length > 5,
    );
  });

  test('citations alone (cites) are cut at line starts whatever the quotation marks', () => {
    const text = `${'“made-up words” para. 24, paras. 13–15 and ¶ 38.\r\n'.repeat(2000)}`;
    const sizes = { ...CITATION_PIECE_SIZES, piece: 1000 };
    assert.deepEqual(
      citationsInPieces(text, sizes),
      findCitations(text).map((c) => citationFields(c)),
    );
    const pieces = [
      ...scanInPieces(
        text,
        () => ({ spans: [], items: [] }),
        () => 0,
        sizes,
      ),
    ].length;
    assert.ok(pieces > 50, `cut into ${pieces} pieces`);
  });

  test('a long list of paragraphs that vouches for a quotation across a seam is read whole', () => {
    // The quotation is from para. 24, which ends a list of 9,000 characters that starts after the seam.
    const list = `paras. ${'1, '.repeat(3000)}24`;
    const text = `${FILLER.repeat(10)}\n\n“less than 1 per cent of criminal proceeds was confiscated” See para.\n\nSee ${list}.\n\n${FILLER.repeat(30)}`;
    // The first piece ends at the blank line after "para.".
    const seam = text.indexOf('para.\n\nSee') + 'para.\n\n'.length;
    for (const sizes of [PIECE_SIZES, NARROW]) assertSameAsWhole(text, { ...sizes, piece: seam });
    assert.equal(
      problemsInPieces(text, { ...PIECE_SIZES, piece: seam }).filter((p) => p.code === 'misquotation').length,
      0,
      'para. 24 vouches for the quotation',
    );
  });

  test('the scanner’s reaches the margins rely on (a change there must fail here)', () => {
    // No quotation longer than `quotationReach`: a longer one across a line start is not taken whole.
    for (const sizes of [PIECE_SIZES, NARROW]) {
      const long = `“${'word '.repeat(Math.ceil((sizes.quotationReach + 100) / 5))}” (para. 24)`;
      assertSameAsWhole(`${FILLER.repeat(10)}\n${long.replace(/word word /g, 'word\nword ')}\n${FILLER.repeat(10)}`, sizes);
    }
    // No citation further than `before` vouches for a quotation: one in the same sentence, 100 characters too far.
    for (const sizes of [PIECE_SIZES, NARROW]) {
      const gap = 'and '.repeat(Math.ceil((sizes.before + 100) / 4));
      assertSameAsWhole(`${FILLER.repeat(10)}. As para. 24 ${gap}\nsays, “made-up words” ${FILLER}\n${FILLER.repeat(10)}`, sizes);
    }
  });

  test('property: any draft of the awkward parts (several kB), cut into small pieces', () => {
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
      FILLER,
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 250, maxLength: 600 }), fc.integer({ min: 100, max: 2000 }), (parts, piece) => {
        assertSameAsWhole(parts.join(''), { ...NARROW, piece });
      }),
      propertyParams(200),
    );
  });

  test('property: the same with the margins of the command', () => {
    const part = fc.constantFrom(
      'para. 24',
      'paras. 13,',
      ' 15',
      ' “made-up words”',
      '“',
      '\n',
      '\r\n',
      '\n\n',
      FILLER,
      'E/CN.7/2021/2, ',
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 200, maxLength: 500 }), fc.integer({ min: 500, max: 3000 }), (parts, piece) => {
        assertSameAsWhole(parts.join(''), { ...PIECE_SIZES, piece });
      }),
      propertyParams(100),
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
    // Every check at its default level, support checks included, as one check of the whole draft.
    const problems = checkText(summary, () => model, draft, {
      format: FORMAT,
      levels: DEFAULT_LEVELS,
      maxProblems: PIECE_MAX_PROBLEMS,
    }).problems;
    assert.equal(checked.out, problems.map((p) => `d.md:${at(p.start)}: ${p.severity}: ${p.message}\n`).join(''));
  });
});
