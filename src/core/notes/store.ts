import { cloneState, type Conflict, mergeNotes, type NotesState } from './merge';
import {
  emptyNotesFile,
  type Note,
  type NoteTarget,
  NotesFormatError,
  parseNotesFile,
  serializeNotesFile,
  tagsOf,
} from './model';

/** The little of a file system the store needs; the extension passes vscode.workspace.fs, tests a fake. */
export interface NotesFs {
  /** The file's bytes, or undefined when it does not exist. */
  read(path: string): Promise<Uint8Array | undefined>;
  write(path: string, data: Uint8Array): Promise<void>;
  /** Atomic replace; may throw RenameUnsupported where the file system cannot rename. */
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export class RenameUnsupported extends Error {}

export interface StoreOptions {
  /** The notes file (`.cnd/notes.json`). */
  file: string;
  /** Where notes go while the notes file is corrupt. */
  recovery: string;
  /** Fingerprint of the summary text, written into the file. */
  source: string;
  newId: () => string;
  now: () => string;
}

export type StoreStatus =
  | { kind: 'ok' }
  /** The notes file cannot be read as notes: it is left alone, new notes go to the recovery file. */
  | { kind: 'corrupt'; error: string };

export interface StoreEvent {
  /** Notes changed (from here or from the file). */
  changed: boolean;
  conflicts: Conflict[];
  status: StoreStatus;
  /** Notes taken back from the recovery file into the notes file. */
  recovered?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The notes of a workspace, kept in a JSON file that can be committed and shared. Every change is
 * written at once, atomically (a temporary file renamed over the old one; written and read back where
 * renaming is not possible), after merging whatever the file holds now: nothing written elsewhere is
 * overwritten. A corrupt file is never overwritten.
 */
export class NoteStore {
  private state: NotesState = { notes: new Map(), deleted: new Map() };
  /** What this store last read from or wrote to the notes file. */
  private base: NotesState = { notes: new Map(), deleted: new Map() };
  private lastText: string | undefined;
  private current: StoreStatus = { kind: 'ok' };
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

  /** Reads the notes file (and the recovery file, if a previous session left one). */
  load(): Promise<StoreEvent> {
    return this.serial(async () => {
      const disk = await this.readFile(this.options.file);
      if (disk.kind === 'missing') {
        this.current = { kind: 'ok' };
        this.state = { notes: new Map(), deleted: new Map() };
      } else if (disk.kind === 'invalid') {
        this.current = { kind: 'corrupt', error: disk.error };
      } else {
        this.current = { kind: 'ok' };
        this.state = disk.state;
        this.base = cloneState(disk.state);
        this.lastText = disk.text;
      }
      const recovery = await this.readFile(this.options.recovery);
      let recovered = 0;
      if (recovery.kind === 'ok') {
        for (const [id, n] of recovery.state.notes) {
          if (!this.state.notes.has(id)) {
            this.state.notes.set(id, n);
            recovered++;
          }
        }
        if (this.current.kind === 'ok' && recovered > 0) {
          await this.persist();
          await this.fs.remove(this.options.recovery);
        } else if (this.current.kind === 'ok') {
          await this.fs.remove(this.options.recovery);
        }
      }
      const event = { changed: true, conflicts: [], ...(recovered ? { recovered } : {}) };
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
      this.state.notes.set(note.id, note);
      const conflicts = await this.persist();
      this.emit({ changed: true, conflicts });
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
      this.state.notes.set(id, note);
      const conflicts = await this.persist();
      this.emit({ changed: true, conflicts });
      return this.state.notes.get(id) ?? note;
    });
  }

  remove(id: string): Promise<void> {
    return this.serial(async () => {
      if (!this.state.notes.delete(id)) return;
      this.state.deleted.set(id, { id, deleted: this.options.now() });
      const conflicts = await this.persist();
      this.emit({ changed: true, conflicts });
    });
  }

