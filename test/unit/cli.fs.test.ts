// The built command (dist/cli.js, which `node esbuild.js --tests` builds too) on a real file system, in a
// temporary folder: links, FIFOs, folders that cannot be read, huge files, broken pipes. Each run has a
// timeout, so that a command that blocks (on a FIFO) or loops (through links) fails the test instead of
// hanging it.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cnd-cli-'));
});
after(() => {
  // rm, not fs.rmSync: the folder too deep to open (below) is removed one level at a time by rm.
  spawnSync('rm', ['-rf', tmp]);
});

describe('cli on a real file system: a reader that goes away', () => {
  test('cites big.md | head -1: the first line, then a quiet exit 0 (no EPIPE stack trace)', async () => {
    const draft = path.join(tmp, 'many.md');
    fs.writeFileSync(draft, 'See para. 24 and paras. 13–15.\n'.repeat(200_000));
    const child = spawn(process.execPath, [CLI, 'cites', draft], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
    const firstLine = await new Promise<string>((resolve) => {
      let seen = '';
      child.stdout.setEncoding('utf8').on('data', (t: string) => {
        seen += t;
        if (seen.includes('\n')) {
          // As `head -1` does: read one line, close the pipe.
          child.stdout.destroy();
          resolve(seen.slice(0, seen.indexOf('\n')));
        }
      });
    });
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('close', (c, s) => resolve([c, s])),
    );
    assert.equal(firstLine, '1:5  para. 24  → para. 24');
    assert.equal(err, '', 'nothing on standard error');
    assert.equal(signal, null);
    assert.equal(code, 0);
  });
});
