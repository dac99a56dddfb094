import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { propertyParams } from './property';
import { checkDraft } from '../../src/core/citations/diagnostics';
import { DEFAULT_FORMAT } from '../../src/core/citations/format';
import { type Citation, findCitations } from '../../src/core/citations/grammar';
import { summary } from './fixtures';

/** Pieces that drafts and adversaries are made of: citation keywords, numbers, separators, traps. */
const PIECES = [
  'para',
  'paras',
  'para.',
  'paras.',
  'Para.',
  'PARAS',
  'paragraph',
  'paragraphs',
  '¶',
  '¶¶',
  'par.',
  'párr.',
  'párrs.',
  ' ',
  ' ',
  ' ',
  '\n',
  '.',
  ',',
  ', ',
  ' and ',
  ' to ',
  ' a ',
  '–',
  '-',
  '—',
  '(',
  ')',
  '"',
  '“',
  '”',
  '1',
  '7',
  '13',
  '24',
  '38',
  '2021',
  '16.4',
  '999999',
  '1234567',
  'of the summary',
  "of the Chair's summary",
  'of resolution 64/1',
  'operative ',
  'article 3, ',
  'E/CN.7/2021/2, ',
  'UNODC',
  'the',
  'side events',
  'less than 1 per cent',
  'x',
  'é',
  '😀',
];
const draft = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(''));
const anyText = fc.oneof(draft, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));

function shifted(cs: Citation[], by: number) {
  return cs.map((c) => ({ start: c.start + by, end: c.end + by, paragraphs: c.paragraphs, external: c.external, text: c.text }));
}
function plain(cs: Citation[]) {
  return cs.map((c) => ({ start: c.start, end: c.end, paragraphs: c.paragraphs, external: c.external, text: c.text }));
}

describe('citation grammar: properties (fast-check)', () => {
  test('never throws, on any text', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        findCitations(t);
        checkDraft(t, summary, { format: DEFAULT_FORMAT });
      }),
      propertyParams(2000),
    );
  });

  test('ranges lie inside the text, in order, without overlapping, and match the text', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        let last = 0;
        for (const c of findCitations(t)) {
          assert.ok(c.start >= last && c.start < c.end && c.end <= t.length);
          assert.equal(t.slice(c.start, c.end), c.text);
          for (const n of c.numbers) {
            assert.ok(n.start >= c.start && n.end <= c.end && n.start < n.end);
            assert.equal(String(n.value), t.slice(n.start, n.end));
          }
          assert.ok(c.keyword.start === c.start && c.keyword.end <= c.end);
          assert.deepEqual(
            c.paragraphs,
            [...new Set(c.paragraphs)].sort((a, b) => a - b),
          );
          last = c.end;
        }
      }),
      propertyParams(2000),
    );
  });

  test('the same citations when the text is embedded in other text', () => {
    const before = fc.constantFrom('', 'Introduction.\n\n', 'Some words here.\n\n', '# Heading\n\n');
    const after = fc.constantFrom('', '\n\nEnd.', '\n\nThank you, Madam Chair.');
    fc.assert(
      fc.property(draft, before, after, (t, b, a) => {
        const alone = findCitations(t);
        const embedded = findCitations(b + t + a);
        assert.deepEqual(plain(embedded), shifted(alone, b.length));
      }),
      propertyParams(2000),
    );
  });

  test('diagnostics: ranges inside the text, fixes apply cleanly', () => {
    fc.assert(
      fc.property(draft, (t) => {
        for (const p of checkDraft(t, summary, { format: DEFAULT_FORMAT })) {
          assert.ok(p.start >= 0 && p.start <= p.end && p.end <= t.length);
          for (const f of p.fixes) for (const e of f.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= t.length);
        }
      }),
      propertyParams(1000),
    );
  });
});

// Running time on adversarial input (linear growth) is measured in the benchmark, not here.
