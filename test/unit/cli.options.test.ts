import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cli } from './cliFakes';

const HYPHENATED = { 'd.md': 'See paras. 13-15.' };

describe('cli: options that take a value', () => {
  test('--dash hyphen and --dash=hyphen are the same option', async () => {
    for (const args of [
      ['check', 'd.md', '--dash', 'hyphen'],
      ['check', 'd.md', '--dash=hyphen'],
      ['check', '--dash', 'hyphen', 'd.md'],
    ]) {
      const r = await cli(args, HYPHENATED);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
      assert.equal(r.out, '', args.join(' '));
      assert.doesNotMatch(r.err, /usage/);
    }
  });

  test('--dash to and --dash en choose the style the draft is held to', async () => {
    assert.match((await cli(['check', 'd.md', '--dash', 'to'], HYPHENATED)).out, /with “to”: 13 to 15/);
    assert.match((await cli(['check', 'd.md', '--dash', 'en'], HYPHENATED)).out, /with an en dash: 13–15/);
  });

  test('--limit N and --limit=N are the same option', async () => {
    const spaced = await cli(['search', 'confiscation', '--json', '--limit', '2']);
    const joined = await cli(['search', 'confiscation', '--json', '--limit=2']);
    assert.equal(spaced.code, 0, spaced.err);
    assert.equal(JSON.parse(spaced.out).length, 2);
    assert.equal(spaced.out, joined.out);
  });

  test('a value missing at the end, a value given to a switch: usage errors', async () => {
    for (const [args, message] of [
      [['check', 'd.md', '--dash'], /--dash needs a value/],
      [['search', 'asset', '--limit'], /--limit needs a value/],
      [['list', '--json=yes'], /--json takes no value/],
    ] as const) {
      const r = await cli([...args], HYPHENATED);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, message);
      assert.match(r.err, /usage: cnd-summary/);
    }
  });

  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    test(`--dash=${name} is a usage error, not a crash`, async () => {
      for (const args of [
        ['check', 'd.md', `--dash=${name}`],
        ['check', 'd.md', '--dash', name],
      ]) {
        const r = await cli(args, HYPHENATED);
        assert.equal(r.code, 2);
        assert.match(r.err, new RegExp(`--dash must be en, hyphen or to, not "${name}"`));
        assert.doesNotMatch(r.err, /is not a function/);
      }
    });

    test(`a command named ${name} is an unknown command`, async () => {
      const r = await cli([name]);
      assert.equal(r.code, 2);
      assert.match(r.err, new RegExp(`unknown command "${name}"`));
    });

    test(`an option named --${name} is an unknown option`, async () => {
      const r = await cli(['list', `--${name}`]);
      assert.equal(r.code, 2);
      assert.match(r.err, new RegExp(`unknown option --${name}`));
    });
  }

  test('every command refuses options it does not declare', async () => {
    for (const command of ['list', 'show 24', 'search asset', 'related asset recovery', 'cites d.md', 'check d.md']) {
      const r = await cli([...command.split(' '), '--xml'], HYPHENATED);
      assert.equal(r.code, 2, command);
      assert.match(r.err, /unknown option --xml/, command);
    }
    assert.match((await cli(['check', 'd.md', '--limit', '3'], HYPHENATED)).err, /unknown option --limit/);
  });

  test('after --, everything is a file name', async () => {
    const r = await cli(['cites', '--json', '--', '--dash'], { '--dash': 'para. 7' });
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out)[0].text, 'para. 7');
  });

  test('<command> --help prints that command’s usage, exit 0', async () => {
    const r = await cli(['check', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^usage: cnd-summary check <files\|folders…>/);
  });
});

describe('cli: --limit', () => {
  for (const bad of ['0', '-1', '2.5', '0x10', ' 5', '1e3', '99999999999999999999', '']) {
    test(`--limit ${JSON.stringify(bad)} is a usage error`, async () => {
      const r = await cli(['search', 'asset', `--limit=${bad}`]);
      assert.equal(r.code, 2);
      assert.match(r.err, /--limit must be a positive whole number/);
    });
  }
});
