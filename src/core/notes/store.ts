import * as l10n from '@vscode/l10n';
import { cloneState, type Conflict, mergeNotes, type NotesState } from './merge';
import {
  checkNote,
  emptyNotesFile,
  type Note,
  NOTES_LIMITS,
  type NoteTarget,
  NotesFormatError,
  parseNotesFile,
  sameNote,
  serializeNotesFile,
  tagsOf,
} from './model';

/** What is at a path: its type, whether the path itself is a symbolic link (whatever it points to), its size. */
export interface NotesFileStat {
  type: 'file' | 'directory' | 'other';
  symbolicLink: boolean;
  size: number;
}

/** The little of a file system the store needs; the extension passes vscode.workspace.fs, tests a fake. */
export interface NotesFs {
  /** The file's bytes, or undefined when it does not exist. */
  read(path: string): Promise<Uint8Array | undefined>;
  write(path: string, data: Uint8Array): Promise<void>;
  /** Atomic replace; may throw RenameUnsupported where the file system cannot rename. */
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** What is at `path`, or undefined when nothing is. */
  stat(path: string): Promise<NotesFileStat | undefined>;
}

export class RenameUnsupported extends Error {}

/**
 * A change the store will not make, and why, in words for the user (what went wrong and what to do). Nothing
 * was written, and the store holds what it held before.
 */
export class NotesRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotesRefused';
  }
}

export interface StoreOptions {
  /** The notes file (`.cnd/notes.json`). */
  file: string;
  /** Where notes go while the notes file is corrupt. */
  recovery: string;
  /**
   * The folder both files must stay in (the workspace folder): every path component below it is checked, and
   * neither file is read or written when one is a symbolic link. Without it, only the files themselves are.
   */
  root?: string;
  /** Fingerprint of the summary text, written into the file. */
  source: string;
  newId: () => string;
  now: () => string;
}

export type StoreStatus =
  /** `recoveryError`: a recovery file is there but cannot be used; it is left alone. */
  | { kind: 'ok'; recoveryError?: string }
  /**
   * The notes file cannot be used as notes: it is left alone, notes are read-only, and new notes go to the
   * recovery file (or nowhere, when `recoveryError` says the recovery file cannot be used either).
   */
  | { kind: 'corrupt'; error: string; recoveryError?: string };

export interface StoreEvent {
  /** Notes changed (from here or from the file). */
  changed: boolean;
  conflicts: Conflict[];
  status: StoreStatus;
  /** Notes taken back from the recovery file into the notes file. */
  recovered?: number;
}

const encoder = new TextEncoder();
/** Strict: bytes that are not UTF-8 are an error, never replaced by U+FFFD. A UTF-8 BOM is skipped. */
const decoder = new TextDecoder('utf-8', { fatal: true });

type Disk =
  { kind: 'missing' } | { kind: 'invalid'; error: string } | { kind: 'ok'; text: string; state: NotesState; schema?: string };

/** What an operation may write: 'always' (a change), 'ifNeeded' (only what the files lack: load, sync). */
type WritePolicy = 'always' | 'ifNeeded';
type Operation = 'add' | 'edit' | 'delete' | 'read';

/** Rounds of settle(): another window may repair the file or add to the recovery file while we work. */
const SETTLE_ROUNDS = 3;

function emptyState(): NotesState {
  return { notes: new Map(), deleted: new Map() };
}

function sameState(a: NotesState, b: NotesState): boolean {
  if (a.notes.size !== b.notes.size || a.deleted.size !== b.deleted.size) return false;
  for (const [id, n] of a.notes) if (!sameNote(n, b.notes.get(id))) return false;
  for (const id of a.deleted.keys()) if (!b.deleted.has(id)) return false;
  return true;
}

