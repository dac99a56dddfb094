// An in-memory CliIo for the CLI tests: files by path (a folder is every path under it), standard input,
// output and errors collected, and any path made to fail with a file system error code.
import type { CliIo, DirEntry, EntryKind, ReadResult } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';
import { summary } from './fixtures';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export interface FakeFs {
  /** Files by path: text (stored as UTF-8) or bytes. Folders are the paths above them. */
  files?: Record<string, string | Uint8Array>;
  /**
   * Entries that are not plain files nor folders: `kind` as a folder lists it (a FIFO, a link), `target` what
   * opening it finds (where a link leads; or a FIFO that replaced a listed file).
   */
  special?: Record<string, { kind: EntryKind; target?: EntryKind }>;
  /** Paths whose reading fails with this error code (a folder: listing it; a file: reading it). */
  failures?: Record<string, string>;
  /** Standard input. */
  stdin?: string | Uint8Array;
}

/** An error as Node's fs gives it: a message and a `code`. */
export function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

const bytesOf = (content: string | Uint8Array) => (typeof content === 'string' ? new TextEncoder().encode(content) : content);

function readBytes(bytes: Uint8Array, maxBytes: number): ReadResult {
  return bytes.length > maxBytes ? { kind: 'too-large', size: bytes.length } : { kind: 'bytes', bytes };
}

/** The fake file system. Paths are looked up in Maps: `constructor` is just a name. */
export function memoryIo(fake: FakeFs = {}): CliIo & { stdout(): string; stderr(): string } {
  const files = new Map(Object.entries(fake.files ?? {}));
  const special = new Map(Object.entries(fake.special ?? {}));
  const failures = new Map(Object.entries(fake.failures ?? {}));
  let out = '';
  let err = '';
  const folderPrefix = (p: string) => `${p.replace(/\/+$/, '')}/`;
  const isFolder = (p: string) => [...files.keys(), ...special.keys()].some((f) => f.startsWith(folderPrefix(p)));
  const kindAt = (p: string): EntryKind | undefined =>
    files.has(p) ? 'file' : special.has(p) ? special.get(p)!.kind : isFolder(p) ? 'directory' : undefined;
  const fail = (p: string) => {
    const code = failures.get(p);
    if (code !== undefined) throw fsError(code, p);
  };
  return {
    out: (t) => {
      out += t;
      return Promise.resolve();
    },
    err: (t) => {
      err += t;
    },
    readFile: (p, { maxBytes, regularOnly }) => {
      fail(p);
      const content = files.get(p);
      if (content !== undefined) return Promise.resolve(readBytes(bytesOf(content), maxBytes));
      const entry = special.get(p);
      if (entry) {
        const target = entry.target ?? (entry.kind === 'symlink' ? undefined : entry.kind);
        if (target === undefined) throw fsError('ENOENT', p);
        if (regularOnly && target !== 'file') return Promise.resolve({ kind: 'not-a-file', entry: target });
        return Promise.resolve(readBytes(new Uint8Array(), maxBytes));
      }
      if (isFolder(p)) throw fsError('EISDIR', p);
      throw fsError('ENOENT', p);
    },
    // Like a pipe: its size is known only once read.
    readStdin: (maxBytes) => {
      const read = readBytes(bytesOf(fake.stdin ?? ''), maxBytes);
      return Promise.resolve(read.kind === 'too-large' ? { kind: 'too-large', size: undefined } : read);
    },
    readDir: (p) => {
      fail(p);
      if (kindAt(p) !== 'directory') throw fsError(kindAt(p) === undefined ? 'ENOENT' : 'ENOTDIR', p);
      const names = new Set(
        [...files.keys(), ...special.keys()]
          .filter((f) => f.startsWith(folderPrefix(p)))
          .map((f) => f.slice(folderPrefix(p).length).split('/')[0]),
      );
      return Promise.resolve([...names].map((name): DirEntry => ({ name, kind: kindAt(folderPrefix(p) + name)! })));
    },
    kindOf: (p) => {
      const entry = special.get(p);
      return Promise.resolve(entry?.kind === 'symlink' ? entry.target : kindAt(p));
    },
    stdout: () => out,
    stderr: () => err,
  };
}

/** Runs the CLI on a fake file system. */
export async function cliOn(fake: FakeFs, args: string[]): Promise<CliResult> {
  const io = memoryIo(fake);
  const code = await runCli(args, summary, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Runs the CLI on in-memory files and standard input. */
export function cli(args: string[], files: Record<string, string> = {}, stdin = ''): Promise<CliResult> {
  return cliOn({ files, stdin }, args);
}
