import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDraft, fixAllEdits, type Problem, type TextEdit } from '../../src/core/citations/diagnostics';
import { DEFAULT_FORMAT } from '../../src/core/citations/format';
import { closestPassage, findQuotations, quotationMatches } from '../../src/core/citations/quotes';
import { summary } from './fixtures';

const check = (text: string, format = DEFAULT_FORMAT) => checkDraft(text, summary, { format });

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function only(text: string, code: Problem['code']): Problem {
  const found = check(text).filter((p) => p.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(text)}: ${JSON.stringify(check(text).map((p) => p.code))}`);
  return found[0];
}

describe('checks and their quick fixes', () => {
  test('a clean draft has no problems', () => {
    assert.deepEqual(check('As noted in paras. 24–25 and para. 7, and in paragraphs 13 to 15 of the summary.'), []);
    assert.deepEqual(
      check('operative paragraph 38 of resolution 64/1; E/CN.7/2021/2, paras. 40-39.'),
      [],
      'external references are left alone',
    );
  });

  test('no such paragraph: error on the number, nearest-number fix', () => {
    const text = 'See para. 38.';
    const p = only(text, 'no-such-paragraph');
    assert.equal(p.severity, 'error');
    assert.equal(text.slice(p.start, p.end), '38');
    assert.match(p.message, /There is no paragraph 38 in the Chair's summary: it has paragraphs 1 to 37/);
    assert.equal(apply(text, p.fixes[0].edits), 'See para. 37.');
    const zero = only('See para. 0.', 'no-such-paragraph');
    assert.equal(apply('See para. 0.', zero.fixes[0].edits), 'See para. 1.');
    const typo = only('See para. 240.', 'no-such-paragraph');
    assert.deepEqual(
      typo.fixes.map((f) => f.title),
      ['Change to 24', 'Change to 37 (the nearest paragraph)'],
    );
    assert.equal(apply('See para. 240.', typo.fixes[0].edits), 'See para. 24.');
    assert.equal(
      check('See paras. 36–40.').filter((x) => x.code === 'no-such-paragraph').length,
      1,
      'only the end of the range is wrong',
    );
  });

  test('reversed range: warning, swap fix', () => {
    const text = 'See paras. 15–13.';
    const p = only(text, 'reversed-range');
    assert.equal(p.severity, 'warning');
    assert.equal(text.slice(p.start, p.end), '15–13');
    assert.equal(apply(text, p.fixes[0].edits), 'See paras. 13–15.');
  });

  test('empty range: warning, single-number fix', () => {
    const text = 'See paras. 13–13 and 20.';
    const p = only(text, 'empty-range');
    assert.equal(apply(text, p.fixes[0].edits), 'See paras. 13 and 20.');
  });

  test('para. with several numbers, paras. with one: keyword fixes keep the case', () => {
    const a = 'Para. 13–15 says so.';
    const pa = only(a, 'singular-with-several');
    assert.equal(a.slice(pa.start, pa.end), 'Para.');
    assert.equal(apply(a, pa.fixes[0].edits), 'Paras. 13–15 says so.');
    const b = 'See paras. 24.';
    assert.equal(apply(b, only(b, 'plural-with-one').fixes[0].edits), 'See para. 24.');
    const c = 'paragraph 30 and 31';
    assert.equal(apply(c, only(c, 'singular-with-several').fixes[0].edits), 'paragraphs 30 and 31');
    const d = '¶¶ 9';
    assert.equal(apply(d, only(d, 'plural-with-one').fixes[0].edits), '¶ 9');
    assert.deepEqual(check('par. 24 et par. 30 à 32'), [], 'French "par." is both singular and plural');
  });

  test('range dash: information when it differs from the chosen style', () => {
    const text = 'See paras. 13-15.';
    const p = only(text, 'range-dash');
    assert.equal(p.severity, 'information');
    assert.equal(apply(text, p.fixes[0].edits), 'See paras. 13–15.');
    assert.deepEqual(check(text, { style: 'short', rangeDash: '-' }), [], 'hyphen style: fine');
    const en = check('See paras. 13–15.', { style: 'short', rangeDash: '-' });
    assert.equal(apply('See paras. 13–15.', en[0].fixes[0].edits), 'See paras. 13-15.');
    assert.deepEqual(check('See paragraphs 13 to 15.'), [], 'words are fine in any style');
  });

  test('misquotation: warning naming the closest passage, replace fix', () => {
    const text = 'UNODC said that “less than 2 per cent of proceeds is confiscated” (para. 24).';
    const p = only(text, 'misquotation');
    assert.equal(p.severity, 'warning');
    assert.equal(text.slice(p.start, p.end), 'less than 2 per cent of proceeds is confiscated');
    assert.match(
      p.message,
      /not in para\. 24\. Closest passage \(para\. 24\): “less than 1 per cent of criminal proceeds was confiscated”/,
    );
    assert.equal(
      apply(text, p.fixes[0].edits),
      'UNODC said that “less than 1 per cent of criminal proceeds was confiscated” (para. 24).',
    );
  });

  test('correct quotations, with ellipses or editorial brackets, pass', () => {
    assert.deepEqual(
      check('UNODC emphasized "the importance of comparing confiscated proceeds of drug crime with drug profits" (para. 24).'),
      [],
    );
    assert.deepEqual(check('It said “dark web markets were spreading geographically” (para. 30).'), []);
    assert.deepEqual(check('It said “online drug sales … had increased dramatically” (para. 30).'), []);
    assert.deepEqual(check('It said that "[dark web] markets were spreading geographically" (para. 30).'), []);
    assert.deepEqual(check('In "UNODC’s work" (para. 24) and "UNODC\'s work" (para. 24).'), [], 'apostrophes unified');
  });

  test('quotations only count in the sentence of a citation', () => {
    assert.deepEqual(check('We say "anything at all". See para. 24.'), [], 'different sentences');
    assert.equal(check('We say "anything at all", see para. 24.').filter((p) => p.code === 'misquotation').length, 1);
    assert.deepEqual(check('We say "anything at all" (E/CN.7/2021/2, para. 12).'), [], 'an external citation');
  });

  test('a quotation checked against several cited paragraphs', () => {
    assert.deepEqual(check('Speakers noted "dark web markets were spreading geographically" (paras. 24 and 30).'), []);
  });

  test('problems come sorted, and fixes never overlap', () => {
    const text = 'Para. 15–13, para. 38 and paras. 7 say "nothing of the sort" (para. 24).';
    const problems = check(text);
    const starts = problems.map((p) => p.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
    for (const p of problems) for (const f of p.fixes) assert.doesNotThrow(() => apply(text, f.edits));
  });
});

describe('quotations', () => {
  test('found in straight and curly quotes, wrapped onto following lines but not across a blank line', () => {
    assert.deepEqual(
      findQuotations('a "b c" d “e f” g "h\ni"').map((q) => q.text),
      ['b c', 'e f', 'h\ni'],
    );
    assert.deepEqual(
      findQuotations('"h\n\ni" and "j\n   \nk"').map((q) => q.text),
      [' and '],
      'the first mark pairs with nothing',
    );
    assert.deepEqual(findQuotations('"123" and "—"'), [], 'no letters, no quotation');
  });

  test('hard-wrapped Markdown: each quotation pairs with its own closing mark', () => {
    const text =
      'We share the view that "evidence regarding the links\n   was limited". Better data first, and\n   we support "comparable and reliable data at the\n   national, regional, and international levels" (para. 14).';
    assert.deepEqual(
      findQuotations(text).map((q) => q.text.replace(/\s+/g, ' ')),
      [
        'evidence regarding the links was limited',
        'comparable and reliable data at the national, regional, and international levels',
      ],
    );
    assert.deepEqual(
      check(text).filter((p) => p.code === 'misquotation'),
      [],
    );
    const wrong = 'UNODC said that "less than 2 per cent of\n  criminal proceeds was confiscated" (para. 24).';
    assert.deepEqual(
      check(wrong).map((p) => p.code),
      ['misquotation'],
    );
    const quoted = '> "less than 2 per cent of\n> criminal proceeds was confiscated" (para. 24).';
    assert.deepEqual(
      check(quoted).map((p) => p.code),
      ['misquotation'],
      'inside a block quote',
    );
  });

  test('a list item or heading on the next line starts a new sentence: its citation does not vouch for the line before', () => {
    const text =
      '- UNODC said "less than 1 per cent of criminal proceeds was confiscated" (para. 24)\n- ICTs were discussed (paras. 30–32).\n1. Then\n# Heading (para. 9)';
    assert.deepEqual(check(text), []);
    const wrong =
      '- UNODC said "less than 2 per cent of criminal proceeds was confiscated" (para. 24)\n- ICTs were discussed (paras. 30–32).';
    const [p] = check(wrong);
    assert.match(p.message, /^These words are not in para\. 24\./);
  });

  test('a stray mark does not swallow the rest of the draft', () => {
    const text = `He said "${'word '.repeat(500)}\nand then "real quote" here`;
    assert.deepEqual(
      findQuotations(text).map((q) => q.text),
      ['real quote'],
    );
  });
  test('matching is by words, in order', () => {
    assert.ok(quotationMatches('Less than 1 per cent', 'currently less than 1 per cent of criminal proceeds'));
    assert.ok(!quotationMatches('1 per cent less than', 'currently less than 1 per cent'));
    assert.ok(!quotationMatches('per cen', 'per cent'), 'whole words only');
  });
  test('closest passage', () => {
    const src = summary.paragraph(30)!.text;
    const c = closestPassage('the dark net drug markets have expanded', src)!;
    assert.match(c.text, /dark web drug markets had expanded/);
    assert.ok(c.score > 0.5 && c.score <= 1);
    assert.equal(src.slice(c.start, c.end), c.text);
  });
});

