import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cli, cliOn } from './cliFakes';

describe('cli: list and show', () => {
  test('list --json', async () => {
    const r = await cli(['list', '--json']);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out);
    assert.equal(j.sessions.length, 4);
    assert.deepEqual(j.sessions[2], {
      title: 'Thematic session 2',
      letter: 'c',
      date: '2021-10-20',
      challenge:
        'The value of confiscated proceeds of crime related to money-laundering arising from drug trafficking at the global level remains low',
      paragraphs: [23, 24, 25, 26, 27, 28, 29],
    });
    assert.equal(j.challenges.length, 3);
    assert.deepEqual(j.challenges[2].paragraphs, [30, 31, 32, 33, 34, 35]);
    assert.equal(j.paragraphs.length, 37);
    assert.deepEqual(Object.keys(j.paragraphs[0]).slice(0, 4), ['number', 'text', 'section', 'session']);
    assert.equal(j.paragraphs[23].section, "II. Chair's summary of the deliberations");
    assert.equal(j.paragraphs[23].session, 'Thematic session 2');
    assert.equal(j.paragraphs[0].section, null);
  });

  test('list without --json is a readable outline', async () => {
    const r = await cli(['list']);
    assert.equal(r.code, 0);
    assert.match(r.out, /\(c\) Thematic session 2, 20 October 2021/);
    assert.match(r.out, /¶ 24 {2}the importance of comparing/);
  });

  test('show 24 --json', async () => {
    const r = await cli(['show', '24', '--json']);
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out);
    assert.equal(j.number, 24);
    assert.ok(j.text.startsWith('UNODC emphasized the importance of comparing'));
    assert.ok(!j.text.includes('**'));
    assert.deepEqual(j.keyPhrases, [
      'the importance of comparing confiscated proceeds of drug crime with drug profits and related financial flows',
    ]);
    assert.deepEqual(j.organizations, [{ id: 'unodc', acronym: 'UNODC', name: 'United Nations Office on Drugs and Crime' }]);
    assert.equal(j.section, "II. Chair's summary of the deliberations");
    assert.equal(j.session, 'Thematic session 2');
  });

  test('show 7 lists organizations and Member States', async () => {
    const j = JSON.parse((await cli(['show', '7', '--json'])).out);
    assert.ok(j.organizations.some((o: { id: string }) => o.id === 'interpol'));
    assert.ok(j.memberStates.some((o: { id: string }) => o.id === 'cabo-verde'));
  });

  test('show without --json is readable', async () => {
    const r = await cli(['show', '30']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^¶ 30 · Thematic session 3 · 21 October 2021/);
  });

  for (const bad of ['0', '38', 'abc', '2.5']) {
    test(`show ${bad}: clear message, exit code 2`, async () => {
      const r = await cli(['show', bad]);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.match(r.err, /there is no paragraph .*: the summary has paragraphs 1 to 37/);
    });
  }

  test('usage errors', async () => {
    assert.equal((await cli([])).code, 2);
    assert.equal((await cli(['frobnicate'])).code, 2);
    assert.match((await cli(['frobnicate'])).err, /unknown command "frobnicate"/);
    assert.match((await cli(['list', '--xml'])).err, /unknown option --xml/);
    assert.equal((await cli(['show'])).code, 2);
    assert.equal((await cli(['--help'])).code, 0);
  });
});

