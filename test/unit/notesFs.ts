// The in-memory file system and the sample note the notes tests share (a module of its own, so that a test
// file importing them does not run another file's tests).
import { makeTarget, type Note } from '../../src/core/notes/model';
import { type NotesFs, RenameUnsupported } from '../../src/core/notes/store';
import { summary } from './fixtures';

const P24 = summary.paragraph(24)!.text;

export function note(id: string, over: Partial<Note> = {}): Note {
  const at = P24.indexOf('less than 1 per cent');
  return {
    id,
    target: makeTarget(24, P24, at, at + 'less than 1 per cent'.length),
    body: `note ${id}`,
    tags: [],
    author: 'A',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    resolved: false,
    ...over,
  };
}

/**
 * An in-memory file system; `failAt` makes the n-th mutating call throw (a crash between write steps).
 * `links` maps a path to the path a symbolic link there points to. As on a real file system: reading and
 * writing follow links (a link anywhere on the path); rename and remove act on a link at the path itself;
 * stat says whether the path itself is a link, with the type of what it points to.
 */
export class MemoryFs implements NotesFs {
  files = new Map<string, Uint8Array>();
  links = new Map<string, string>();
  steps = 0;
  failAt = -1;
  canRename = true;
  /** Called after each write, rename and remove: another process acting between two steps of an operation. */
  afterStep: ((what: 'write' | 'rename' | 'remove', path: string) => void) | undefined;
  private step(what: string): void {
    this.steps++;
    if (this.steps === this.failAt) throw new Error(`crash during ${what}`);
  }
  /** The real path: every link on the way followed, the last component too unless `keepLast`. */
  resolve(path: string, keepLast = false): string {
    if (this.links.size === 0) return path;
    const parts = path.split('/');
    let at = '';
    for (const [i, part] of parts.entries()) {
      at = at ? `${at}/${part}` : part;
      for (let hops = 0; this.links.has(at) && !(keepLast && i === parts.length - 1); hops++) {
        if (hops > 8) throw new Error(`too many links at ${path}`);
        at = this.links.get(at)!;
      }
    }
    return at;
  }
  read(path: string) {
    return Promise.resolve(this.files.get(this.resolve(path)));
  }
  write(path: string, data: Uint8Array) {
    this.step(`write ${path}`);
    this.files.set(this.resolve(path), data);
    this.afterStep?.('write', path);
    return Promise.resolve();
  }
  rename(from: string, to: string) {
    if (!this.canRename) return Promise.reject(new RenameUnsupported('no rename'));
    this.step(`rename ${from}`);
    const source = this.resolve(from);
    const data = this.files.get(source);
    if (!data) return Promise.reject(new Error(`no ${from}`));
    const target = this.resolve(to, true);
    this.links.delete(target);
    this.files.set(target, data);
    this.files.delete(source);
    this.afterStep?.('rename', to);
    return Promise.resolve();
  }
  remove(path: string) {
    this.step(`remove ${path}`);
    const target = this.resolve(path, true);
    if (!this.links.delete(target)) this.files.delete(target);
    this.afterStep?.('remove', path);
    return Promise.resolve();
  }
  stat(path: string) {
    const self = this.resolve(path, true);
    const real = this.resolve(path);
    const symbolicLink = this.links.has(self);
    const file = this.files.get(real);
    if (file) return Promise.resolve({ type: 'file' as const, symbolicLink, size: file.length });
    // Folders exist by what is in them: files, and links.
    const prefix = `${real}/`;
    for (const p of [...this.files.keys(), ...this.links.keys()]) {
      if (p.startsWith(prefix)) return Promise.resolve({ type: 'directory' as const, symbolicLink, size: 0 });
    }
    return Promise.resolve(symbolicLink ? { type: 'other' as const, symbolicLink, size: 0 } : undefined);
  }
  text(path: string): string | undefined {
    const b = this.files.get(this.resolve(path));
    return b && new TextDecoder().decode(b);
  }
  setText(path: string, text: string): void {
    this.files.set(this.resolve(path), new TextEncoder().encode(text));
  }
}
