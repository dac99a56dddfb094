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
const SAMPLE = path.resolve(__dirname, '../../samples/briefing-note-draft.md');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  timedOut: boolean;
}

function run(args: string[], options: { input?: string; timeout?: number; node?: string[] } = {}): Run {
  const r = spawnSync(process.execPath, [...(options.node ?? []), CLI, ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeout ?? 10_000,
    maxBuffer: 64 << 20,
  });
  return {
    code: r.status,
    signal: r.signal,
    out: r.stdout,
    err: r.stderr,
    timedOut: (r.error as { code?: string } | undefined)?.code === 'ETIMEDOUT',
  };
}

/** Counts the problem lines per file in `check` output. */
function linesPerFile(out: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of out.split('\n').filter(Boolean)) {
    const file = line.slice(0, line.indexOf('.md:') + 3);
    counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return counts;
}

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cnd-cli-'));
});
after(() => {
  // rm, not fs.rmSync: the folder too deep to open (below) is removed one level at a time by rm.
  spawnSync('rm', ['-rf', tmp]);
});

/** A fresh folder in the temporary folder, with the sample draft in it. */
function folderWithDraft(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.copyFileSync(SAMPLE, path.join(dir, 'draft.md'));
  return dir;
}

describe('cli on a real file system: links', () => {
  test('a link to its own folder does not repeat every file', () => {
    const dir = folderWithDraft('self-link');
    fs.symlinkSync('.', path.join(dir, 'a'));
    const r = run(['check', dir]);
    assert.equal(r.timedOut, false);
    assert.deepEqual([...linesPerFile(r.out).keys()], [`${dir}/draft.md`], 'only the real file, once');
    assert.equal(r.out.split('\n').filter(Boolean).length, 6, 'the sample briefing note has 6 problems');
    assert.match(r.err, /skipped .*\/a: a link to a folder, not followed/);
    assert.equal(r.code, 1, 'the draft has an error');
  });

  test('two links to their folder end at once', () => {
    const dir = folderWithDraft('two-links');
    fs.symlinkSync('.', path.join(dir, 'a'));
    fs.symlinkSync('.', path.join(dir, 'b'));
    const started = Date.now();
    const r = run(['check', dir], { timeout: 5000 });
    assert.equal(r.timedOut, false, 'finished');
    assert.ok(Date.now() - started < 5000);
    assert.equal(r.out.split('\n').filter(Boolean).length, 6, 'the sample briefing note has 6 problems');
  });

  test('a link to a file is read, named or found; a link to nothing is noted', () => {
    const dir = folderWithDraft('file-links');
    fs.symlinkSync('draft.md', path.join(dir, 'linked.md'));
    fs.symlinkSync('nowhere.md', path.join(dir, 'dangling.md'));
    const named = run(['cites', path.join(dir, 'linked.md')]);
    assert.equal(named.code, 0, named.err);
    assert.match(named.out, /^7:92 {2}para\. 4/m);
    const found = run(['check', dir]);
    assert.deepEqual([...linesPerFile(found.out).values()], [6, 6], 'draft.md and linked.md');
    assert.match(found.err, /skipped .*dangling\.md: a link to nothing/);
    assert.equal(found.code, 1);
  });

  test('a link to a folder named on the command line is walked', () => {
    const dir = folderWithDraft('linked-root');
    const link = path.join(tmp, 'linked-root-link');
    fs.symlinkSync(dir, link);
    const r = run(['check', link]);
    assert.deepEqual([...linesPerFile(r.out).keys()], [`${link}/draft.md`]);
  });
});

