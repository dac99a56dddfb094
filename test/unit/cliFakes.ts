// An in-memory CliIo for the CLI tests: files by path (a folder is every path under it), standard input as
// a string, output and errors collected.
import { type CliIo, runCli } from '../../src/cli/run';
import { summary } from './fixtures';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** An error as Node's fs gives it: a message and a `code`. */
export function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

/** Files by path; folders are implied by the paths under them. Looked up in a Map: `constructor` is just a name. */
export function memoryIo(
  files: Record<string, string>,
  stdin = '',
): CliIo & { out: (t: string) => void; stdout(): string; stderr(): string } {
  const byPath = new Map(Object.entries(files));
  let out = '';
  let err = '';
  return {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    readFile: (p) => {
      const text = byPath.get(p);
      if (text === undefined) throw fsError('ENOENT', p);
      return text;
    },
    readStdin: () => stdin,
    readDir: (p) => {
      const prefix = `${p.replace(/\/+$/, '')}/`;
      const names = [...byPath.keys()].filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]);
      return names.length ? [...new Set(names)] : undefined;
    },
    stdout: () => out,
    stderr: () => err,
  };
}

/** Runs the CLI on in-memory files and standard input. */
export function cli(args: string[], files: Record<string, string> = {}, stdin = ''): CliResult {
  const io = memoryIo(files, stdin);
  const code = runCli(args, summary, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
