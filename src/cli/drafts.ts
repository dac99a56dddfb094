/** The drafts a command reads: files and folders named on the command line, standard input, their text. */
import { type CliIo, type DirEntry, errorCode } from './io';
import { printablePath } from './output';

/**
 * The largest draft read, in bytes. Drafts are statements and reports of a few hundred kB at most; 50 MB
 * is a hundred times the longest, yet keeps a run short (about a second at the speed measured by the
 * bench) and its memory small (the text, up to twice its size in memory, and one piece at a time).
 */
export const MAX_DRAFT_BYTES = 50_000_000;

/** Files found in folders are drafts when their names end so. Files named on the command line are read whatever their names. */
export const DRAFT_FILE = /\.(md|markdown|mdown|mkd|txt)$/i;

/** Folders not walked into: hidden ones (`.git`) and dependencies. */
function walkedInto(name: string): boolean {
  return !name.startsWith('.') && name !== 'node_modules';
}

/** What the walk found: a draft to read, something skipped (a note, not a failure), or a failure (exit 2). */
export type Found =
  | { kind: 'draft'; path: string; named: boolean }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'failed'; path: string; reason: string };

/** "(EACCES)", or the error's message when it has no code. */
function because(e: unknown): string {
  const code = errorCode(e);
  return code ? `(${code})` : `(${e instanceof Error ? e.message : String(e)})`;
}

function join(folder: string, name: string): string {
  return `${folder.replace(/\/+$/, '')}/${name}`;
}

/**
 * The drafts under the paths named on the command line, in order: a named file (or link to one, or FIFO) is
 * read whatever its name; a named folder (or link to one) is walked, in name order, for Markdown and text
 * files. Inside folders, links to folders are not followed (a link to `.` would repeat every file, two would
 * loop), links to files are; FIFOs, sockets and devices are skipped with a note, as is what vanished while
 * the walk ran. A folder that cannot be read is a failure.
 */
export async function* findDrafts(paths: readonly string[], io: CliIo): AsyncGenerator<Found> {
  for (const path of paths) {
    if (path === '-') {
      yield { kind: 'draft', path, named: true };
      continue;
    }
    let kind;
    try {
      kind = await io.kindOf(path);
    } catch (e) {
      yield { kind: 'failed', path, reason: `cannot read ${printablePath(path)} ${because(e)}` };
      continue;
    }
    // Anything else, missing included, is read: reading says what is wrong with it.
    if (kind !== 'directory') yield { kind: 'draft', path, named: true };
    else yield* walk(path, io);
  }
}

/** One folder tree, depth first in name order, without recursion (a deep tree is no deep stack). */
async function* walk(root: string, io: CliIo): AsyncGenerator<Found> {
  const stack: { folder: string; entries: DirEntry[]; next: number }[] = [];
  const open = async function* (folder: string, named: boolean): AsyncGenerator<Found> {
    try {
      const entries = (await io.readDir(folder)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      stack.push({ folder, entries, next: 0 });
    } catch (e) {
      if (!named && errorCode(e) === 'ENOENT')
        yield { kind: 'skipped', path: folder, reason: 'vanished while its folder was read' };
      else yield { kind: 'failed', path: folder, reason: `cannot read the folder ${printablePath(folder)} ${because(e)}` };
    }
  };
  yield* open(root, true);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.entries.length) {
      stack.pop();
      continue;
    }
    const { name, kind } = top.entries[top.next++];
    const path = join(top.folder, name);
    if (kind === 'directory') {
      if (walkedInto(name)) yield* open(path, false);
      continue;
    }
    if (name.startsWith('.')) continue;
    if (kind === 'file') {
      if (DRAFT_FILE.test(name)) yield { kind: 'draft', path, named: false };
      continue;
    }
    if (kind === 'symlink') {
      const target = await linkTarget(path, io);
      if (target.kind === 'file') {
        if (DRAFT_FILE.test(name)) yield { kind: 'draft', path, named: false };
      } else if (target.kind === 'directory') {
        if (walkedInto(name))
          yield { kind: 'skipped', path, reason: 'a link to a folder, not followed (name it on the command line to check it)' };
      } else if (DRAFT_FILE.test(name)) yield { kind: 'skipped', path, reason: target.reason };
      continue;
    }
    if (DRAFT_FILE.test(name)) yield { kind: 'skipped', path, reason: notAFile(kind) };
  }
}

