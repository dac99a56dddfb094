import * as fs from 'node:fs';
import { loadBundledSummary } from '../core/bundled';
import { runCli } from './run';

const io = {
  out: (t: string) => process.stdout.write(t),
  err: (t: string) => process.stderr.write(t),
  readFile: (p: string) => fs.readFileSync(p, 'utf8'),
  readStdin: () => fs.readFileSync(0, 'utf8'),
  readDir: (p: string) => {
    try {
      return fs.statSync(p).isDirectory() ? fs.readdirSync(p) : undefined;
    } catch {
      return undefined;
    }
  },
};

try {
  process.exitCode = runCli(process.argv.slice(2), loadBundledSummary(), io);
} catch (e) {
  process.stderr.write(`cnd-summary: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
