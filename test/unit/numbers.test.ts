import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseParagraphList, parseParagraphNumber } from '../../src/core/summary/numbers';

describe('paragraph numbers typed by the user', () => {
  test('one number', () => {
    assert.deepEqual(parseParagraphNumber('24', 37), { ok: true, value: 24 });
    assert.deepEqual(parseParagraphNumber(' ¶ 24 ', 37), { ok: true, value: 24 });
    assert.deepEqual(parseParagraphNumber('para. 7', 37), { ok: true, value: 7 });
    for (const [input, message] of [
      ['0', /There is no paragraph 0: the summary has paragraphs 1 to 37/],
      ['38', /There is no paragraph 38/],
      ['abc', /“abc” is not a paragraph number/],
      ['', /Type a paragraph number from 1 to 37/],
      ['2.5', /is not a paragraph number/],
    ] as const) {
      const r = parseParagraphNumber(input, 37);
      assert.equal(r.ok, false, input);
      if (!r.ok) assert.match(r.error, message);
    }
  });

  test('lists and ranges', () => {
    assert.deepEqual(parseParagraphList('24', 37), { ok: true, value: [24] });
    assert.deepEqual(parseParagraphList('13-15, 22', 37), { ok: true, value: [13, 14, 15, 22] });
    assert.deepEqual(parseParagraphList('paras. 13–15 and 22', 37), { ok: true, value: [13, 14, 15, 22] });
    assert.deepEqual(parseParagraphList('30 to 32; 30', 37), { ok: true, value: [30, 31, 32] });
    const reversed = parseParagraphList('15-13', 37);
    assert.equal(reversed.ok, false);
    if (!reversed.ok) assert.match(reversed.error, /runs backwards: write 13–15/);
    const big = parseParagraphList('36-40', 37);
    assert.equal(big.ok, false);
    if (!big.ok) assert.match(big.error, /no paragraph 40/);
    assert.equal(parseParagraphList('x', 37).ok, false);
    assert.equal(parseParagraphList('', 37).ok, false);
  });
});
