import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDraft } from '../../src/core/citations/diagnostics';
import {
  type CitationFormat,
  DEFAULT_FORMAT,
  formatCitation,
  formatNumbers,
  formatQuotation,
  mergeNumbers,
  toRuns,
} from '../../src/core/citations/format';
import { summary } from './fixtures';

describe('citation formatting (UN style)', () => {
  test('numbers and ranges', () => {
    assert.equal(formatNumbers([24]), '24');
    assert.equal(formatNumbers([13, 14, 15]), '13–15');
    assert.equal(formatNumbers([13, 14, 22]), '13, 14 and 22');
    assert.equal(formatNumbers([11, 12, 13, 18, 30, 31, 32]), '11–13, 18 and 30–32');
    assert.equal(formatNumbers([22, 13, 15, 14, 13]), '13–15 and 22', 'unsorted and repeated input');
    assert.equal(formatNumbers([13, 14]), '13 and 14', 'two consecutive paragraphs are listed, not a range');
    assert.deepEqual(toRuns([1, 2, 3, 5, 6]), [
      { from: 1, to: 3 },
      { from: 5, to: 5 },
      { from: 6, to: 6 },
    ]);
  });

  test('every style', () => {
    assert.equal(formatCitation([24]), 'para. 24');
    assert.equal(formatCitation([13, 14, 15, 22]), 'paras. 13–15 and 22');
    assert.equal(formatCitation([24], { style: 'long', rangeDash: '–' }), "paragraph 24 of the Chair's summary");
    assert.equal(formatCitation([30, 31, 32], { style: 'long', rangeDash: '–' }), "paragraphs 30–32 of the Chair's summary");
    assert.equal(formatCitation([24], { style: 'parenthetical', rangeDash: '–' }), '(para. 24)');
    assert.equal(formatCitation([24, 25], { style: 'parenthetical', rangeDash: '–' }), '(paras. 24 and 25)');
    assert.equal(formatCitation([9, 10], { style: 'words', rangeDash: '–' }), 'paragraphs 9 and 10');
    assert.equal(formatCitation([]), '');
  });

  test('every dash', () => {
    assert.equal(formatCitation([13, 14, 15], { style: 'short', rangeDash: '-' }), 'paras. 13-15');
    assert.equal(formatCitation([13, 14, 15], { style: 'short', rangeDash: ' to ' }), 'paras. 13 to 15');
  });

  test('merging', () => {
    assert.deepEqual(mergeNumbers([13, 14, 15], [22]), [13, 14, 15, 22]);
    assert.equal(formatCitation(mergeNumbers([13, 14, 15], [22])), 'paras. 13–15 and 22');
    assert.equal(formatCitation(mergeNumbers([24], [24])), 'para. 24');
    assert.equal(formatCitation(mergeNumbers([30, 32], [31])), 'paras. 30–32');
  });

  test('quotations with their citation: in parentheses in every style, whitespace collapsed, inner quotation marks single', () => {
    const style = (st: CitationFormat['style']): CitationFormat => ({ style: st, rangeDash: '–' });
    assert.equal(formatQuotation('comparing confiscated proceeds', [24]), '“comparing confiscated proceeds” (para. 24)');
    assert.equal(
      formatQuotation('comparing confiscated proceeds', [24], style('parenthetical')),
      '“comparing confiscated proceeds” (para. 24)',
    );
    assert.equal(
      formatQuotation('comparing confiscated proceeds', [24], style('long')),
      "“comparing confiscated proceeds” (paragraph 24 of the Chair's summary)",
    );
    assert.equal(
      formatQuotation('comparing confiscated proceeds', [24], style('words')),
      '“comparing confiscated proceeds” (paragraph 24)',
    );
    assert.equal(
      formatQuotation('  the following challenges:\n   Increasing links ', [4]),
      '“the following challenges: Increasing links” (para. 4)',
    );
    assert.equal(
      formatQuotation('disguised as “Internet pharmacies” supplying', [33]),
      '“disguised as ‘Internet pharmacies’ supplying” (para. 33)',
    );
    assert.equal(formatQuotation('smaller "narco-planes" and', [16]), '“smaller ‘narco-planes’ and” (para. 16)');
  });

  test("a quotation made from any passage of the summary passes the draft's quotation check", () => {
    for (const p of summary.doc.paragraphs) {
      const words = p.text.split(/\s+/);
      for (const [from, length] of [
        [0, 6],
        [Math.floor(words.length / 2), 9],
        [Math.max(0, words.length - 5), 5],
      ]) {
        const quotation = formatQuotation(words.slice(from, from + length).join(' '), [p.number]);
        const problems = checkDraft(`As the Chair noted, ${quotation}.`, summary, { format: DEFAULT_FORMAT }).filter(
          (x) => x.code === 'misquotation',
        );
        assert.deepEqual(
          problems.map((x) => x.message),
          [],
          quotation,
        );
      }
    }
  });
});
