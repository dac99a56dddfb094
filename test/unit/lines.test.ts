import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { findCitations } from '../../src/core/citations/grammar';
import { visitCitedPlaces } from '../../src/core/citations/places';
import { LineCursor, lineAndCharacter, lineStarts } from '../../src/core/summary/lines';
import { propertyParams } from './property';

/** Line starts as VS Code counts them: after every LF, CRLF or lone CR. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

describe('lines: LF, CRLF and CR alone end a line', () => {
  test('the same lines whatever the line ends', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['one', 'two para. 7', '', 'four'].join(eol);
      const starts = lineStarts(text);
      assert.equal(starts.length, 4, JSON.stringify(eol));
      assert.deepEqual(lineAndCharacter(starts, text.indexOf('para.')), { line: 1, character: 4 }, JSON.stringify(eol));
      assert.deepEqual(lineAndCharacter(starts, text.indexOf('four')), { line: 3, character: 0 }, JSON.stringify(eol));
    }
  });

  test('a CRLF is one line break; mixed line ends each count once', () => {
    assert.deepEqual(lineStarts('a\r\nb'), [0, 3]);
    assert.deepEqual(lineStarts('a\rb\nc\r\nd\r\re'), [0, 2, 4, 7, 9, 10]);
    assert.deepEqual(lineStarts('\r'), [0, 1]);
    assert.deepEqual(lineStarts(''), [0]);
  });

  test('LineCursor: offsets met in increasing order, with gaps, inside a CRLF and at the end', () => {
    const text = 'ab\r\ncd\ref\ngh';
    const starts = lineStarts(text);
    const cursor = new LineCursor(text);
    for (const offset of [0, 3, 3, 4, 8, 11, text.length])
      assert.deepEqual(cursor.at(offset), lineAndCharacter(starts, offset), `offset ${offset}`);
    assert.throws(() => cursor.at(2), RangeError);
  });

  test('property: agrees with splitting at /\\r\\n|\\r|\\n/', () => {
    const piece = fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r', '\r\n', 'para. 7');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const starts = lineStarts(text);
        assert.deepEqual(starts, referenceStarts(text));
        const cursor = new LineCursor(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const { line, character } = lineAndCharacter(starts, offset);
          assert.deepEqual(cursor.at(offset), { line, character }, 'LineCursor agrees');
          assert.ok(starts[line] <= offset && (line + 1 >= starts.length || offset < starts[line + 1]));
          assert.equal(character, offset - starts[line]);
        }
      }),
      propertyParams(300),
    );
  });
});

describe('visitCitedPlaces: where the citations of the summary stand (the workspace index)', () => {
  test('property: each citation of the summary once, in order, at the line and character of its ends', () => {
    const piece = fc.constantFrom('a', '😀', ' ', '\n', '\r', '\r\n', '\n\n', 'para. 7', 'paras. 13–15', 'para. 99', ', 40');
    const piece2 = fc.constantFrom('paras. 1–500', '¶ 38', 'E/CN.7/2021/2, para. 12', 'para.\n24', 'paras. 36, 37, 38');
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, piece2), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const has = (n: number) => n >= 1 && n <= 37;
        const starts = lineStarts(text);
        const expected = findCitations(text)
          .filter((c) => !c.external && c.paragraphs.some(has))
          .map((c) => [lineAndCharacter(starts, c.start), lineAndCharacter(starts, c.end), c.paragraphs.filter(has)]);
        const seen: unknown[] = [];
        visitCitedPlaces(text, has, (startLine, startCharacter, endLine, endCharacter, paragraphs) => {
          seen.push([
            { line: startLine, character: startCharacter },
            { line: endLine, character: endCharacter },
            [...paragraphs],
          ]);
        });
        assert.deepEqual(seen, expected);
      }),
      propertyParams(1000),
    );
  });
});