  /** The notes file changed on disk (a watcher fired): merge what it holds now. */
  sync(): Promise<StoreEvent> {
    return this.serial(async () => {
      const wasCorrupt = this.current.kind === 'corrupt';
      const disk = await this.readFile(this.options.file);
      if (disk.kind === 'ok' && disk.text === this.lastText && !wasCorrupt) {
        return { changed: false, conflicts: [], status: this.current };
      }
      if (disk.kind === 'invalid') {
        const changed = this.current.kind !== 'corrupt';
        this.current = { kind: 'corrupt', error: disk.error };
        const event = { changed, conflicts: [] };
        this.emit(event);
        return { ...event, status: this.current };
      }
      if (disk.kind === 'missing') {
        // Gone (a branch switch, a mistake): keep the notes; the file comes back with the next change.
        this.lastText = undefined;
        return { changed: false, conflicts: [], status: this.current };
      }
      const theirs = disk.state;
      const merged = mergeNotes(this.base, this.state, theirs, this.options.newId);
      this.state = { notes: merged.notes, deleted: merged.deleted };
      this.base = cloneState(theirs);
      this.lastText = disk.text;
      this.current = { kind: 'ok' };
      let recovered: number | undefined;
      // Write back if the merge holds anything the file lacks (our changes, conflict copies, recovered notes).
      if (this.serialize() !== disk.text) await this.persist();
      if (wasCorrupt) {
        const recovery = await this.readFile(this.options.recovery);
        if (recovery.kind === 'ok') {
          recovered = recovery.state.notes.size;
          await this.fs.remove(this.options.recovery);
        }
      }
      const event = { changed: true, conflicts: merged.conflicts, ...(recovered !== undefined ? { recovered } : {}) };
      this.emit(event);
      return { ...event, status: this.current };
    });
  }

  private serialize(): string {
    return serializeNotesFile({
      ...emptyNotesFile(this.options.source),
      notes: [...this.state.notes.values()],
      deleted: [...this.state.deleted.values()],
    });
  }

  /**
   * Writes the notes: merges the file's current content first (it may have changed since we last looked),
   * then replaces it atomically. While the file is corrupt, writes the recovery file instead.
   */
  private async persist(): Promise<Conflict[]> {
    let conflicts: Conflict[] = [];
    if (this.current.kind === 'ok') {
      const disk = await this.readFile(this.options.file);
      if (disk.kind === 'invalid') {
        this.current = { kind: 'corrupt', error: disk.error };
      } else if (disk.kind === 'ok' && disk.text !== this.lastText) {
        const merged = mergeNotes(this.base, this.state, disk.state, this.options.newId);
        this.state = { notes: merged.notes, deleted: merged.deleted };
        conflicts = merged.conflicts;
      }
    }
    const text = this.serialize();
    if (this.current.kind === 'corrupt') {
      await this.atomicWrite(this.options.recovery, text);
      return conflicts;
    }
    await this.atomicWrite(this.options.file, text);
    this.base = cloneState(this.state);
    this.lastText = text;
    return conflicts;
  }

  private async atomicWrite(path: string, text: string): Promise<void> {
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
    if (!back || decoder.decode(back) !== text) throw new Error(`notes: writing ${path} could not be verified`);
  }

  private async readFile(
    path: string,
  ): Promise<{ kind: 'missing' } | { kind: 'invalid'; error: string } | { kind: 'ok'; text: string; state: NotesState }> {
    const bytes = await this.fs.read(path);
    if (bytes === undefined) return { kind: 'missing' };
    const text = decoder.decode(bytes);
    try {
      const file = parseNotesFile(text);
      return {
        kind: 'ok',
        text,
        state: { notes: new Map(file.notes.map((n) => [n.id, n])), deleted: new Map(file.deleted.map((d) => [d.id, d])) },
      };
    } catch (e) {
      return { kind: 'invalid', error: e instanceof NotesFormatError ? e.message : String(e) };
    }
  }
}
