// What check and cites do with input that is not a plain, readable UTF-8 draft, on the in-memory file
// system of cliFakes.ts (which fails any path on request: root ignores chmod, the fake does not).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cli, cliOn } from './cliFakes';

const ERROR_LINE = /d\/a\.md:1:11: error: There is no paragraph 40/;

describe('cli input: folders and files that cannot be read', () => {
  test('a folder that cannot be listed is reported on standard error, exit 2; the others are checked', async () => {
    const r = await cliOn(
      { files: { 'd/a.md': 'See para. 40.', 'd/locked/b.md': 'See para. 41.' }, failures: { 'd/locked': 'EACCES' } },
      ['check', 'd'],
    );
    assert.equal(r.code, 2);
    assert.match(r.err, /^d\/locked: cannot read the folder d\/locked \(EACCES\)$/m);
    assert.match(r.out, ERROR_LINE);
    assert.doesNotMatch(r.out, /b\.md/);
  });

  test('a folder named on the command line that cannot be listed: exit 2', async () => {
    const r = await cliOn({ files: { 'd/a.md': 'x' }, failures: { d: 'EACCES' } }, ['check', 'd']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^d: cannot read the folder d \(EACCES\)$/m);
  });

  test('a file found in a folder that cannot be read: exit 2, even when errors were found too', async () => {
    const r = await cliOn({ files: { 'd/a.md': 'See para. 40.', 'd/b.md': 'x' }, failures: { 'd/b.md': 'EACCES' } }, [
      'check',
      'd',
    ]);
    assert.equal(r.code, 2);
    assert.match(r.err, /^d\/b\.md: cannot read d\/b\.md \(EACCES\)$/m);
    assert.match(r.out, ERROR_LINE);
  });

  test('a file that vanished while the walk ran is noted, not a failure', async () => {
    const r = await cliOn({ files: { 'd/a.md': 'See para. 40.', 'd/gone.md': 'x' }, failures: { 'd/gone.md': 'ENOENT' } }, [
      'check',
      'd',
    ]);
    assert.equal(r.code, 1);
    assert.match(r.err, /skipped d\/gone\.md: vanished while its folder was read/);
    const named = await cliOn({ files: { 'gone.md': 'x' }, failures: { 'gone.md': 'ENOENT' } }, ['check', 'gone.md']);
    assert.equal(named.code, 2, 'a file named on the command line that is not there is a failure');
  });

  test('FIFOs, sockets and devices found in folders are skipped with a note; links to folders are not followed', async () => {
    const r = await cliOn(
      {
        files: { 'd/a.md': 'See para. 40.', 'd/loop/inner.md': 'See para. 41.' },
        special: {
          'd/pipe.md': { kind: 'fifo' },
          'd/socket.md': { kind: 'socket' },
          'd/null.md': { kind: 'device' },
          'd/up': { kind: 'symlink', target: 'directory' },
          'd/other.txt.lnk': { kind: 'fifo' },
        },
      },
      ['check', 'd'],
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /skipped d\/pipe\.md: not a regular file \(a FIFO\)/);
    assert.match(r.err, /skipped d\/socket\.md: not a regular file \(a socket\)/);
    assert.match(r.err, /skipped d\/null\.md: not a regular file \(a device\)/);
    assert.match(r.err, /skipped d\/up: a link to a folder, not followed/);
    assert.doesNotMatch(r.err, /other\.txt\.lnk/, 'what is not named as a draft is not mentioned');
  });

  test('a file that turns into a FIFO between the listing and the read is not waited on', async () => {
    // The walk saw a file; the read (O_NONBLOCK, then fstat) finds a FIFO.
    const r = await cliOn({ files: { 'd/a.md': 'See para. 40.' }, special: { 'd/raced.md': { kind: 'file', target: 'fifo' } } }, [
      'check',
      'd',
    ]);
    assert.match(r.err, /skipped d\/raced\.md: not a regular file \(a FIFO\)/);
  });
});

describe('cli input: size', () => {
  const big = 'para. 7 '.repeat(6_250_001);
  test('a draft over 50 MB is refused with its size and the limit, exit 2', async () => {
    const r = await cli(['cites', 'big.md'], { 'big.md': big });
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(
      r.err,
      /^cnd-summary cites: big\.md is too large \(50,000,008 bytes\): cnd-summary reads drafts of up to 50 MB; split it into parts$/m,
    );
    const checked = await cli(['check', 'd'], { 'd/big.md': big, 'd/small.md': 'See para. 40.' });
    assert.equal(checked.code, 2);
    assert.match(checked.err, /d\/big\.md: d\/big\.md is too large/);
    assert.match(checked.out, /d\/small\.md:1:11: error/, 'the other drafts are still checked');
  });

  test('standard input over 50 MB is refused', async () => {
    const r = await cli(['cites', '-'], {}, big);
    assert.equal(r.code, 2);
    assert.match(r.err, /standard input is too large \(over 50 MB\)/);
  });
});

describe('cli input: encodings and binary files', () => {
  test('a UTF-8 byte order mark is not counted in offsets and columns (as in VS Code)', async () => {
    const r = await cliOn({ files: { 'd.md': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('para. 40')]) } }, [
      'cites',
      'd.md',
      '--json',
    ]);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out)[0], { start: 0, end: 8, text: 'para. 40', paragraphs: [40], external: false });
    const checked = await cliOn(
      { files: { 'd.md': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('para. 40')]) } },
      ['check', 'd.md'],
    );
    assert.match(checked.out, /^d\.md:1:7: error/);
  });

  test('bytes that are not UTF-8 are read as U+FFFD, with a warning; citations are still found', async () => {
    // "café" in Latin-1: 0xe9 alone is not UTF-8.
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, ...new TextEncoder().encode('para. 40')]);
    const r = await cliOn({ files: { 'd.md': latin1 } }, ['check', 'd.md']);
    assert.equal(r.code, 1);
    assert.match(r.out, /^d\.md:1:12: error: There is no paragraph 40/);
    assert.match(r.err, /d\.md: not valid UTF-8/);
    const cited = await cliOn({ files: { 'd.md': latin1 } }, ['cites', 'd.md', '--json']);
    assert.equal(cited.code, 0);
    assert.equal(JSON.parse(cited.out)[0].start, 5);
  });

  test('a binary file found in a folder is skipped with a note; named, it is refused (exit 2)', async () => {
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, ...new TextEncoder().encode('para. 40')]);
    const found = await cliOn({ files: { 'd/a.md': 'See para. 40.', 'd/image.md': binary } }, ['check', 'd']);
    assert.equal(found.code, 1);
    assert.match(found.err, /skipped d\/image\.md: a binary file, not a draft \(it contains NUL bytes\)/);
    const named = await cliOn({ files: { 'image.md': binary } }, ['cites', 'image.md']);
    assert.equal(named.code, 2);
    assert.match(named.err, /image\.md is a binary file/);
  });

  test('UTF-16 text is refused with what to do', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x70, 0, 0x61, 0]);
    const r = await cliOn({ files: { 'd.md': utf16 } }, ['cites', 'd.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /d\.md is UTF-16 text .*: save it as UTF-8/);
  });
});
