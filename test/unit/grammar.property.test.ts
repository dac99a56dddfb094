import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { propertyParams } from './property';
import { checkDraft } from '../../src/core/citations/diagnostics';
import { DEFAULT_FORMAT } from '../../src/core/citations/format';
import {
  type Citation,
  type CitationItem,
  citesSeveral,
  findCitations,
  forEachItem,
  keywordPlural,
} from '../../src/core/citations/grammar';
import { referenceExpand } from './reference';
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

const DASHES = ['–', '-', '—', '‒', '−', ' to ', ' a ', ' à ', ' au '];

/** Text around citations of one number, one range, or a list of both, in each language and with each dash. */
const citations = fc
  .array(
    fc.tuple(
      fc.constantFrom('para. ', 'paras. ', '¶ ', '¶¶', 'par. ', 'párrs. ', 'paragraphs '),
      fc.array(
        fc.tuple(
          fc.constantFrom('1', '13', '24', '38', '999999'),
          fc.option(fc.tuple(fc.constantFrom(...DASHES), fc.constantFrom('2', '15', '13', '40'))),
        ),
        { minLength: 1, maxLength: 4 },
      ),
      fc.constantFrom(', ', ' and ', ' et ', ' y ', ' & ', ','),
      fc.constantFrom('', ' ', '. ', '\n', ' of the summary ', 'x'),
    ),
    { maxLength: 4 },
  )
  .map((cs) =>
    cs
      .map(
        ([keyword, items, separator, after]) =>
          keyword + items.map(([n, r]) => (r ? n + r[0] + r[1] : n)).join(separator) + after,
      )
      .join(''),
  );

describe('citation grammar: properties (fast-check)', () => {
  test("a citation's items, numbers, paragraphs and keyword agree, however they are read", () => {
    // A citation keeps its items in one of several forms (one number, one range, a list read again, a long
    // list kept) and makes the rest when asked: every way of reading it tells the same.
    fc.assert(
      fc.property(fc.oneof(draft, citations), (t) => {
        for (const c of findCitations(t)) {
          const items = c.items;
          const visited: CitationItem[] = [];
          forEachItem(c, (item) => {
            visited.push(JSON.parse(JSON.stringify(item)) as CitationItem);
          });
          assert.deepEqual(visited, JSON.parse(JSON.stringify(items)));
          assert.deepEqual(
            c.numbers,
            items.flatMap((i) => (i.to ? [i.from, i.to] : [i.from])),
          );
          for (const n of c.numbers) assert.equal(Number(t.slice(n.start, n.end)), n.value);
          for (const i of items) {
            if (!i.dash || !i.to) continue;
            assert.ok(DASHES.includes(i.dash.text), `a dash: ${JSON.stringify(i.dash.text)}`);
            assert.ok(i.from.end <= i.dash.start && i.dash.end <= i.to.start, 'the dash between the numbers');
            if (i.dash.text.length === 1) assert.equal(t.slice(i.dash.start, i.dash.end), i.dash.text);
          }
          assert.deepEqual(c.paragraphs, referenceExpand(items));
          assert.equal(citesSeveral(c), c.paragraphs.length > 1);
          assert.equal(keywordPlural(c), c.keyword.plural);
          assert.equal(c.text, t.slice(c.start, c.end));
          assert.deepEqual(c.items, items, 'read twice, the same');
        }
      }),
      propertyParams(3000),
    );
  });

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
