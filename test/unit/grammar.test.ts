import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findCitations, type Citation } from '../../src/core/citations/grammar';

/** [sentence, the citations of the summary expected in it (cited numbers), external references expected]. */
const TABLE: [string, number[][], number?][] = [
  // Forms that cite the summary.
  ['As noted in para. 24, confiscation remains low.', [[24]]],
  ['As noted in para 24, confiscation remains low.', [[24]]],
  ['As noted in para.24, confiscation remains low.', [[24]]],
  ['See paras. 13–15.', [[13, 14, 15]]],
  ['See paras. 13-15.', [[13, 14, 15]]],
  ['See paras. 13 to 15.', [[13, 14, 15]]],
  ['See paras. 13—15.', [[13, 14, 15]]],
  ['See paras. 13, 14 and 22.', [[13, 14, 22]]],
  ['See paras. 11–13, 18 and 30–32.', [[11, 12, 13, 18, 30, 31, 32]]],
  ['See paras. 11-13, 18, and 30-32 for details.', [[11, 12, 13, 18, 30, 31, 32]]],
  ['Paragraph 24 is clear.', [[24]]],
  ['As paragraphs 13 to 15 show', [[13, 14, 15]]],
  ['paragraphs 30 and 31 describe the dark web', [[30, 31]]],
  ['¶ 24 says so', [[24]]],
  ['¶24 says so', [[24]]],
  ['¶¶ 9–10 cover the opening session', [[9, 10]]],
  ['PARA. 24 and PARAS. 30–32', [[24], [30, 31, 32]]],
  ['Para. 7 names INTERPOL.', [[7]]],
  ["paragraph 24 of the Chair's summary", [[24]]],
  ['paragraph 24 of the Chair’s summary notes', [[24]]],
  ['paras. 24–25 of the summary', [[24, 25]]],
  ['(para. 24)', [[24]]],
  ['(paras. 24–25), less than 1 per cent', [[24, 25]]],
  ['voir par. 24 du résumé', [[24]]],
  ['voir par. 30 à 32', [[30, 31, 32]]],
  ['véase el párr. 24', [[24]]],
  ['véanse los párrs. 30 a 32', [[30, 31, 32]]],
  ['véanse los párrs. 30 y 31', [[30, 31]]],
  ['Párr. 12 y párrs. 13-15', [[12], [13, 14, 15]]],
  ['paras. 13 & 14', [[13, 14]]],
  // A comma then a list word, in any case; a list word alone; a word after a comma that is not one.
  ['paras. 13, AND 14', [[13, 14]]],
  [
    'par. 13, et 14 ; par. 15 ET 16',
    [
      [13, 14],
      [15, 16],
    ],
  ],
  ['párrs. 13, Y 14', [[13, 14]]],
  ['paras. 13, also 14', [[13]]],
  ['as set out in para. 24, 2021 was a hybrid year', [[24, 2021]]],
  ['para. 38 does not exist', [[38]]],
  ['paras. 15–13 reversed', [[13, 14, 15]]],
  ['para. 24\nand para. 25', [[24], [25]]],
  ['in para.\n24 across a line break', [[24]]],
  ['see para. 24.', [[24]]],
  ['see para. 24; see also para. 25', [[24], [25]]],
  ['paras. 1, 2, 3', [[1, 2, 3]]],
  ['the para. 12 of the summary', [[12]]],
  // References to other documents: external.
  ['paragraph 7 of the "Way forward"', [], 1],
  ['paragraph 7 of the “Way forward”', [], 1],
  ['operative paragraph 3 of resolution 64/1', [], 1],
  ['preambular paragraph 2 of the declaration', [], 1],
  ['article 3, paragraph 2, of the 1988 Convention', [], 1],
  ['paragraph 36 of document E/CN.7/2022/1', [], 1],
  ['E/CN.7/2021/2, para. 12', [], 1],
  ['A/RES/S-30/1, paras. 3–5', [], 1],
  ['resolution 64/1, para. 3', [], 1],
  ['paragraph 2 of resolution 75/1 and para. 24', [[24]], 1],
  ['paragraph 4 of the 2019 Ministerial Declaration', [], 1],
  // Not citations at all.
  ['page 24 of the report', []],
  ['in 2021 the Commission met', []],
  ['24 side events were held', []],
  ['target 16.4 of the SDGs', []],
  ['para. 16.4 is a target, not a paragraph', []],
  ['the 24th meeting', []],
  ['paragliding and parachutes', []],
  ['a paragraph about nothing', []],
  ['see the following paras.', []],
  ['par 24 votes (no full stop)', []],
  ['para. 1234567 has too many digits', []],
  ['para. 24a is a sub-paragraph', []],
  ['comparable data', []],
  ['prepared by the Secretariat', []],
  ['', []],
];

