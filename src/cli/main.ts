// The `cnd-summary` command: wires the CLI to Node's file system and standard streams.
import { loadBundledSummary } from '../core/summary/bundled';
import { nodeIo } from './nodeIo';
import { runCli } from './run';

async function main(): Promise<number> {
  const io = nodeIo({ stdout: process.stdout, stderr: process.stderr, stdin: () => process.stdin, cwd: process.cwd() });
  return runCli(process.argv.slice(2), loadBundledSummary(), io);
}

// The exit code is set, not forced with process.exit(): what is still buffered for a pipe is written first.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`cnd-summary: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