describe('cli: cites and check', () => {
  const draft = 'As noted in paras. 24–25, and\nE/CN.7/2021/2, para. 12; see ¶ 38.';
  test('cites --json: offsets in UTF-16 code units, external flagged', async () => {
    const r = await cli(['cites', 'd.md', '--json'], { 'd.md': draft });
    assert.equal(r.code, 0);
    const j = JSON.parse(r.out) as { start: number; end: number; text: string; paragraphs: number[]; external: boolean }[];
    assert.deepEqual(j, [
      { start: 12, end: 24, text: 'paras. 24–25', paragraphs: [24, 25], external: false },
      { start: 45, end: 53, text: 'para. 12', paragraphs: [12], external: true },
      { start: 59, end: 63, text: '¶ 38', paragraphs: [38], external: false },
    ]);
    for (const c of j) assert.equal(draft.slice(c.start, c.end), c.text);
    const emoji = await cli(['cites', '-', '--json'], {}, '😀 para. 7');
    assert.equal(JSON.parse(emoji.out)[0].start, 3, 'an emoji is two code units');
  });

  test('cites without --json', async () => {
    const r = await cli(['cites', 'd.md'], { 'd.md': draft });
    assert.match(r.out, /^1:13 {2}paras\. 24–25 {2}→ paras\. 24 and 25$/m);
    assert.match(r.out, /^2:16 {2}para\. 12 {2}\(another document/m);
  });

  test('check: path:line:column: severity: message, exit 1 on errors', async () => {
    const r = await cli(['check', 'd.md'], { 'd.md': draft });
    assert.equal(r.code, 1);
    assert.equal(r.out, "d.md:2:32: error: There is no paragraph 38 in the Chair's summary: it has paragraphs 1 to 37.\n");
  });

  test('check: warnings alone exit 0; folders are walked', async () => {
    const files = { 'dir/a.md': 'See paras. 13-15.', 'dir/sub/b.txt': 'See para. 7.', 'dir/c.json': 'para. 99' };
    const r = await cli(['check', 'dir'], files);
    assert.equal(r.code, 0);
    assert.equal(r.out, 'dir/a.md:1:14: information: The chosen citation style writes ranges with an en dash: 13–15.\n');
    const hyphen = await cli(['check', 'dir', '--dash', 'hyphen'], files);
    assert.equal(hyphen.out, '');
    assert.equal(hyphen.code, 0, hyphen.err);
  });

  test('check: unreadable files are reported, exit 2', async () => {
    const r = await cli(['check', 'missing.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing\.md: cannot read missing\.md \(ENOENT\)/);
    assert.equal((await cli(['check'])).code, 2);
    assert.equal((await cli(['cites'])).code, 2);
    assert.match((await cli(['cites', 'nope.md'])).err, /cannot read nope\.md/);
  });
});

describe('cli: line ends', () => {
  const lines = ['Intro.', 'As noted in para. 24 and ¶ 38.'];
  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR alone', '\r'],
  ] as const) {
    test(`cites and check count ${name} line ends as VS Code does`, async () => {
      const files = { 'd.md': lines.join(eol) };
      assert.match((await cli(['cites', 'd.md'], files)).out, /^2:13 {2}para\. 24 {2}→ para\. 24\n2:26 {2}¶ 38/);
      assert.equal((await cli(['check', 'd.md'], files)).out.split('\n')[0].split(': ')[0], 'd.md:2:28');
    });
  }
});

describe('cli: check says what it did on standard error', () => {
  test('all well: the number of files and no problems, exit 0, standard output empty', async () => {
    const r = await cli(['check', 'dir'], { 'dir/a.md': 'See para. 7.', 'dir/b.txt': 'Nothing cited.' });
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.equal(r.err, 'cnd-summary: 2 files checked, 0 problems\n');
  });

  test('problems: counted by severity; standard output has only the problems', async () => {
    const r = await cli(['check', 'd.md'], { 'd.md': 'paras. 13-15 and para. 40; para. 41; paras. 7.' });
    assert.equal(r.code, 1);
    assert.equal(r.err, 'cnd-summary: 1 file checked, 4 problems (2 errors, 1 warning, 1 information)\n');
    assert.equal(r.out.split('\n').filter(Boolean).length, 4);
  });

  test('files that could not be read and files skipped are counted too', async () => {
    const r = await cliOn({ files: { 'd/a.md': 'See para. 7.' }, special: { 'd/p.md': { kind: 'fifo' } } }, [
      'check',
      'd',
      'missing.md',
    ]);
    assert.equal(r.code, 2);
    assert.match(r.err, /cnd-summary: 1 file checked, 0 problems; 1 could not be read; 1 skipped\n$/);
  });
});

describe('cli: one line per result', () => {
  test('a citation wrapped onto the next line is shown on one line by cites', async () => {
    const r = await cli(['cites', 'd.md'], { 'd.md': 'As noted in paras.\n13–15 and\r\n16.' });
    assert.equal(r.out, '1:13  paras. 13–15 and 16  → paras. 13–16\n');
    const json = JSON.parse((await cli(['cites', 'd.md', '--json'], { 'd.md': 'As noted in paras.\n13–15 and\r\n16.' })).out);
    assert.equal(json[0].text, 'paras.\n13–15 and\r\n16', 'JSON keeps the text as written');
  });

  test('a range wrapped onto the next line is shown on one line by check', async () => {
    const r = await cli(['check', 'd.md'], { 'd.md': 'See paras. 15 to\n13.' });
    assert.equal(r.out, 'd.md:1:12: warning: The range 15 to 13 runs backwards.\n');
  });

  test('paths with line breaks or other control characters are printed as JSON strings', async () => {
    const r = await cli(['check', 'd'], {
      'd/a\nb.md': 'para. 40',
      'd/\u001b[31mred.md': 'para. 40',
      'd/line\u2028sep.md': 'para. 40',
    });
    assert.deepEqual(
      r.out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(0, l.lastIndexOf(':1:7:'))),
      ['"d/\\u001b[31mred.md"', '"d/a\\nb.md"', '"d/line\\u2028sep.md"'],
    );
    assert.equal((await cli(['check', 'd'], { 'd/plain name (1).md': 'para. 40' })).out.split(':')[0], 'd/plain name (1).md');
  });
});
