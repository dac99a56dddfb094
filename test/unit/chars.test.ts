import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLetterCode, isLetterNumberOrMarkCode, isLetterOrNumberCode } from '../../src/core/chars';
import { findQuotations } from '../../src/core/citations/quotes';

test('the classifiers answer as the Unicode property expressions they replace, for every code unit (twice: looked up, then remembered)', () => {
  const cases: [(c: number) => boolean, RegExp][] = [
    [isLetterCode, /\p{L}/u],
    [isLetterOrNumberCode, /[\p{L}\p{N}]/u],
    [isLetterNumberOrMarkCode, /[\p{L}\p{N}\p{M}]/u],
  ];
  for (let round = 0; round < 2; round++)
    for (const [is, re] of cases)
      for (let c = 0; c <= 0xffff; c++) {
        const expected = re.test(String.fromCharCode(c));
        if (is(c) !== expected) assert.fail(`${is.name}(0x${c.toString(16)}) should be ${expected}`);
      }
});

test('past the end of a text (charCodeAt gives NaN) is no character', () => {
  const past = 'a'.charCodeAt(1);
  assert.equal(isLetterCode(past), false);
  assert.equal(isLetterOrNumberCode(past), false);
  assert.equal(isLetterNumberOrMarkCode(past), false);
});

test('scripts the drafts use: accented Latin, Cyrillic, Arabic, Chinese, a combining accent; not punctuation', () => {
  for (const ch of 'éÑçЖжعربي主席') assert.ok(isLetterCode(ch.charCodeAt(0)), ch);
  assert.ok(isLetterNumberOrMarkCode(0x0301) && !isLetterOrNumberCode(0x0301), 'a combining acute accent is a mark');
  assert.ok(isLetterOrNumberCode('٣'.charCodeAt(0)), 'an Arabic-Indic digit');
  for (const ch of '“”‘’–—…¶§ ‍') assert.ok(!isLetterNumberOrMarkCode(ch.charCodeAt(0)), ch);
});

test('a quotation whose letters are all outside the Basic Multilingual Plane (surrogate pairs) is still a quotation', () => {
  // U+20000 (a CJK ideograph of Extension B) and U+1D400 (mathematical bold A): letters written as surrogate pairs.
  const text = 'As para. 5 says, “𠀀𝐀” and “12” are not the same.';
  assert.deepEqual(
    findQuotations(text).map((q) => q.text),
    ['𠀀𝐀'],
  );
});
