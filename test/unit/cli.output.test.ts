// Standard output under pressure, on the in-memory port: a pipe that fills up (backpressure), a reader that
// goes away (EPIPE), a disk that fills up.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OutputClosedError } from '../../src/cli/io';
import { OUTPUT_CHUNK } from '../../src/cli/output';
import { runCli } from '../../src/cli/run';
import { fsError, memoryIo } from './cliFakes';
import { summary } from './fixtures';

/** 40,000 lines of `cites` output, 4,000 problems for `check`. */
const MANY = { 'd.md': 'See para. 24 and paras. 13-15, and ¶ 38.\n\n'.repeat(10_000) };

/** The fake port, whose standard output is a pipe the test drains by hand, one chunk at a time. */
function slowPipe() {
  const io = memoryIo({ files: MANY });
  const chunks: string[] = [];
  let waiting: (() => void) | undefined;
  let maxWaiting = 0;
  let waitingNow = 0;
  io.out = (text) => {
    chunks.push(text);
    waitingNow++;
    maxWaiting = Math.max(maxWaiting, waitingNow);
    return new Promise<void>((resolve) => {
      waiting = () => {
        waitingNow--;
        resolve();
      };
    });
  };
  return {
    io,
    chunks,
    maxWaiting: () => maxWaiting,
    /** Lets the last chunk through; false when nothing waits. */
    drain(): boolean {
      const release = waiting;
      waiting = undefined;
      release?.();
      return release !== undefined;
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('cli output: backpressure', () => {
  for (const command of [
    ['cites', 'd.md'],
    ['cites', 'd.md', '--json'],
    ['check', 'd.md'],
  ]) {
    test(`${command.join(' ')} writes in chunks and waits while the pipe is full`, async () => {
      const pipe = slowPipe();
      let done = false;
      const running = runCli(command, summary, pipe.io).then((code) => {
        done = true;
        return code;
      });
      // The pipe does not drain: the command hands over one chunk and waits, with nothing more buffered
      // than the next chunk.
      for (let i = 0; i < 20; i++) await tick();
      assert.equal(pipe.chunks.length, 1, 'one chunk handed over, then it waited');
      assert.equal(done, false);
      // Drained chunk by chunk, it goes on, never more than one chunk in the pipe.
      while (!done) {
        pipe.drain();
        await tick();
      }
      assert.equal(pipe.maxWaiting(), 1);
      for (const chunk of pipe.chunks) assert.ok(chunk.length < OUTPUT_CHUNK + 1000, `a chunk of ${chunk.length} characters`);
      const expected = memoryIo({ files: MANY });
      const code = await runCli(command, summary, expected);
      assert.equal(await running, code);
      assert.equal(pipe.chunks.join(''), expected.stdout(), 'the same output as without pressure');
      assert.ok(pipe.chunks.length > 10);
    });
  }
});

describe('cli output: a reader that goes away (EPIPE)', () => {
  function closingAfter(chunks: number) {
    const io = memoryIo({ files: MANY });
    let calls = 0;
    io.out = () => {
      calls++;
      return calls > chunks ? Promise.reject(new OutputClosedError()) : Promise.resolve();
    };
    return { io, calls: () => calls };
  }

  test('cites stops at once and exits 0, quietly', async () => {
    const pipe = closingAfter(1);
    const code = await runCli(['cites', 'd.md'], summary, pipe.io);
    assert.equal(code, 0);
    assert.equal(pipe.calls(), 2, 'no write after the one that failed');
    assert.equal(pipe.io.stderr(), '');
  });

  test('check goes on without writing: its exit code and summary stay true', async () => {
    const pipe = closingAfter(1);
    const code = await runCli(['check', 'd.md'], summary, pipe.io);
    assert.equal(code, 1, 'the errors were found');
    assert.equal(pipe.calls(), 2);
    assert.equal(pipe.io.stderr(), 'cnd-summary: 1 file checked, 20000 problems (10000 errors, 10000 information)\n');
  });

  test('list, show and search: exit 0', async () => {
    for (const command of [['list'], ['show', '24'], ['search', 'asset']]) {
      const pipe = closingAfter(0);
      assert.equal(await runCli(command, summary, pipe.io), 0, command.join(' '));
      assert.equal(pipe.io.stderr(), '');
    }
  });
});

describe('cli output: writing fails', () => {
  test('a full disk is an error: exit 2, with the reason', async () => {
    const io = memoryIo({ files: MANY });
    io.out = () => Promise.reject(fsError('ENOSPC', 'stdout'));
    const code = await runCli(['cites', 'd.md'], summary, io);
    assert.equal(code, 2);
    assert.equal(io.stderr(), 'cnd-summary cites: cannot write to standard output (ENOSPC)\n');
  });
});
