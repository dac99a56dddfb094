import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { citationCard, entityCard, escapeMarkdown, paragraphCard } from '../../src/core/cards';
import { findCitations } from '../../src/core/citations/grammar';
import { completionSpot } from '../../src/core/citations/complete';
import { longDate } from '../../src/core/summary';
import { ORGANIZATIONS_JSON, parseSummaryText, SOURCE_TEXT } from '../../src/core/bundled';
import { summary } from './fixtures';

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
