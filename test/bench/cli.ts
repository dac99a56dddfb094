// `cnd-summary cites` and `check` on 20 MB drafts, as a script runs them: the built dist/cli.js in a child
// process, its output read through a pipe. Wall time, MB/s, and the child's peak memory (its maximum
// resident set size, from getrusage, written by a preloaded hook when it exits).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generatedDraft } from './citations';
import { table } from './util';

const SIZE = 20_000_000;

/** Loaded with --require into the child: its peak resident memory (KB), written to file descriptor 3 at exit. */
const PEAK_RSS_HOOK = `process.on('exit', () => require('fs').writeSync(3, String(process.resourceUsage().maxRSS)));\n`;

interface Measured {
  seconds: number;
  peakMb: number;
  outputLines: number;
  code: number | null;
}

function runCli(args: string[], hook: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', hook, 'dist/cli.js', ...args], {
      stdio: ['ignore', 'pipe', 'ignore', 'pipe'],
    });
    let outputLines = 0;
    let peak = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) outputLines++;
    });
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding('utf8').on('data', (t: string) => (peak += t));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ seconds: (performance.now() - started) / 1000, peakMb: Number(peak) / 1024, outputLines, code }),
    );
  });
}

/** Four citations a line, a blank line every five lines (or none): about 960,000 citations in 20 MB. */
function denseDraft(size: number, blankLines: boolean): string {
  const line = 'See para. 24 and paras. 13-15; “the importance of comparing” (para. 24), and ¶ 38.\n';
  const paragraph = line.repeat(5) + (blankLines ? '\n' : '');
  return paragraph.repeat(Math.ceil(size / paragraph.length));
}

export async function cliSection(): Promise<void> {
  console.log('\n## The command line: cites and check on 20 MB drafts (child process, output read through a pipe)\n');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cnd-bench-cli-'));
  try {
    const hook = path.join(dir, 'peak-rss.js');
    fs.writeFileSync(hook, PEAK_RSS_HOOK);
    const generated = generatedDraft(SIZE, 5);
    const drafts: [string, string][] = [
      ['generated draft (summary sentences, a citation every few)', generated],
      ['the same with CRLF line ends', generated.replace(/\n/g, '\r\n')],
      ['dense: 4 citations a line, a blank line every 5 lines', denseDraft(SIZE, true)],
      ['dense, no blank line, a quotation on every line', denseDraft(SIZE, false)],
    ];
    const rows: string[][] = [];
    for (const [name, text] of drafts) {
      const file = path.join(dir, 'draft.md');
      fs.writeFileSync(file, text);
      const mb = fs.statSync(file).size / 1e6;
      for (const command of ['cites', 'check']) {
        const m = await runCli([command, file], hook);
        rows.push([
          name,
          command,
          mb.toFixed(1),
          m.seconds.toFixed(2),
          (mb / m.seconds).toFixed(1),
          m.peakMb.toFixed(0),
          String(m.outputLines),
          String(m.code),
        ]);
      }
    }
    table(['draft', 'command', 'MB', 'seconds', 'MB/s', 'peak RSS MB', 'output lines', 'exit'], rows);
    console.log(
      '\nDrafts over 50 MB are refused (exit 2). Pieces of about 64 KiB end at a line start that no citation crosses (for check, also\n' +
        'none that a quotation could cross); only a draft without a line break is scanned whole.',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
