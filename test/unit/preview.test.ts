import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { ORGANIZATIONS_JSON, parseSummaryText } from '../../src/core/summary/bundled';
import { citationPreviewPlugin, previewTooltip } from '../../src/core/render/preview';
import { Summary } from '../../src/core/summary/summary';
import { lineOf, summary, withLine } from './fixtures';

const links = { href: (n: number) => `vscode://cnd-tools.cnd-chair-summary/paragraph?n=${n}` };

/** The HTML the Markdown preview shows for `markdown`, rendered by markdown-it with our plugin. */
function render(markdown: string, s: Summary = summary): string {
  return new MarkdownIt().use(citationPreviewPlugin(s, links)).render(markdown);
}

/** [href, title, text] of every link in `html`. */
function anchors(html: string): [string, string, string][] {
  return [...html.matchAll(/<a href="([^"]*)"(?: title="([^"]*)")?[^>]*>(.*?)<\/a>/g)].map((m) => [m[1], m[2] ?? '', m[3]]);
}

describe('Markdown preview plugin', () => {
  test('a citation becomes a link to its paragraph with the opening words as the tooltip', () => {
    const html = render('As noted in para. 24, proceeds remain low.');
    assert.equal(
      html,
      `<p>As noted in <a href="vscode://cnd-tools.cnd-chair-summary/paragraph?n=24" title="¶ 24: UNODC emphasized the importance of comparing confiscated proceeds of drug crime with drug profits and related…" class="cnd-citation">para. 24</a>, proceeds remain low.</p>\n`,
    );
  });

  test('each item of a list of paragraphs links on its own; a range links to its first paragraph', () => {
    const got = anchors(render('See paras. 13–15 and 22.'));
    assert.deepEqual(
      got.map(([href, , text]) => [href.replace(/.*n=/, ''), text]),
      [
        ['13', 'paras. 13–15'],
        ['22', '22'],
      ],
    );
    assert.match(got[0][1], /^¶ 13: .+\n¶ 14: .+\n¶ 15: /);
    assert.match(got[1][1], /^¶ 22: Many speakers stressed/);
  });

  test('forms in other languages and with an entity for the dash are linked', () => {
    assert.deepEqual(
      anchors(render('párrs. 30 a 32')).map((a) => a[2]),
      ['párrs. 30 a 32'],
    );
    assert.deepEqual(
      anchors(render('paras. 13&ndash;15')).map((a) => a[2]),
      ['paras. 13–15'],
    );
    assert.deepEqual(
      anchors(render('*see* para. 9')).map((a) => a[2]),
      ['para. 9'],
    );
  });

  test('external references, code and existing links stay as they are', () => {
    for (const md of [
      'operative paragraph 3 of resolution 64/1',
      'E/CN.7/2021/2, para. 12',
      '`para. 24`',
      '    para. 24 in an indented code block',
      '```\npara. 24\n```',
      '[para. 24](https://example.org)',
    ]) {
      const html = render(md);
      assert.ok(!html.includes('cnd-citation'), `${md} → ${html}`);
      assert.equal(html, new MarkdownIt().render(md), md);
    }
  });

  test('a list with one missing number links only the numbers that exist', () => {
    assert.deepEqual(
      anchors(render('paras. 24 and 40')).map((a) => a[2]),
      ['paras. 24'],
    );
  });

  test('citations the checks reject are marked, with the reason first in the tooltip', () => {
    // A paragraph that does not exist: no link (nothing to open), marked as an error.
    assert.equal(
      render('See para. 38.'),
      `<p>See <span title="There is no paragraph 38 in the Chair's summary: it has paragraphs 1 to 37." class="cnd-citation cnd-citation-error">para. 38</span>.</p>\n`,
    );
    // One number of a list: that number alone.
    assert.match(
      render('paras. 24 and 40'),
      /<a [^>]*class="cnd-citation">paras\. 24<\/a> and <span title="There is no paragraph 40[^"]*" class="cnd-citation cnd-citation-error">40<\/span>/,
    );
    // A reversed range: still a link to its paragraphs, marked as a warning, the reason then the openings.
    const [reversed] = anchors(render('paras. 32–30'));
    assert.equal(reversed[2], 'paras. 32–30');
    assert.match(reversed[1], /^The range 32–30 runs backwards\.\n¶ 30: On 21 October/);
    assert.match(render('paras. 32–30'), /class="cnd-citation cnd-citation-warning"/);
    // A range running past the end: a link to what exists, marked for what does not.
    const [past] = anchors(render('paras. 36–40'));
    assert.match(past[1], /^There is no paragraph 40[^\n]*\n¶ 36: /);
    // Good citations carry no mark.
    assert.doesNotMatch(render('paras. 30–32 and para. 24'), /cnd-citation-/);
  });

  test('the draft’s check levels decide: off leaves a rejected citation unmarked, other levels set the class', () => {
    const withLevels = (levels: Record<string, string>) =>
      new MarkdownIt()
        .use(citationPreviewPlugin(summary, { ...links, levels: () => levels as never }))
        .render('paras. 32–30 and para. 38');
    const off = withLevels({ 'no-such-paragraph': 'off', 'reversed-range': 'off' });
    assert.doesNotMatch(off, /cnd-citation-|<span/);
    assert.deepEqual(
      anchors(off).map((a) => a[2]),
      ['paras. 32–30'],
    );
    const info = withLevels({ 'no-such-paragraph': 'hint', 'reversed-range': 'information' });
    assert.match(info, /class="cnd-citation cnd-citation-information">paras\. 32–30/);
    assert.match(info, /class="cnd-citation cnd-citation-hint">para\. 38/);
  });

  test('paragraph text in the tooltip is escaped: no HTML from the data reaches the page', () => {
    const line = lineOf('24. ');
    const evil = parseSummaryText(
      withLine(line, '24. UNODC <img src=x onerror="alert(1)"> & "quoted" text.'),
      ORGANIZATIONS_JSON,
    );
    const html = render('para. 24', evil);
    assert.ok(!html.includes('<img'), html);
    assert.match(html, /title="¶ 24: UNODC &lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; &amp; &quot;quoted&quot; text\."/);
  });

  test('tooltips of long ranges are cut after three paragraphs', () => {
    const t = previewTooltip(summary, 10, 20);
    assert.equal(t.split('\n').length, 4);
    assert.match(t, /… 11 paragraphs in all$/);
  });
});