describe('fix all: the mechanical style fixes at once', () => {
  test('dashes, para./paras. and one-paragraph ranges are fixed; wrong numbers, reversed ranges and misquotations are left', () => {
    const draft = [
      'As noted in paras 13-15 and in para. 24, 25, the Chair (paras. 30-30) recalled para. 38.',
      'See also paras. 32–30 and "less than 2 per cent of criminal proceeds" (para. 24).',
      'PARAS. 7 and Para. 9-10.',
    ].join('\n');
    const { edits, fixed } = fixAllEdits(check(draft));
    const after = apply(draft, edits);
    assert.equal(
      after,
      [
        'As noted in paras 13–15 and in paras. 24, 25, the Chair (para. 30) recalled para. 38.',
        'See also paras. 32–30 and "less than 2 per cent of criminal proceeds" (para. 24).',
        'PARA. 7 and Paras. 9–10.',
      ].join('\n'),
    );
    assert.equal(fixed, 7); // the dash of "30-30" goes with its range
    // What is left needs the drafter: the missing paragraph, the backwards range, the misquotation.
    assert.deepEqual(
      check(after)
        .map((p) => p.code)
        .sort(),
      ['misquotation', 'no-such-paragraph', 'reversed-range'],
    );
    assert.deepEqual(fixAllEdits(check(after)), { edits: [], fixed: 0 });
  });

  test('fixes that touch the same text are applied one round at a time, never overlapping', () => {
    const draft = 'paras. 24-24 and para. 1-3';
    const first = fixAllEdits(check(draft));
    for (let i = 1; i < first.edits.length; i++)
      assert.ok(first.edits[i - 1].end <= first.edits[i].start, 'edits do not overlap');
    let text = apply(draft, first.edits);
    for (let round = 0; round < 3; round++) text = apply(text, fixAllEdits(check(text)).edits);
    assert.equal(text, 'para. 24 and paras. 1–3');
  });
});
