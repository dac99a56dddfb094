// What check and cites do with input that cannot be read, on the in-memory file system of cliFakes.ts (which fails any path on request: root ignores chmod, the fake does not).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cliOn } from './cliFakes';

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
