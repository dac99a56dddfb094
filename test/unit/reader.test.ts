import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { footnoteMark, ReaderLayout, type ReaderOutlineEntry } from '../../src/core/render/reader';
import { summary } from './fixtures';

const layout = new ReaderLayout(summary);
const lines = layout.text.split('\n');
/** The text of every span of a style, as the reader shows it. */
const styled = (style: string) => layout.spans.filter((s) => s.style === style).map((s) => lines[s.line].slice(s.start, s.end));

describe('reader layout', () => {
  test('every paragraph has a visible number and its own lines', () => {
    for (let n = 1; n <= 37; n++) {
      const r = layout.rangeOf(n)!;
      assert.ok(lines[r.start].startsWith(`${n}. `), `line of ${n}: ${lines[r.start].slice(0, 20)}`);
      for (let l = r.start; l <= r.end; l++) assert.equal(layout.paragraphAt(l), n);
    }
    assert.equal(layout.rangeOf(4)!.end - layout.rangeOf(4)!.start, 3, 'paragraph 4 has its list on three more lines');
    assert.ok(lines[layout.rangeOf(4)!.start + 1].startsWith('    • Increasing links'));
  });

  test('no markup characters: no Markdown emphasis, escapes, heading marks, quote marks or footnote references', () => {
    for (const [i, line] of lines.entries()) {
      assert.doesNotMatch(line, /\*\*\d|\*\*[a-z]|[a-z]\*\*[ .,]|\\[*_[\]<>`]|\[\^|^#+ |^> /, `line ${i}: ${line.slice(0, 80)}`);
    }
    const p24 = lines[layout.rangeOf(24)!.start];
    assert.ok(
      p24.startsWith('24. UNODC emphasized the importance of comparing confiscated proceeds of drug crime'),
      p24.slice(0, 90),
    );
    assert.ok(lines.includes('I. Background'));
    assert.ok(lines.includes('(c) Thematic session 2 · 20 October 2021'));
    assert.ok(lines.some((l) => l.startsWith('2019 Ministerial Declaration challenge: “The value of confiscated proceeds')));
  });

  test('what Markdown marked up is styled instead: numbers, headings, key phrases, emphasis, footnote marks', () => {
    assert.deepEqual(styled('paragraphNumber').length, 37);
    assert.ok(styled('paragraphNumber').includes('24.'));
    assert.deepEqual(styled('heading').slice(0, 3), [
      'I. Background',
      "II. Chair's summary of the deliberations",
      '(a) Opening session · 19 October 2021',
    ]);
    assert.ok(
      styled('keyPhrase').includes(
        'the importance of comparing confiscated proceeds of drug crime with drug profits and related financial flows',
      ),
    );
    // Every key phrase of every paragraph, word for word (one span per line it covers).
    const keyPhrases = summary.doc.paragraphs.flatMap((p) => p.keyPhrases.map((k) => k.text));
    assert.deepEqual(styled('keyPhrase').sort(), [...keyPhrases].sort());
    assert.ok(styled('emphasis').includes('Way forward'));
    assert.deepEqual(styled('footnoteMark'), ['**', '*', '¹', '²', '*', '**', '¹', '²']);
    assert.ok(lines[layout.rangeOf(4)!.start].includes('2019 workplan,¹ was held'));
    assert.ok(lines.includes('* E/CN.7/2022/1.'));
    assert.equal(footnoteMark('12'), '¹²');
    // Spans stay within their line and do not overlap.
    for (const s of layout.spans) assert.ok(s.start < s.end && s.end <= lines[s.line].length, JSON.stringify(s));
  });

  test('links: the address in paragraph 8 and the footnotes’ sources, where the text shows them', () => {
    const shown = layout.links.map((l) => [lines[l.line].slice(l.start, l.end), l.url]);
    assert.deepEqual(shown[0], [
      'www.unodc.org/hlr/en/Follow-upProcess.html',
      'http://www.unodc.org/hlr/en/Follow-upProcess.html',
    ]);
    assert.equal(layout.paragraphAt(layout.links[0].line), 8);
    assert.equal(shown.length, 3);
  });

  test('outline: sections, sessions and paragraphs with the lines they cover', () => {
    const names = (entries: readonly ReaderOutlineEntry[]): unknown[] =>
      entries.map((e) => (e.children.length ? [e.name, names(e.children)] : e.name));
    const all = names(layout.outline);
    assert.equal(all[0], '¶ 1');
    assert.deepEqual(all[1], ['I. Background', ['¶ 2', '¶ 3', '¶ 4', '¶ 5', '¶ 6', '¶ 7', '¶ 8']]);
    const sessionC = layout.outline[2].children[2];
    assert.equal(sessionC.name, '(c) Thematic session 2');
    assert.deepEqual(
      sessionC.children.map((c) => c.paragraph),
      [23, 24, 25, 26, 27, 28, 29],
    );
    assert.equal(sessionC.end, layout.rangeOf(29)!.end);
    const p24 = sessionC.children[1];
    assert.equal(lines[p24.nameLine].slice(p24.nameStart, p24.nameEnd), '24.');
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

  test('positions outside paragraphs map to nothing; a footnote mark or a number snaps to the next word', () => {
    assert.equal(layout.paragraphAt(0), undefined);
    assert.equal(layout.toText({ line: 0, character: 3 }), undefined);
    const start = layout.rangeOf(4)!.start;
    assert.deepEqual(layout.toText({ line: start, character: 0 }), { paragraph: 4, offset: 0 });
    const mark = lines[start].indexOf('¹');
    assert.deepEqual(layout.toText({ line: start, character: mark }), { paragraph: 4, offset: 76 });
  });
});