/** The offset of the first byte that is not UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points above U+10FFFF.
    const second = bytes[i + 1];
    if (
      (b === 0xe0 && second < 0xa0) ||
      (b === 0xed && second > 0x9f) ||
      (b === 0xf0 && second < 0x90) ||
      (b === 0xf4 && second > 0x8f)
    )
      return i;
    i += length;
  }
  return -1;
}

function notUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return 'it is saved as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8';
  const at = firstInvalidUtf8(bytes);
  return `it is not UTF-8 text (byte ${at.toLocaleString('en-US')} is not valid UTF-8; it may have been saved as Latin-1 or another encoding); save it as UTF-8`;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * The notes of a workspace, kept in a JSON file that can be committed and shared. Every change is written at
 * once, atomically (a temporary file renamed over the old one; written and read back where renaming is not
 * possible), after merging whatever the file holds now: nothing written elsewhere is overwritten.
 *
 * Invariants:
 * - The notes file is never written unless it was just read as valid notes or does not exist; a file that
 *   cannot be read as notes (not JSON, not UTF-8, not ours, beyond the limits, a symbolic link) is left
 *   byte for byte as it is.
 * - Nothing is read or written through a symbolic link (see StoreOptions.root).
 * - While the notes file cannot be read, notes can be added (they go to the recovery file) but not edited,
 *   resolved or deleted (refused with NotesRefused: such a change could not be applied to a file nobody can
 *   read, and would otherwise be lost or undone when it is repaired).
 * - The recovery file is merged note by note with what it holds (other windows write it too), never
 *   overwritten blind; it is removed only after a write of the notes file that holds every note in it (or
 *   the note's deletion), as the recovery file is when read again just before its removal.
 * - An operation that throws before writing leaves the store as it was before it (memory and the store's
 *   idea of the files); once it has written, memory is what it wrote.
 */
export class NoteStore {
  private state: NotesState = emptyState();
  /** What this store last read from or wrote to the notes file. */
  private base: NotesState = emptyState();
  private lastText: string | undefined;
  /** A "$schema" the notes file had when last read: written back with it. */
  private schema: string | undefined;
  /** What this store last read from or wrote to the recovery file. */
  private recoveryBase: NotesState = emptyState();
  private current: StoreStatus = { kind: 'ok' };
  /** Set when the operation under way has written a file: then it is not undone if it fails later. */
  private wrote = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners: ((e: StoreEvent) => void)[] = [];

  constructor(
    private readonly fs: NotesFs,
    private readonly options: StoreOptions,
  ) {}

  get status(): StoreStatus {
    return this.current;
  }

  get readOnly(): boolean {
    return this.current.kind === 'corrupt';
  }

