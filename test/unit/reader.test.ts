import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ReaderLayout } from '../../src/core/render';
import { summary } from './fixtures';

const layout = new ReaderLayout(summary);
const lines = layout.text.split('\n');

describe('reader layout', () => {
  test('every paragraph has a visible number and its own lines', () => {
    for (let n = 1; n <= 37; n++) {
      const r = layout.rangeOf(n)!;
      assert.ok(lines[r.start].startsWith(`**${n}.** `), `line of ${n}: ${lines[r.start].slice(0, 20)}`);
      for (let l = r.start; l <= r.end; l++) assert.equal(layout.paragraphAt(l), n);
    }
    assert.equal(layout.rangeOf(4)!.end - layout.rangeOf(4)!.start, 3, 'paragraph 4 has its list on three more lines');
  });

  test('headings, challenges, key phrases and footnotes are clean Markdown', () => {
    assert.ok(lines.includes('## I. Background'));
    assert.ok(lines.includes('### (c) Thematic session 2 · 20 October 2021'));
    assert.ok(
      lines.some((l) => l.startsWith('> **2019 Ministerial Declaration challenge:** “The value of confiscated proceeds')),
    );
    const p24 = lines[layout.rangeOf(24)!.start];
    assert.ok(p24.includes('UNODC emphasized **the importance of comparing confiscated proceeds'));
    const p4 = lines[layout.rangeOf(4)!.start];
    assert.ok(p4.includes('2019 workplan,[^1] was held'));
    assert.ok(lines.includes('[^*]: E/CN.7/2022/1.'));
  });

  test('reader positions and paragraph offsets map both ways', () => {
    for (const n of [4, 8, 24, 25]) {
      const p = summary.paragraph(n)!;
      for (let off = 0; off < p.text.length; off++) {
        if (p.text[off] === '\n') continue;
        const pos = layout.toReader(n, off)!;
        const back = layout.toText(pos)!;
        assert.deepEqual(back, { paragraph: n, offset: off }, `paragraph ${n} offset ${off}`);
        assert.equal(lines[pos.line][pos.character], p.text[off]);
      }
    }
  });

  test('positions outside paragraphs map to nothing', () => {
    assert.equal(layout.paragraphAt(0), undefined);
    assert.equal(layout.toText({ line: 0, character: 3 }), undefined);
  });
});