function summaryNumbers(cs: Citation[]): number[][] {
  return cs.filter((c) => !c.external).map((c) => c.paragraphs);
}

describe('citation grammar: a table of sentences', () => {
  assert.ok(TABLE.length >= 60, `${TABLE.length} sentences`);
  for (const [sentence, expected, externals = 0] of TABLE) {
    test(JSON.stringify(sentence), () => {
      const found = findCitations(sentence);
      assert.deepEqual(summaryNumbers(found), expected);
      assert.equal(found.filter((c) => c.external).length, externals, 'external references');
      for (const c of found) assert.equal(sentence.slice(c.start, c.end), c.text);
    });
  }
});

describe('citation grammar: ranges of each part', () => {
  test('per-number ranges', () => {
    const text = 'See paras. 11–13, 18 and 30–32 of the Chair’s summary.';
    const [c] = findCitations(text);
    assert.equal(c.text, 'paras. 11–13, 18 and 30–32 of the Chair’s summary');
    assert.deepEqual(
      c.numbers.map((n) => [n.value, text.slice(n.start, n.end)]),
      [
        [11, '11'],
        [13, '13'],
        [18, '18'],
        [30, '30'],
        [32, '32'],
      ],
    );
    assert.deepEqual(
      c.items.map((i) => [i.from.value, i.to?.value ?? null, i.dash?.text ?? null]),
      [
        [11, 13, '–'],
        [18, null, null],
        [30, 32, '–'],
      ],
    );
    assert.equal(text.slice(c.keyword.start, c.keyword.end), 'paras.');
    assert.equal(c.keyword.plural, true);
    assert.equal(text.slice(c.suffix!.start, c.suffix!.end), 'of the Chair’s summary');
  });

  test('keyword kinds', () => {
    const kinds = (t: string) =>
      findCitations(t).map((c) => [c.keyword.plural, c.keyword.abbreviated, c.keyword.dot, c.keyword.language]);
    assert.deepEqual(kinds('para 24'), [[false, true, false, 'en']]);
    assert.deepEqual(kinds('paragraphs 2 and 3'), [[true, false, false, 'en']]);
    assert.deepEqual(kinds('par. 2'), [[null, true, true, 'fr']]);
    assert.deepEqual(kinds('párrs. 2 a 4'), [[true, true, true, 'es']]);
  });

  test('range words are recorded as dashes', () => {
    const text = 'paragraphs 13 to 15';
    const [c] = findCitations(text);
    assert.equal(c.items[0].dash?.text, ' to ');
    const dash = c.items[0].dash;
    assert.ok(dash);
    assert.equal(text.slice(dash.start, dash.end), ' to ');
  });

  test('external references say why', () => {
    const [c] = findCitations('operative paragraph 3 of resolution 64/1');
    assert.equal(c.external, true);
    assert.match(c.externalReason!, /operative/);
  });

  test('what a citation keeps small is read again the same: keyword ends, single numbers, short lists', () => {
    const cs = findCitations('See ¶. 5, ¶¶. 6–7, Para 007 and paras. 1, 2 & 3 to 4 (para. 24).');
    assert.deepEqual(
      cs.map((c) => [c.keyword.text, c.keyword.dot, c.items.length, c.numbers.map((n) => n.value), c.paragraphs]),
      [
        ['¶.', true, 1, [5], [5]],
        ['¶¶.', true, 1, [6, 7], [6, 7]],
        ['Para', false, 1, [7], [7]],
        ['paras.', true, 3, [1, 2, 3, 4], [1, 2, 3, 4]],
        ['para.', true, 1, [24], [24]],
      ],
    );
    assert.deepEqual(
      cs[2].numbers.map((n) => [n.start, n.end]),
      [[24, 27]],
    );
  });
});