  onDidChange(listener: (e: StoreEvent) => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => this.listeners.splice(this.listeners.indexOf(listener), 1) };
  }

  private emit(e: Omit<StoreEvent, 'status'>): void {
    for (const l of [...this.listeners]) l({ ...e, status: this.current });
  }

  list(): Note[] {
    return [...this.state.notes.values()].sort(
      (a, b) => a.target.paragraph - b.target.paragraph || a.created.localeCompare(b.created),
    );
  }

  get(id: string): Note | undefined {
    return this.state.notes.get(id);
  }

  /** Runs store operations one at a time. */
  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /** Reads the notes file, and the recovery file if a session left one (its notes move back when they can). */
  load(): Promise<StoreEvent> {
    return this.serial(async () => {
      this.state = emptyState();
      this.base = emptyState();
      this.lastText = undefined;
      this.schema = undefined;
      this.recoveryBase = emptyState();
      const { conflicts, recovered } = await this.settle('ifNeeded', 'read');
      const event = { changed: true, conflicts, ...(recovered ? { recovered } : {}) };
      this.emit(event);
      return { ...event, status: this.current };
    });
  }

  add(input: { target: NoteTarget; body: string; author: string; tags?: string[] }): Promise<Note> {
    return this.serial(async () => {
      const now = this.options.now();
      const note: Note = {
        id: this.options.newId(),
        target: input.target,
        body: input.body,
        tags: input.tags ?? tagsOf(input.body),
        author: input.author,
        created: now,
        modified: now,
        resolved: false,
      };
      this.check(note);
      if (this.state.notes.size >= NOTES_LIMITS.notes) {
        throw new NotesRefused(
          l10n.t(
            'there are {0} notes already, the most a notes file holds; delete some before adding more',
            NOTES_LIMITS.notes.toLocaleString('en-US'),
          ),
        );
      }
      await this.change('add', () => this.state.notes.set(note.id, note));
      return this.state.notes.get(note.id) ?? note;
    });
  }

  update(id: string, patch: { body?: string; resolved?: boolean; tags?: string[] }): Promise<Note> {
    return this.serial(async () => {
      const old = this.state.notes.get(id);
      if (!old) throw new Error(`notes: there is no note ${id} (it may have been deleted elsewhere)`);
      const body = patch.body ?? old.body;
      const note: Note = {
        ...old,
        body,
        tags: patch.tags ?? (patch.body !== undefined ? tagsOf(body) : old.tags),
        resolved: patch.resolved ?? old.resolved,
        modified: this.options.now(),
      };
      this.check(note);
      await this.change('edit', () => this.state.notes.set(id, note));
      return this.state.notes.get(id) ?? note;
    });
  }

  remove(id: string): Promise<void> {
    return this.serial(async () => {
      if (!this.state.notes.has(id)) return;
      await this.change('delete', () => {
        this.state.notes.delete(id);
        this.state.deleted.set(id, { id, deleted: this.options.now() });
      });
    });
  }

  /** The notes file changed on disk (a watcher fired), or may have: merge what it holds now. */
  sync(): Promise<StoreEvent> {
    return this.serial(async () => {
      const before = cloneState(this.state);
      const status = this.current.kind;
      const { conflicts, recovered } = await this.settle('ifNeeded', 'read');
      const changed = status !== this.current.kind || !sameState(before, this.state);
      const event = { changed, conflicts, ...(recovered ? { recovered } : {}) };
      if (changed || conflicts.length || recovered) this.emit(event);
      return { ...event, status: this.current };
    });
  }

  /** A note as it would be written: refused, with the reason, when the file could not hold it. */
  private check(note: Note): void {
    try {
      checkNote(note);
    } catch (e) {
      if (e instanceof NotesFormatError) throw new NotesRefused(l10n.t('the note cannot be saved: {0}', e.message));
      throw e;
    }
  }

  /**
   * Makes a change and writes it. When it fails before anything was written, memory and the store's idea of
   * the files are put back as they were (a later merge must not mistake the undone change, or what the
   * files held, for a deletion); once something was written, memory is what was written.
   */
  private async change(operation: Exclude<Operation, 'read'>, apply: () => void): Promise<void> {
    const before = {
      state: cloneState(this.state),
      base: this.base,
      lastText: this.lastText,
      schema: this.schema,
      recoveryBase: this.recoveryBase,
    };
    this.wrote = false;
    apply();
    try {
      const { conflicts } = await this.settle('always', operation);
      this.emit({ changed: true, conflicts });
    } catch (e) {
      if (!this.wrote) {
        ({ state: this.state, base: this.base, lastText: this.lastText, schema: this.schema } = before);
        this.recoveryBase = before.recoveryBase;
      }
      this.emit({ changed: true, conflicts: [] });
      throw e;
    }
  }

  private serialize(state: NotesState, schema?: string): string {
    return serializeNotesFile({
      ...emptyNotesFile(this.options.source),
      ...(schema !== undefined ? { $schema: schema } : {}),
      notes: [...state.notes.values()],
      deleted: [...state.deleted.values()],
    });
  }

  /**
   * Brings memory and the two files into line. When the notes file can be read: merges what it holds
   * (three-way, with what this store last read or wrote), takes in the notes of the recovery file it lacks,
   * writes it if the operation is a change or it lacks anything, then removes the recovery file if every
   * note of it is now in the notes file. When it cannot be read: leaves it alone, puts notes added here into
   * the recovery file (merged with what that holds), and reads the notes file again in case another window
   * has repaired it meanwhile (and emptied the recovery file), in which case the notes go there instead.
   */
  private async settle(write: WritePolicy, operation: Operation): Promise<{ conflicts: Conflict[]; recovered: number }> {
    const conflicts: Conflict[] = [];
    let recovered = 0;
    for (let round = 0; round < SETTLE_ROUNDS; round++) {
      const disk = await this.readNotes(this.options.file);
      if (disk.kind === 'invalid') {
        this.current = { kind: 'corrupt', error: disk.error };
        const saved = await this.saveToRecovery(operation);
        if (!saved || (await this.readNotes(this.options.file)).kind === 'invalid') return { conflicts, recovered };
        continue;
      }
      this.current = { kind: 'ok' };
      if (disk.kind === 'missing') {
        // Gone (a branch switch, a mistake): the notes are kept; the file comes back with the next write.
        this.lastText = undefined;
      } else if (disk.text !== this.lastText) {
        const merged = mergeNotes(this.base, this.state, disk.state, this.options.newId);
        this.state = { notes: merged.notes, deleted: merged.deleted };
        for (const c of merged.conflicts) conflicts.push(c);
        this.base = disk.state;
        this.lastText = disk.text;
        this.schema = disk.schema;
      }
      const recovery = await this.readNotes(this.options.recovery);
      if (recovery.kind === 'invalid') this.current = { kind: 'ok', recoveryError: recovery.error };
      const inRecovery = recovery.kind === 'ok' ? recovery.state : emptyState();
      // Notes of the recovery file the notes file lacks. One it has (the same id) is the same note or a later
      // version (notes are not edited while the notes file cannot be read); one it deleted stays deleted.
      const missing = [...inRecovery.notes.values()].filter((n) => !this.base.notes.has(n.id) && !this.base.deleted.has(n.id));
      for (const n of missing) if (!this.state.notes.has(n.id) && !this.state.deleted.has(n.id)) this.state.notes.set(n.id, n);
      const fileLacks = disk.kind === 'ok' ? !sameState(this.state, this.base) : inRecovery.notes.size > 0;
      if (write === 'always' || fileLacks) {
        await this.writeNotes();
        recovered += missing.length;
      }
      if (recovery.kind !== 'ok') {
        if (recovery.kind === 'missing') this.recoveryBase = emptyState();
        return { conflicts, recovered };
      }
      // Removed only if every note it holds now (another window may have added one since) is in the file.
      const now = await this.readNotes(this.options.recovery);
      if (now.kind !== 'ok') return { conflicts, recovered };
      if ([...now.state.notes.keys()].every((id) => this.base.notes.has(id) || this.base.deleted.has(id))) {
        await this.fs.remove(this.options.recovery);
        this.recoveryBase = emptyState();
        return { conflicts, recovered };
      }
    }
    return { conflicts, recovered };
  }

  /**
   * While the notes file cannot be read: writes the notes added here that it lacks into the recovery file,
   * merged note by note with what that file holds now; shows the recovery file's notes (read-only). Refuses
   * edits and deletions. Returns whether anything needed saving.
   */
  private async saveToRecovery(operation: Operation): Promise<boolean> {
    const error = this.current.kind === 'corrupt' ? this.current.error : '';
    if (operation === 'edit' || operation === 'delete') {
      throw new NotesRefused(
        l10n.t(
          'the notes file cannot be read ({0}), so notes cannot be edited, resolved or deleted until it is fixed. Fix the file (or restore it from version control) and try again; new notes are kept in the recovery file meanwhile',
          error,
        ),
      );
    }
    const recovery = await this.readNotes(this.options.recovery);
    if (recovery.kind === 'invalid') {
      this.current = { kind: 'corrupt', error, recoveryError: recovery.error };
      if (operation !== 'add') return false;
      throw new NotesRefused(
        l10n.t(
          'neither the notes file ({0}) nor its recovery file ({1}) can be used, so the note was not saved. Fix or remove them, then add the note again',
          error,
          recovery.error,
        ),
      );
    }
    const theirs = recovery.kind === 'ok' ? recovery.state : emptyState();
    for (const [id, n] of theirs.notes) if (!this.state.notes.has(id) && !this.state.deleted.has(id)) this.state.notes.set(id, n);
    const ours = cloneState(this.recoveryBase);
    for (const n of this.state.notes.values()) if (!this.base.notes.has(n.id)) ours.notes.set(n.id, n);
    const merged = mergeNotes(this.recoveryBase, ours, theirs, this.options.newId);
    // Notes only: a note gone from the recovery file was moved into the notes file by another window (notes are
    // not deleted while the notes file cannot be read), so no tombstone is needed to keep it out.
    const next: NotesState = { notes: merged.notes, deleted: new Map() };
    if (sameState(next, theirs)) {
      this.recoveryBase = theirs;
      return false;
    }
    const text = this.serialize(next);
    this.checkSize(text);
    await this.atomicWrite(this.options.recovery, text);
    this.wrote = true;
    this.recoveryBase = next;
    return true;
  }

  private checkSize(text: string): void {
    const bytes = encoder.encode(text).length;
    if (bytes > NOTES_LIMITS.fileBytes) {
      throw new NotesRefused(
        l10n.t(
          'the notes would take {0}, more than the {1} a notes file may hold, so nothing was saved; delete some notes first',
          megabytes(bytes),
          megabytes(NOTES_LIMITS.fileBytes),
        ),
      );
    }
  }

  /** Writes memory to the notes file (the file was just read as valid notes, or is missing). */
  private async writeNotes(): Promise<void> {
    const text = this.serialize(this.state, this.schema);
    this.checkSize(text);
    await this.atomicWrite(this.options.file, text);
    this.wrote = true;
    this.base = cloneState(this.state);
    this.lastText = text;
  }

  /** The path's components below `root`, outermost first, ending with the path itself. */
  private components(path: string): string[] {
    const root = this.options.root;
    if (root === undefined) return [path];
    const prefix = root === '' || root.endsWith('/') ? root : `${root}/`;
    if (!path.startsWith(prefix)) throw new Error(`notes: ${path} is not inside ${root}`);
    const parts = path.slice(prefix.length).split('/');
    return parts.map((_, i) => prefix + parts.slice(0, i + 1).join('/'));
  }

  /** Why `path` must not be read or written (a symbolic link on the way to it, not a file), or undefined. */
  private async unsafe(path: string): Promise<{ error: string } | { size: number } | undefined> {
    const components = this.components(path);
    for (const [i, component] of components.entries()) {
      const stat = await this.fs.stat(component);
      if (!stat) return undefined;
      const name = i === components.length - 1 ? 'it' : `its folder “${component.slice(component.lastIndexOf('/') + 1)}”`;
      if (stat.symbolicLink) {
        return {
          error: `${name} is a symbolic link, and notes are never read or written through a link (it could lead out of the workspace); replace the link with a real ${i === components.length - 1 ? 'file' : 'folder'}`,
        };
      }
      if (i === components.length - 1) {
        if (stat.type !== 'file')
          return { error: `it is a ${stat.type === 'directory' ? 'folder' : 'special file'}, not a file` };
        return { size: stat.size };
      }
    }
    return undefined;
  }

  private async readNotes(path: string): Promise<Disk> {
    const checked = await this.unsafe(path);
    if (checked && 'error' in checked) return { kind: 'invalid', error: checked.error };
    if (checked && checked.size > NOTES_LIMITS.fileBytes) {
      return {
        kind: 'invalid',
        error: `it is ${megabytes(checked.size)}, more than the ${megabytes(NOTES_LIMITS.fileBytes)} a notes file may hold`,
      };
    }
    const bytes = await this.fs.read(path);
    if (bytes === undefined) return { kind: 'missing' };
    if (bytes.length > NOTES_LIMITS.fileBytes) {
      return { kind: 'invalid', error: `it is more than the ${megabytes(NOTES_LIMITS.fileBytes)} a notes file may hold` };
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch (e) {
      if (e instanceof TypeError) return { kind: 'invalid', error: notUtf8(bytes) };
      throw e;
    }
    try {
      const file = parseNotesFile(text);
      return {
        kind: 'ok',
        text,
        state: { notes: new Map(file.notes.map((n) => [n.id, n])), deleted: new Map(file.deleted.map((d) => [d.id, d])) },
        ...(file.$schema !== undefined ? { schema: file.$schema } : {}),
      };
    } catch (e) {
      if (e instanceof NotesFormatError) return { kind: 'invalid', error: e.message };
      throw e;
    }
  }

  private async atomicWrite(path: string, text: string): Promise<void> {
    const checked = await this.unsafe(path);
    if (checked && 'error' in checked) throw new NotesRefused(l10n.t('nothing was written to the notes: {0}', checked.error));
    const data = encoder.encode(text);
    const tmp = `${path}.${this.options.newId()}.tmp`;
    await this.fs.write(tmp, data);
    try {
      await this.fs.rename(tmp, path);
      return;
    } catch (e) {
      if (!(e instanceof RenameUnsupported)) throw e;
    }
    // No rename here: write in place, then read back and compare.
    await this.fs.write(path, data);
    const back = await this.fs.read(path);
    await this.fs.remove(tmp);
    let same = false;
    try {
      same = back !== undefined && decoder.decode(back) === text;
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
    }
    if (!same) throw new Error(`notes: writing ${path} could not be verified`);
  }
}