/** What a link found in a folder points to: a file, a folder, or why it is skipped. */
async function linkTarget(
  path: string,
  io: CliIo,
): Promise<{ kind: 'file' } | { kind: 'directory' } | { kind: 'other'; reason: string }> {
  try {
    const target = await io.kindOf(path);
    if (target === undefined) return { kind: 'other', reason: 'a link to nothing' };
    if (target === 'file') return { kind: 'file' };
    if (target === 'directory') return { kind: 'directory' };
    return { kind: 'other', reason: `a link to something that is ${notAFile(target)}` };
  } catch (e) {
    return { kind: 'other', reason: `a link that cannot be followed ${because(e)}` };
  }
}

const NOT_FILES: ReadonlyMap<string, string> = new Map([
  ['fifo', 'a FIFO'],
  ['socket', 'a socket'],
  ['device', 'a device'],
  ['directory', 'a folder'],
]);

/** Why something that is not a regular file is not read. */
export function notAFile(kind: string): string {
  return `not a regular file (${NOT_FILES.get(kind) ?? kind})`;
}

/** A draft's text, with a warning when it was not all valid UTF-8. */
export interface DraftText {
  kind: 'text';
  text: string;
  warning?: string;
}

/** Bytes read to tell text from binary, as Git does. */
const SNIFF = 8000;

/**
 * Decodes a draft as UTF-8, as VS Code opens it: a byte order mark is dropped (offsets count from the first
 * character after it). Bytes that are not UTF-8 become U+FFFD, with a warning: the citations (ASCII) are
 * still found. A file with a NUL byte in its first 8,000 (Git's test for binary) or a UTF-16 byte order mark
 * is not read as a draft.
 */
export function decodeDraft(bytes: Uint8Array): DraftText | { kind: 'not-text'; reason: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return { kind: 'not-text', reason: 'UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8' };
  if (bytes.subarray(0, SNIFF).includes(0))
    return { kind: 'not-text', reason: 'a binary file, not a draft (it contains NUL bytes)' };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return {
      kind: 'text',
      text: new TextDecoder('utf-8').decode(bytes),
      warning: 'not valid UTF-8: the bytes that are not were read as U+FFFD (offsets count those)',
    };
  }
}

/** A draft read: its text, or a note (skipped), or a failure (exit 2). */
export type ReadDraft = DraftText | { kind: 'skipped'; reason: string } | { kind: 'failed'; reason: string };

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e5) / 10} MB`;
}

/**
 * Reads one draft: `-` is standard input. What was named on the command line and cannot be read as a draft is
 * a failure; what the walk found and is not a draft (binary, not a regular file, vanished) is skipped.
 */
export async function readDraft(path: string, named: boolean, io: CliIo, maxBytes = MAX_DRAFT_BYTES): Promise<ReadDraft> {
  const shown = path === '-' ? 'standard input' : printablePath(path);
  let read;
  try {
    read = path === '-' ? await io.readStdin(maxBytes) : await io.readFile(path, { maxBytes, regularOnly: !named });
  } catch (e) {
    if (!named && errorCode(e) === 'ENOENT') return { kind: 'skipped', reason: 'vanished while its folder was read' };
    return { kind: 'failed', reason: `cannot read ${shown} ${because(e)}` };
  }
  if (read.kind === 'too-large') {
    const size =
      read.size === undefined
        ? `over ${megabytes(maxBytes)}`
        : megabytes(read.size) === megabytes(maxBytes)
          ? `${read.size.toLocaleString('en')} bytes`
          : megabytes(read.size);
    return {
      kind: 'failed',
      reason: `${shown} is too large (${size}): cnd-summary reads drafts of up to ${megabytes(maxBytes)}; split it into parts`,
    };
  }
  if (read.kind === 'not-a-file') return { kind: 'skipped', reason: notAFile(read.entry) };
  const decoded = decodeDraft(read.bytes);
  if (decoded.kind === 'not-text' && named) return { kind: 'failed', reason: `${shown} is ${decoded.reason}` };
  if (decoded.kind === 'not-text') return { kind: 'skipped', reason: decoded.reason };
  return decoded;
}
