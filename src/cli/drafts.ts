/** The drafts a command reads: files and folders named on the command line, standard input, their text. */
import { InputError } from './command';
import { type CliIo, errorCode } from './io';

/** Reads a draft (`-` is standard input) as fs.readFileSync(path, 'utf8') did: a byte order mark kept, bytes that are not UTF-8 as U+FFFD. */
export async function readText(path: string, io: CliIo): Promise<string> {
  let read;
  try {
    read =
      path === '-'
        ? await io.readStdin(Number.MAX_SAFE_INTEGER)
        : await io.readFile(path, { maxBytes: Number.MAX_SAFE_INTEGER, regularOnly: false });
  } catch (e) {
    const code = errorCode(e);
    throw new InputError(`cannot read ${path === '-' ? 'standard input' : path}${code ? ` (${code})` : ''}`);
  }
  if (read.kind !== 'bytes') throw new InputError(`cannot read ${path}`);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(read.bytes);
}

export const DRAFT_FILE = /\.(md|markdown|mdown|mkd|txt)$/i;

/** Files named on the command line; folders are walked for Markdown and text files. */
export async function expandPaths(paths: string[], io: CliIo): Promise<string[]> {
  const out: string[] = [];
  // Entries of a folder, or undefined when `path` is not one: as main.ts's readDir answered before.
  const entriesOf = async (p: string): Promise<string[] | undefined> => {
    try {
      return (await io.kindOf(p)) === 'directory' ? (await io.readDir(p)).map((e) => e.name) : undefined;
    } catch {
      return undefined;
    }
  };
  const walk = async (p: string, depth: number) => {
    const entries = await entriesOf(p);
    if (entries === undefined) {
      out.push(p);
      return;
    }
    if (depth > 20) return;
    for (const name of [...entries].sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const child = `${p.replace(/\/+$/, '')}/${name}`;
      const sub = await entriesOf(child);
      if (sub !== undefined) await walk(child, depth + 1);
      else if (DRAFT_FILE.test(name)) out.push(child);
    }
  };
  for (const p of paths) await walk(p, 0);
  return out;
}
