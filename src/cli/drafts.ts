/** The drafts a command reads: files and folders named on the command line, standard input, their text. */
import { type CliIo, type DirEntry, errorCode } from './io';

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
      yield { kind: 'failed', path, reason: `cannot read ${path} ${because(e)}` };
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
      else yield { kind: 'failed', path: folder, reason: `cannot read the folder ${folder} ${because(e)}` };
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

/** A draft's text. */
export interface DraftText {
  kind: 'text';
  text: string;
  warning?: string;
}

/** A draft read: its text, or a note (skipped), or a failure (exit 2). */
export type ReadDraft = DraftText | { kind: 'skipped'; reason: string } | { kind: 'failed'; reason: string };

/**
 * Reads one draft: `-` is standard input. What was named on the command line and cannot be read as a draft is
 * a failure; what the walk found and is not a draft (binary, not a regular file, vanished) is skipped.
 */
export async function readDraft(path: string, named: boolean, io: CliIo): Promise<ReadDraft> {
  const maxBytes = Number.MAX_SAFE_INTEGER;
  const shown = path === '-' ? 'standard input' : path;
  let read;
  try {
    read = path === '-' ? await io.readStdin(maxBytes) : await io.readFile(path, { maxBytes, regularOnly: !named });
  } catch (e) {
    if (!named && errorCode(e) === 'ENOENT') return { kind: 'skipped', reason: 'vanished while its folder was read' };
    return { kind: 'failed', reason: `cannot read ${shown} ${because(e)}` };
  }
  if (read.kind === 'too-large') return { kind: 'failed', reason: `${shown} is too large` };
  if (read.kind === 'not-a-file') return { kind: 'skipped', reason: notAFile(read.entry) };
  // As fs.readFileSync(path, 'utf8') read it: a byte order mark kept, bytes that are not UTF-8 as U+FFFD.
  return { kind: 'text', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.bytes) };
}
