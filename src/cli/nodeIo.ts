/** The CLI's port (io.ts) on Node: the real file system and the process's standard streams. */
import * as fs from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { type CliIo, type DirEntry, type EntryKind, errorCode, OutputClosedError, type ReadResult } from './io';

/** Bytes read at a time from a file or standard input. */
const CHUNK = 1 << 20;

function kindOfStats(s: fs.Stats | fs.Dirent): EntryKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  return 'unknown';
}

/**
 * Writes to a stream with backpressure: resolves at once while the stream's buffer has room, otherwise on
 * 'drain'. A write to a reader that has gone (EPIPE) rejects with OutputClosedError, and so does every write
 * after it.
 */
function streamWriter(stream: Writable): (text: string) => Promise<void> {
  let failure: Error | undefined;
  // Without a listener, an EPIPE would be thrown from the event loop as an uncaught exception.
  stream.on('error', (e) => {
    failure ??= e;
  });
  const rejection = (e: Error) => (errorCode(e) === 'EPIPE' ? new OutputClosedError() : e);
  return (text) =>
    new Promise<void>((resolve, reject) => {
      if (failure) {
        reject(rejection(failure));
        return;
      }
      const onError = (e: Error) => {
        stream.off('drain', onDrain);
        reject(rejection(e));
      };
      const onDrain = () => {
        stream.off('error', onError);
        resolve();
      };
      if (stream.write(text)) {
        resolve();
        return;
      }
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
}

/** Reads from an open file until its end or until more than `maxBytes` came. */
async function readHandle(handle: fs.promises.FileHandle, maxBytes: number, sizeHint: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  // One read for a regular file whose size is known (one byte more, to see that it did not grow).
  let chunkSize = Math.min(Math.max(sizeHint + 1, 1), maxBytes + 1, 64 << 20);
  for (;;) {
    const buffer = Buffer.allocUnsafe(chunkSize);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return { kind: 'too-large', size: undefined };
    chunkSize = CHUNK;
  }
  return { kind: 'bytes', bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
}

/** The CLI's port on the real file system and the given streams (the process's, or a test's). */
export function nodeIo(streams: { stdout: Writable; stderr: Writable; stdin: () => Readable; cwd?: string }): CliIo {
  const { stdout, stderr } = streams;
  // Standard error is written to and not waited for; a reader that has gone leaves nowhere to report it.
  stderr.on('error', () => undefined);
  return {
    ...(streams.cwd ? { cwd: streams.cwd } : {}),
    out: streamWriter(stdout),
    err: (text) => {
      stderr.write(text);
    },
    async readFile(path, { maxBytes, regularOnly }) {
      // O_NONBLOCK: opening a FIFO that no one writes to does not wait; fstat then tells it is not a file.
      const flags = regularOnly ? fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) : fs.constants.O_RDONLY;
      const handle = await fs.promises.open(path, flags);
      try {
        const stats = await handle.stat();
        const kind = kindOfStats(stats);
        if (regularOnly && kind !== 'file') return { kind: 'not-a-file', entry: kind };
        if (kind === 'directory') throw Object.assign(new Error(`EISDIR: ${path} is a folder`), { code: 'EISDIR' });
        if (kind === 'file' && stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
        return await readHandle(handle, maxBytes, kind === 'file' ? stats.size : CHUNK);
      } finally {
        await handle.close();
      }
    },
    async readStdin(maxBytes) {
      const chunks: Buffer[] = [];
      let total = 0;
      // Asked for only here: touching process.stdin sets it up, which a command that does not read it need not do.
      const stdin = streams.stdin();
      for await (const chunk of stdin) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        chunks.push(bytes);
        total += bytes.length;
        if (total > maxBytes) {
          stdin.destroy();
          return { kind: 'too-large', size: undefined };
        }
      }
      return { kind: 'bytes', bytes: Buffer.concat(chunks, total) };
    },
    async readDir(path) {
      const entries = await fs.promises.readdir(path, { withFileTypes: true });
      return entries.map((d): DirEntry => ({ name: d.name, kind: kindOfStats(d) }));
    },
    async kindOf(path) {
      try {
        return kindOfStats(await fs.promises.stat(path));
      } catch (e) {
        // Nothing there, a link to nothing, a loop of links, a path through a file.
        if (['ENOENT', 'ELOOP', 'ENOTDIR'].includes(errorCode(e) ?? '')) return undefined;
        throw e;
      }
    },
  };
}
