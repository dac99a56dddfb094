import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type CardNote,
  cardNoteOf,
  CARD_NOTES,
  citationCard,
  entityCard,
  escapeMarkdown,
  paragraphCard,
  safeNoteMarkdown,
} from '../../src/core/render/cards';
import { anchorNote } from '../../src/core/notes/anchor';
import type { Note } from '../../src/core/notes/model';
import { findCitations } from '../../src/core/citations/grammar';
import { completionSpot } from '../../src/core/citations/complete';
import { longDate } from '../../src/core/summary/summary';
import { ORGANIZATIONS_JSON, parseSummaryText, SOURCE_TEXT } from '../../src/core/summary/bundled';
import { summary } from './fixtures';
import { liveMarkup, tokensOf, visibleText } from './markdown';
import { propertyParams } from './property';

const EVIL = [
  '[x](command:workbench.action.terminal.new)',
  '<img src=x onerror=alert(1)>',
  '![i](http://evil.example/p.png)',
  'www.evil.example',
  '`code`',
  '# heading',
];

/** Links and images that Markdown would render from `md`: `[..](..)` not preceded by a backslash. */
function liveLinks(md: string): string[] {
  return [...md.matchAll(/(?<!\\)!?\[[^\]]*(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);
}

describe('hover cards', () => {
  test('a paragraph card has the place, challenge, text with key phrases, organizations and links', () => {
    const md = paragraphCard(summary, 24);
    assert.ok(md.startsWith('**¶ 24** · Thematic session 2 · 20 October 2021'));
    assert.match(md, /\*Challenge:\* The value of confiscated proceeds/);
    assert.match(md, /UNODC emphasized \*\*the importance of comparing confiscated proceeds/);
    assert.match(md, /\*\*UNODC\*\* — United Nations Office on Drugs and Crime · United Nations entity · Vienna, Austria/);
    assert.match(md, /Also in paras\\. /);
    assert.ok(
      liveLinks(md).every((l) => /^command:cndSummary\.(goToParagraph|addNote)\?/.test(l)),
      'only our commands',
    );
  });

  test('footnotes appear on their paragraph', () => {
    assert.match(paragraphCard(summary, 4), /\*Footnote 1:\* http\\:\/\/www\\\.unodc\\\.org/);
  });

  test('a long range lists the first words of each, with the count', () => {
    const [c] = findCitations('paras. 11–22');
    const md = citationCard(summary, c);
    assert.match(md, /— 12 paragraphs/);
    assert.equal((md.match(/^- \[¶ \d+\]/gm) ?? []).length, 12);
    assert.ok(md.length < 4000, `readable: ${md.length} characters`);
  });

  test('a focused number shows that paragraph alone; an unknown number says so', () => {
    const [c] = findCitations('paras. 13–15');
    assert.ok(citationCard(summary, c, 14).startsWith('**¶ 14**'));
    const [bad] = findCitations('paras. 36–38');
    assert.match(citationCard(summary, bad), /\*\*Not in the summary:\*\* 38/);
  });

  test('organization and Member State cards', () => {
    const md = entityCard(summary, 'vngoc')!;
    assert.match(md, /Vienna NGO Committee on Narcotic Drugs/, 'the aliases the summary uses');
    assert.match(entityCard(summary, 'turkey')!, /Türkiye/);
    assert.equal(entityCard(summary, 'nobody'), undefined);
  });

  test('data and notes are inert: no links, images, HTML or command links get through', () => {
    for (const evil of EVIL) {
      const escaped = escapeMarkdown(evil);
      assert.deepEqual(liveLinks(escaped), [], evil);
      assert.ok(!/(?<!\\)</.test(escaped), `no raw "<" in ${escaped}`);
    }
    // A summary and a directory whose own strings are hostile.
    const source = SOURCE_TEXT.replace('UNODC emphasized', `UNODC emphasized ${EVIL.join(' ')}`);
    const orgs = JSON.parse(JSON.stringify(ORGANIZATIONS_JSON)) as { organizations: { id: string; description: string }[] };
    orgs.organizations.find((o) => o.id === 'unodc')!.description = EVIL.join(' ');
    const hostile = parseSummaryText(source, orgs);
    const notes = () => [{ author: '<b>x</b>', body: EVIL.join('\n'), tags: ['quote`'], quote: '[q](command:x)' }];
    const md = paragraphCard(hostile, 24, { notesFor: notes });
    for (const l of liveLinks(md)) assert.match(l, /^command:cndSummary\.(goToParagraph|addNote)\?/, `unexpected link ${l}`);
    assert.ok(!/(?<!\\)<(img|b)/.test(md), 'no raw HTML');
    assert.ok(md.includes('\\[x\\]\\(command\\:workbench\\.action\\.terminal\\.new\\)'), 'the text is still there, escaped');
    assert.ok(!/(?<!\\)www(?<!\\)\.evil/.test(md) && !md.includes('www.evil'), 'no bare www. autolink');
  });
});

describe('completion spots', () => {
  const cases: [string, ReturnType<typeof completionSpot>][] = [
    ['see para. ', { typed: '' }],
    ['see para.', { typed: '' }],
    ['paragraph ', { typed: '' }],
    ['¶', { typed: '' }],
    ['¶¶ ', { typed: '' }],
    ['see paras. 13–', { typed: '', after: 13 }],
    ['see paras. 13-', { typed: '', after: 13 }],
    ['paragraphs 13 to ', { typed: '', after: 13 }],
    ['paras. 11–13, 18 and ', { typed: '' }],
    ['paras. 13, ', { typed: '' }],
    ['para. 2', { typed: '2' }],
    ['paras. 13–1', { typed: '1', after: 13 }],
    ['hello ', undefined],
    ['paragraphs', undefined],
    ['the 2021 ', undefined],
  ];
  for (const [prefix, expected] of cases) test(JSON.stringify(prefix), () => assert.deepEqual(completionSpot(prefix), expected));
});

describe('dates', () => {
  test('ISO dates read as day, month, year; anything else is left as it is', () => {
    assert.equal(longDate('2021-10-20'), '20 October 2021');
    assert.equal(longDate('2021-01-09'), '9 January 2021');
    assert.equal(longDate('2021-13-01'), '2021-13-01');
    assert.equal(longDate('soon'), 'soon');
  });
});

/**
 * Values a shared notes file (a colleague's commit, a pull request) could hold, each trying one way of making
 * Markdown live: links, images (a remote image is a tracking beacon), command links, autolinks, bare URLs and
 * e-mail addresses, HTML, entities, reference definitions, and block structure that could expose any of them.
 */
const HOSTILE = [
  'x\n\n[Click me](https://evil.example/c)\n\n![t](https://evil.example/beacon.png)',
  '[Run](command:cndSummary.addNote?%5B24%2C%22pwned%22%5D)',
  '[Run](command:cndSummary.addNote?[24,"pwned"])',
  '<https://evil.example/autolink>',
  '<evil@evil.example>',
  'see https://evil.example/bare and www.evil.example or ftp://evil.example',
  'mail evil@evil.example or mailto:evil@evil.example',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">a</a>',
  '<!-- comment --> <details open>',
  '&lt;img&gt; &#91;x&#93;(https://evil.example) &amp; &#x5B;',
  '[ref]\n\n[ref]: https://evil.example/ref',
  'one\r[CR](https://evil.example)\r\n![img](https://evil.example/i.png)',
  '`code` ``x`` [a](https://evil.example)`',
  '| a | b |\n|---|---|\n| `x|[y](https://evil.example)` | z |',
  '\\[escaped](https://evil.example)',
  '*[em](https://evil.example)* **![b](https://evil.example/b.png)**',
  '~~~\n[fence](https://evil.example)\n~~~',
  '    [indented](https://evil.example)',
  '> [quote](https://evil.example)',
  '# [heading](https://evil.example)',
  '[x](<https://evil.example>) [y]( https://evil.example "t")',
  '192.168.0.1 http://[::1]/ https\\://evil.example',
  '- [list](https://evil.example)\n1. [ordered](https://evil.example)',
];

/** A note with a hostile value in every field, as a loaded file could hold it (bypassing validation). */
function hostileNote(evil: string, i = 0): Note {
  return {
    id: `${evil}-${i}`,
    target: {
      paragraph: 24,
      scope: 'passage',
      selector: [
        { type: 'TextQuoteSelector', exact: `${evil} (quoted)`, prefix: evil, suffix: evil },
        { type: 'TextPositionSelector', start: 3, end: 9 },
      ],
    },
    body: evil,
    tags: [evil, 'follow-up', `${evil}\n`],
    author: evil,
    created: evil,
    modified: evil,
    resolved: false,
    conflictOf: evil,
  };
}

const paragraphTexts = summary.doc.paragraphs.map((p) => ({ number: p.number, text: p.text }));

/** The card notes of paragraph 24 as the extension makes them from notes (NotesService.cardNotes). */
function cardNotesOf(notes: Note[]): () => CardNote[] {
  const cardNotes = notes.map((note) => {
    const anchor = anchorNote(note, paragraphTexts);
    return cardNoteOf(note, anchor, summary.paragraph(anchor.paragraph)?.text ?? '');
  });
  return () => cardNotes;
}

describe('hover cards: every string from the notes file renders as text (markdown-it, as VS Code renders hovers)', () => {
  test('a hostile value in every field of a note: no live link, image, HTML or entity in the card', () => {
    for (const evil of HOSTILE) {
      const notesFor = cardNotesOf([hostileNote(evil)]);
      const card = paragraphCard(summary, 24, { notesFor });
      assert.deepEqual(liveMarkup(card), [], `card for ${JSON.stringify(evil)}:\n${card.slice(card.indexOf('**Notes'))}`);
      const focused = citationCard(summary, findCitations('paras. 23–25')[0], 24, { notesFor });
      assert.deepEqual(liveMarkup(focused), [], `focused card for ${JSON.stringify(evil)}`);
    }
  });

  test('the tag of the issue: neither a live link, nor a beacon image, nor a command link', () => {
    const tag = 'x\n\n[Click me](https://evil.example)\n\n![t](https://evil.example/t.png)';
    const run = '[Run](command:cndSummary.addNote?%5B24%2C%22added%20without%20asking%22%5D)';
    const card = paragraphCard(summary, 24, { notesFor: () => [{ author: 'A', body: 'b', tags: [tag, run] }] });
    assert.deepEqual(liveMarkup(card), []);
    const text = visibleText(card);
    assert.ok(text.includes('#x [Click me](https://evil.example) ![t](https://evil.example/t.png)'), 'shown as text');
    assert.ok(text.includes('#[Run](command:cndSummary.addNote?%5B24%2C%22added%20without%20asking%22%5D)'), 'shown');
  });

  test('the words of every field are still there to read, as written', () => {
    const author = 'Ana <ana@example.org> [UN]';
    const quote = 'less than 1 per cent & *all* of it';
    const card = paragraphCard(summary, 24, {
      notesFor: () => [{ author, body: 'See [the report](https://example.org).', tags: ['follow-up'], quote }],
    });
    const text = visibleText(card);
    assert.ok(text.includes(author), text.slice(-300));
    assert.ok(text.includes(quote), text.slice(-300));
    assert.ok(text.includes('See [the report](https://example.org).'), text.slice(-300));
    assert.ok(text.includes('#follow-up'));
  });

  test('a note body keeps its text formatting (emphasis, strong, strikethrough, code) and nothing else', () => {
    const body = '**Key** point, *see* ~~old~~ `a.b[c](d)` and [a link](https://example.org) <b>x</b>';
    const md = safeNoteMarkdown(body);
    assert.deepEqual(liveMarkup(md, false), []);
    const types = tokensOf(md).map((t) => t.type);
    for (const kind of ['strong_open', 'em_open', 's_open', 'code_inline']) assert.ok(types.includes(kind), `${kind} in ${md}`);
    assert.equal(tokensOf(md).find((t) => t.type === 'code_inline')!.content, 'a.b[c](d)', 'code shown as written');
    assert.ok(visibleText(md).includes('[a link](https://example.org) <b>x</b>'), 'the rest as text');
    // In the card, on a list item's continuation lines.
    const card = paragraphCard(summary, 24, { notesFor: () => [{ author: 'A', body: `${body}\nline two`, tags: [] }] });
    assert.deepEqual(liveMarkup(card), []);
    const plain = paragraphCard(summary, 24, { notesFor: () => [{ author: 'A', body: 'plain', tags: [] }] });
    const strong = (markdown: string) => tokensOf(markdown).filter((t) => t.type === 'strong_open').length;
    assert.equal(strong(card), strong(plain) + 1, 'bold inside the note');
  });

  test('generated hostile values in every field of a note and of the data: only the card links are live', () => {
    // Single characters that carry meaning, and whole constructs, so that generated values also hold working ones.
    const pieces = [
      ...'[]()!<>`\\|-*_~#&;"\'=/:.@'.split(''),
      ...['\n', '\r', '\r\n', '\n\n', ' ', '    ', '//', '---', '~~~', '```', '1.', '- ', '> ', '# '],
      ...['https://', 'http:', 'www.', 'ftp://', 'mailto:', 'command:', 'cndSummary.addNote?', '%5B24%5D', 'evil', '.example'],
      ...['x@y.example', 'img src=x', 'a href=', 'amp', '#91', '#x5B', 'lt'],
      ...['[x](https://e.example)', '![i](https://e.example/i.png)', '<https://e.example>', '[r]: https://e.example', '<b>'],
      ...['[Run](command:cndSummary.addNote?%5B24%2C%22b%22%5D)', '&#91;', '&lt;', 'https://e.example/p', 'www.e.example'],
    ];
    const hostile = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join(''));
    // Short quotes: a quote that is not in the summary is looked for by similarity, which takes time.
    const quote = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(
      fc.property(hostile, hostile, hostile, quote, (body, tag, author, exact) => {
        const note = hostileNote(body);
        note.tags = [tag];
        note.author = author;
        note.target.selector[0].exact = exact;
        note.target.scope = 'passage';
        const card = paragraphCard(summary, 24, { notesFor: cardNotesOf([note]) });
        assert.deepEqual(liveMarkup(card), [], card.slice(card.indexOf('**Notes')));
        assert.deepEqual(liveMarkup(safeNoteMarkdown(body), false), [], 'the comment in the reader');
        assert.deepEqual(liveMarkup(escapeMarkdown(body), false), [], 'a data string');
      }),
      propertyParams(400),
    );
  });

  test('hostile data (organization and Member State names, descriptions, aliases, paragraph text): text only', () => {
    const evil = HOSTILE.join(' ');
    const source = SOURCE_TEXT.replace('UNODC emphasized', `UNODC emphasized ${HOSTILE.slice(3, 8).join(' ')}`);
    const orgs = JSON.parse(JSON.stringify(ORGANIZATIONS_JSON)) as {
      organizations: Record<string, unknown>[];
      states?: Record<string, unknown>[];
    };
    const unodc = orgs.organizations.find((o) => o.id === 'unodc')!;
    for (const key of ['name', 'description', 'headquarters']) unodc[key] = evil;
    const hostile = parseSummaryText(source, orgs);
    for (const md of [paragraphCard(hostile, 24), entityCard(hostile, 'unodc')!]) {
      assert.deepEqual(liveMarkup(md), [], md);
      assert.ok(visibleText(md).includes('[Click me](https://evil.example/c)'), 'the hostile words are there, as text');
    }
    const range = citationCard(hostile, findCitations('paras. 20–25')[0]);
    assert.deepEqual(liveMarkup(range), [], range);
    assert.ok(visibleText(range).includes('<https://evil.example/autolink>'), 'the paragraph text, as text');
  });

  test('many notes on one paragraph: the card shows the first ones and counts the rest (no stack overflow)', () => {
    const many: CardNote[] = Array.from({ length: 300_000 }, (_, i) => ({ author: 'A', body: `note ${i}`, tags: ['t'] }));
    const card = paragraphCard(summary, 24, { notesFor: () => many });
    assert.match(card, /\*\*Notes \(300000\)\*\*/);
    assert.match(card, new RegExp(`and ${300_000 - CARD_NOTES} more`));
    assert.ok(card.length < 20_000, `bounded: ${card.length} characters`);
    const long = paragraphCard(summary, 24, { notesFor: () => [{ author: 'A', body: 'x'.repeat(100_000), tags: [] }] });
    assert.ok(long.length < 20_000, `a long body is cut: ${long.length} characters`);
  });

  test('the card links carry one paragraph number of the summary and nothing else', () => {
    const links = tokensOf(
      paragraphCard(summary, 24) + entityCard(summary, 'unodc')! + citationCard(summary, findCitations('paras. 11–22')[0]),
    )
      .filter((t) => t.type === 'link_open')
      .map((t) => String(t.attrGet('href')));
    assert.ok(links.length > 10);
    for (const href of links) assert.match(href, /^command:cndSummary\.(goToParagraph|addNote)\?%5B([1-9]|[12]\d|3[0-7])%5D$/);
  });
});