describe('cli on a real file system: what is not a regular file', () => {
  test('a FIFO named *.md in a folder is skipped with a note, not waited on', () => {
    const dir = folderWithDraft('fifo');
    const made = spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
    assert.equal(made.status, 0, 'mkfifo');
    const r = run(['check', dir], { timeout: 5000 });
    assert.equal(r.timedOut, false, 'did not block on the FIFO');
    assert.match(r.err, /skipped .*pipe\.md: not a regular file \(a FIFO\)/);
    assert.equal(r.out.split('\n').filter(Boolean).length, 6, 'the sample briefing note has 6 problems');
    assert.equal(r.code, 1);
  });

  test('a folder named x.md is a folder: walked, not read', () => {
    const dir = folderWithDraft('dir-named-md');
    fs.mkdirSync(path.join(dir, 'x.md'));
    fs.writeFileSync(path.join(dir, 'x.md', 'inner.md'), 'See para. 40.\n');
    const r = run(['check', dir]);
    assert.match(r.out, /x\.md\/inner\.md:1:11: error: There is no paragraph 40/);
    const named = run(['cites', path.join(dir, 'x.md')]);
    assert.equal(named.code, 2);
    assert.match(named.err, /cannot read .*x\.md \(EISDIR\)/);
  });

  test('a folder that cannot be read is reported, exit 2 (a path too long to open, which stops root too)', () => {
    // Tests run as root, whom chmod 000 does not stop; a folder whose path is longer than PATH_MAX cannot
    // be listed by anyone. Made one name at a time, relative to the folder above.
    const dir = folderWithDraft('too-deep');
    const name = 'd'.repeat(250);
    let rel = '';
    for (let i = 0; i < 18; i++) {
      rel = rel ? `${rel}/${name}` : name;
      const made = spawnSync('mkdir', [name], { cwd: path.join(dir, ...rel.split('/').slice(0, -1)) });
      if (made.status !== 0) break;
    }
    const r = run(['check', dir]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /cannot read the folder .*\(ENAMETOOLONG\)/);
    assert.equal(r.out.split('\n').filter(Boolean).length, 6, 'the readable draft is still checked');
  });
});

describe('cli on a real file system: size and names', () => {
  test('a 200 MB file is refused at once with a clear message, exit 2', () => {
    const big = path.join(tmp, 'big.md');
    // Sparse: no disk space, no time to write.
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 200_000_000);
    for (const command of ['cites', 'check']) {
      const started = Date.now();
      const r = run([command, big]);
      assert.equal(r.code, 2, `${command}: ${r.err}`);
      assert.match(r.err, /big\.md is too large \(200 MB\): cnd-summary reads drafts of up to 50 MB/);
      assert.ok(Date.now() - started < 5000, 'not read');
    }
  });

  test('a file name with a line break cannot forge a line of check output', () => {
    const dir = path.join(tmp, 'names');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.md\nforged.md:1:1: error: fake.md'), 'See para. 40.\n');
    const r = run(['check', dir]);
    const lines = r.out.split('\n').filter(Boolean);
    assert.equal(lines.length, 1);
    assert.equal(
      lines[0],
      `"${dir}/a.md\\nforged.md:1:1: error: fake.md":1:11: error: There is no paragraph 40 in the Chair's summary: it has paragraphs 1 to 37.`,
    );
  });
});

describe('cli on a real file system: memory', () => {
  test('a 4 MB draft of nothing but citations is checked in a 32 MB heap (it used to need 200)', () => {
    const draft = path.join(tmp, 'dense.md');
    const paragraph = `${'See para. 24 and paras. 13-15; “the importance of comparing” (para. 24), and ¶ 38.\n'.repeat(5)}\n`;
    fs.writeFileSync(draft, paragraph.repeat(Math.ceil(4_000_000 / paragraph.length)));
    for (const [command, code] of [
      ['cites', 0],
      ['check', 1],
    ] as const) {
      const r = run([command, draft], { node: ['--max-old-space-size=32'], timeout: 60_000 });
      assert.doesNotMatch(r.err, /heap out of memory/, command);
      assert.equal(r.code, code, command);
    }
  });
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

  test('standard input larger than the limit is refused, exit 2', () => {
    const r = run(['cites', '-'], { input: 'para. 7 '.repeat(6_300_000) });
    assert.equal(r.code, 2);
    assert.match(r.err, /standard input is too large \(over 50 MB\)/);
  });
});
