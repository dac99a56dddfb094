import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDraft, fixAllEdits, type TextEdit } from '../../src/core/citations/diagnostics';
import { DEFAULT_FORMAT } from '../../src/core/citations/format';
import { findCitations } from '../../src/core/citations/grammar';
import { invisibleName, shownText } from '../../src/core/citations/invisible';
import { summary } from './fixtures';

const check = (text: string) => checkDraft(text, summary, { format: DEFAULT_FORMAT });
const invisible = (text: string) => check(text).filter((p) => p.code === 'invisible-character');

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const ZWJ = '\u200d';

describe('invisible characters inside citations', () => {
  test('a joiner inside a number: "para. 12" is read as ¶ 1; a warning whose fix makes it read as it shows', () => {
    const text = `As noted in para. 1${ZWJ}2, confiscation remains low.`;
    assert.deepEqual(
      findCitations(text).map((c) => c.paragraphs),
      [[1]],
      'what the grammar reads',
    );
    const [p, ...others] = invisible(text);
    assert.equal(others.length, 0);
    assert.equal(p.severity, 'warning');
    assert.equal(text.slice(p.start, p.end), `para. 1${ZWJ}2`);
    assert.equal(
      p.message,
      '“para. 12” has an invisible character (U+200D ZERO WIDTH JOINER) inside: it is read as “para. 1”. Remove it so that the citation reads as it shows.',
    );
    assert.equal(p.fixes[0].title, 'Remove the invisible character');
    const fixed = apply(text, p.fixes[0].edits);
    assert.equal(fixed, 'As noted in para. 12, confiscation remains low.');
    assert.deepEqual(
      findCitations(fixed).map((c) => c.paragraphs),
      [[12]],
    );
    assert.deepEqual(invisible(fixed), []);
  });

  for (const [name, ch] of [
    ['zero width space', '\u200b'],
    ['zero width non-joiner', '\u200c'],
    ['right-to-left mark', '\u200f'],
    ['word joiner', '\u2060'],
    ['byte order mark', '\ufeff'],
    ['soft hyphen', '\u00ad'],
    ['right-to-left override', '\u202e'],
    ['first strong isolate', '\u2068'],
  ] as const) {
    test(`${name} (${invisibleName(ch.charCodeAt(0))}) inside a number`, () => {
      const text = `See para. 1${ch}2.`;
      const found = invisible(text);
      assert.equal(found.length, 1, JSON.stringify(check(text)));
      assert.equal(apply(text, found[0].fixes[0].edits), 'See para. 12.');
    });
  }

  test('between the keyword and the number, or inside the keyword: not read as a citation at all', () => {
    for (const text of ['See para.\u200b 24.', 'See pa\u00adra. 24.', 'See para. \u200e24.']) {
      const [p] = invisible(text);
      assert.ok(p, text);
      assert.match(p.message, /it is not read as a citation/);
      assert.equal(apply(text, p.fixes[0].edits), 'See para. 24.');
    }
  });

  test('inside a list or a range, several characters: one warning, one fix removing them all', () => {
    const text = `See paras. 13${ZWJ}–15 and 2\u200b2.`;
    const found = invisible(text);
    assert.equal(found.length, 1);
    assert.equal(found[0].fixes[0].title, 'Remove the 2 invisible characters');
    assert.match(found[0].message, /2 invisible characters \(U\+200D ZERO WIDTH JOINER, U\+200B ZERO WIDTH SPACE\)/);
    assert.equal(apply(text, found[0].fixes[0].edits), 'See paras. 13–15 and 22.');
  });

  test('a citation that reads as it shows all the same is still flagged', () => {
    const text = 'See paras. 1,\ufeff 2.';
    const [p] = invisible(text);
    assert.match(p.message, /it reads as it shows here/);
  });

  test('left alone: around citations, in emoji, in right-to-left text, in references to other documents', () => {
    assert.deepEqual(invisible(`\u200bpara. 12\u200b and \u200fpara. 7\u200f`), []);
    assert.deepEqual(invisible(`👨${ZWJ}👩${ZWJ}👧 para. 12 👨${ZWJ}👩${ZWJ}👧`), []);
    assert.deepEqual(invisible('وأشار الرئيس\u200f إلى (para. 24)\u200f'), []);
    assert.deepEqual(invisible(`E/CN.7/2021/2, para. 1${ZWJ}2`), []);
    assert.deepEqual(invisible('No invisible characters: para. 12.'), []);
  });

  test('not among the fixes applied in bulk (it changes which paragraph is cited)', () => {
    assert.deepEqual(fixAllEdits(check(`para. 1${ZWJ}2`)).edits, []);
  });

  test('the problem covers the citation as it stands in the draft, after other invisible characters', () => {
    const text = `\u200b\u200b intro \u200b para. 3${ZWJ}0 and para. 2\u200b4`;
    const found = invisible(text);
    assert.deepEqual(
      found.map((p) => text.slice(p.start, p.end)),
      [`para. 3${ZWJ}0`, `para. 2\u200b4`],
    );
  });

  test('shownText: the text as it shows, and where the characters were', () => {
    assert.equal(shownText('nothing here'), undefined);
    assert.deepEqual(shownText(`a\u200b\u200cb${ZWJ}c`), {
      text: 'abc',
      runs: [
        { start: 1, end: 3, at: 1 },
        { start: 4, end: 5, at: 2 },
      ],
    });
  });
});
