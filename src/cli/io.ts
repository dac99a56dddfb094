/**
 * What the CLI may touch: standard output and error, files, folders and standard input. main.ts passes
 * Node's (nodeIo.ts); tests pass in-memory fakes that can fail any call.
 */

/** What stands at a path. A link is `symlink` when listed in a folder; `kindOf` tells what it points to. */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'fifo' | 'socket' | 'device' | 'unknown';

export interface DirEntry {
  name: string;
  /** As the folder lists it: links are not followed. */
  kind: EntryKind;
}

export type ReadResult =
  /** The bytes of the file, at most `maxBytes` of them. */
  | { kind: 'bytes'; bytes: Uint8Array }
  /** More than `maxBytes`: nothing returned. `size` when the file system told it before reading. */
  | { kind: 'too-large'; size: number | undefined }
  /** With `regularOnly`: the path is not a regular file (a FIFO, a socket, a device, a folder): not opened for reading. */
  | { kind: 'not-a-file'; entry: EntryKind };

export interface ReadOptions {
  /** Read at most this many bytes; beyond, the answer is `too-large`. */
  maxBytes: number;
  /** Refuse anything but a regular file without blocking on it (a FIFO found in a folder walk). */
  regularOnly: boolean;
}

export interface CliIo {
  /**
   * Writes to standard output. Resolves when more may be written (the pipe has room again: backpressure);
   * rejects with OutputClosedError when the reader has gone (EPIPE), with another error when writing failed.
   */
  out(text: string): Promise<void>;
  /** Writes a line or two to standard error (not waited for). */
  err(text: string): void;
  /** Reads a file, following links. Throws the file system's error (with its `code`) when it cannot. */
  readFile(path: string, options: ReadOptions): Promise<ReadResult>;
  /** Reads standard input to its end, or until more than `maxBytes` came. */
  readStdin(maxBytes: number): Promise<ReadResult>;
  /** The entries of a folder (unsorted). Throws the file system's error (with its `code`) when it cannot. */
  readDir(path: string): Promise<DirEntry[]>;
  /** What is at `path`, following links; undefined when nothing is there (or a link points nowhere). */
  kindOf(path: string): Promise<EntryKind | undefined>;
  /** The current folder (absolute), where the workspace's settings are looked up from; absent in tests that do not need it. */
  cwd?: string;
}

/** Standard output was closed by its reader (`cnd-summary cites big.md | head -1`): stop writing, quietly. */
export class OutputClosedError extends Error {
  constructor() {
    super('standard output was closed by its reader');
  }
}

/** The `code` of a file system error (`ENOENT`, `EACCES`…), if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
