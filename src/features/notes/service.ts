import * as vscode from 'vscode';
import { type Log, messageOf } from '../log';
import { type Notify, showMessage } from './notify';
import { type CardNote, cardNoteOf } from '../../core/render/cards';
import { type Anchor, anchorNote } from '../../core/notes/anchor';
import { type Note, type NoteTarget, NOTES_LIMITS } from '../../core/notes/model';
import { NoteStore, type NotesFs, NotesRefused, RenameUnsupported, type StoreEvent } from '../../core/notes/store';
import type { SearchIndex } from '../../core/search/lazy';
import { SHIPPED_FINGERPRINT } from '../../core/summary/shipped';
import type { Summary } from '../../core/summary/summary';
import { DEFAULT_NOTES_FILE, type Settings } from '../settings';

/** vscode.workspace.fs as the store's file system (works in the desktop, the server and the web worker). */
export function workspaceNotesFs(): NotesFs {
  const uri = (path: string) => vscode.Uri.parse(path);
  return {
    async read(path) {
      try {
        return await vscode.workspace.fs.readFile(uri(path));
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
        throw e;
      }
    },
    write: async (path, data) => vscode.workspace.fs.writeFile(uri(path), data),
    async rename(from, to) {
      try {
        await vscode.workspace.fs.rename(uri(from), uri(to), { overwrite: true });
      } catch (e) {
        // Some file systems cannot rename: the store then writes in place and reads back.
        throw new RenameUnsupported(e instanceof Error ? e.message : String(e));
      }
    },
    async remove(path) {
      try {
        await vscode.workspace.fs.delete(uri(path), { useTrash: false });
      } catch (e) {
        if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
      }
    },
    async stat(path) {
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(uri(path));
      } catch (e) {
        if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
        throw e;
      }
      // A link's type is FileType.SymbolicLink bit-ored with the type of what it points to (Unknown when dangling).
      return {
        type: stat.type & vscode.FileType.File ? 'file' : stat.type & vscode.FileType.Directory ? 'directory' : 'other',
        symbolicLink: (stat.type & vscode.FileType.SymbolicLink) !== 0,
        size: stat.size,
      };
    },
  };
}

export interface NotesLocation {
  file: vscode.Uri;
  recovery: vscode.Uri;
  /** The folder both files must stay in: the workspace folder, or the global storage. */
  root: vscode.Uri;
  /** For messages: the path as the user set it, or "global storage". */
  label: string;
  /** The setting's value when it was refused (a path out of the workspace folder). */
  refused?: string;
}

/** The notes file: the setting's path in the first workspace folder, else the extension's global storage. */
export function notesLocation(settings: Settings, globalStorage: vscode.Uri): NotesLocation {
  const folder = vscode.workspace.workspaceFolders?.[0];
  // Inside the folder only: a path that climbs out of it (`../x`) falls back to the default.
  const asked = settings.notesFile().replace(/^[/\\]+/, '');
  const escapes = asked.split(/[/\\]/).includes('..');
  const rel = !asked || escapes ? DEFAULT_NOTES_FILE : asked;
  const file = folder ? vscode.Uri.joinPath(folder.uri, ...rel.split(/[/\\]/)) : vscode.Uri.joinPath(globalStorage, 'notes.json');
  const recovery = file.with({ path: file.path.replace(/(\.json)?$/, '.recovery.json') });
  return {
    file,
    recovery,
    root: folder ? folder.uri : globalStorage,
    label: folder ? rel : vscode.l10n.t('the extension’s global storage'),
    ...(folder && escapes ? { refused: asked } : {}),
  };
}

/** For input boxes: why a note's text cannot be saved as it is, or undefined. */
export function bodyTooLong(body: string): vscode.InputBoxValidationMessage | undefined {
  return body.length > NOTES_LIMITS.bodyChars
    ? {
        message: vscode.l10n.t(
          'A note holds at most {0} characters; this one has {1}.',
          NOTES_LIMITS.bodyChars.toLocaleString('en-US'),
          body.length.toLocaleString('en-US'),
        ),
        severity: vscode.InputBoxValidationSeverity.Error,
      }
    : undefined;
}

/**
 * The store's `root` (every path component below it is checked for symbolic links): the folder, as a string
 * that both files' strings start with. A folder URI with a query or fragment (some virtual file systems)
 * does not prefix its files' strings; the files themselves are then checked, and the folders on the way
 * are not.
 */
function linkCheckedRoot(location: NotesLocation): { root?: string } {
  const root = location.root.toString();
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const inside = [location.file, location.recovery].every((uri) => uri.toString().startsWith(prefix));
  return inside ? { root } : {};
}

/** The message for a conflict kept in both versions, on paragraph `p` when the note is known. */
function conflictMessage(kind: StoreEvent['conflicts'][number]['kind'], p: number | undefined): string {
  if (kind === 'edited-both')
    return p === undefined
      ? vscode.l10n.t('CND Summary: a note was changed here and in the file at the same time; both versions are kept.')
      : vscode.l10n.t(
          'CND Summary: a note on ¶ {0} was changed here and in the file at the same time; both versions are kept.',
          p,
        );
  if (kind === 'edited-here-deleted-there')
    return p === undefined
      ? vscode.l10n.t('CND Summary: a note was deleted in the file but changed here; it is kept.')
      : vscode.l10n.t('CND Summary: a note on ¶ {0} was deleted in the file but changed here; it is kept.', p);
  return p === undefined
    ? vscode.l10n.t('CND Summary: a note was deleted here but changed in the file; it is kept.')
    : vscode.l10n.t('CND Summary: a note on ¶ {0} was deleted here but changed in the file; it is kept.', p);
}

function newId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The notes of this workspace for every feature: the store, where each note stands in the summary now,
 * the search index entries, and messages when the file is invalid or a conflict was kept.
 */
export class NotesService implements vscode.Disposable {
  private store!: NoteStore;
  location!: NotesLocation;
  private anchors = new Map<string, Anchor>();
  /** The note object each anchor was computed for (notes are replaced, never mutated, on change). */
  private anchoredFrom = new Map<string, Note>();
  /** Notes by the paragraph they stand on now, in store order (derived on every change). */
  private byParagraph = new Map<number, Note[]>();
  private readonly indexed = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private watcher: vscode.Disposable | undefined;
  private storeListener: { dispose(): void } | undefined;
  /** Resolves when the notes file has been read. */
  ready!: Promise<void>;
  private warnedCorrupt = false;
  /** The recovery file's error last shown, so that it is shown once. */
  private warnedRecovery: string | undefined;
  /** Errors already shown to the user by this service: the commands that meet them again need not. */
  private readonly reported = new WeakSet<object>();
  /** Whether the drafter was asked for a name this session (asked once; see `askAuthor`). */
  private askedAuthor = false;

  constructor(
    private readonly summary: Summary,
    private readonly engine: SearchIndex,
    private readonly settings: Settings,
    private readonly globalStorage: vscode.Uri,
    private readonly log: Log,
    /** How messages are shown (the integration tests record them). */
    private readonly notify: Notify = showMessage,
  ) {
    this.open();
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cndSummary.notes.file')) this.open();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.open()),
    );
  }

  private open(): void {
    this.watcher?.dispose();
    this.storeListener?.dispose();
    this.location = notesLocation(this.settings, this.globalStorage);
    if (this.location.refused) {
      void this.notify(
        'warning',
        vscode.l10n.t(
          'CND Summary: the setting cndSummary.notes.file (“{0}”) points outside the workspace folder, so notes are kept in {1}.',
          this.location.refused,
          DEFAULT_NOTES_FILE,
        ),
      );
    }
    this.store = new NoteStore(workspaceNotesFs(), {
      file: this.location.file.toString(),
      recovery: this.location.recovery.toString(),
      ...linkCheckedRoot(this.location),
      source: SHIPPED_FINGERPRINT,
      newId,
      now: () => new Date().toISOString(),
    });
    this.storeListener = this.store.onDidChange((e) => this.onStoreEvent(e));
    this.warnedCorrupt = false;
    // Watching and reading the file start just after activation: VS Code's first file watcher costs the
    // extension host 4–9 ms to set up, which activation need not wait for. The watcher comes first, so no
    // change made after the read is missed.
    const store = this.store;
    let started: vscode.Disposable | undefined;
    let cancelled = false;
    this.watcher = {
      dispose: () => {
        cancelled = true;
        started?.dispose();
      },
    };
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
      if (cancelled) return;
      started = this.watch(store);
      return store.load().then(
        () => undefined,
        (err: unknown) => this.reportError('read', err),
      );
    });
  }

  private watch(store: NoteStore): vscode.Disposable {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const pattern = folder
      ? new vscode.RelativePattern(folder, vscode.workspace.asRelativePath(this.location.file, false))
      : new vscode.RelativePattern(this.globalStorage, 'notes.json');
    const w = vscode.workspace.createFileSystemWatcher(pattern);
    const sync = () => void store.sync().catch((err: unknown) => this.reportError('read', err));
    return vscode.Disposable.from(w, w.onDidChange(sync), w.onDidCreate(sync), w.onDidDelete(sync));
  }

  private onStoreEvent(e: StoreEvent): void {
    this.log.info(
      `notes file ${this.location.label}: ${e.status.kind}, ${this.store.list().length} notes` +
        (e.recovered ? `, ${e.recovered} moved back from the recovery file` : '') +
        (e.conflicts.length ? `, ${e.conflicts.length} conflicts kept in both versions` : ''),
    );
    if (e.status.kind === 'corrupt') this.log.warn(`notes file ${this.location.label} cannot be read: ${e.status.error}`);
    this.reanchor();
    this.changed.fire();
    if (e.status.kind === 'corrupt') {
      if (!this.warnedCorrupt) {
        this.warnedCorrupt = true;
        const saving = e.status.recoveryError
          ? vscode.l10n.t(
              'New notes cannot be saved either: the recovery file {0} cannot be used ({1}).',
              this.recoveryLabel(),
              e.status.recoveryError,
            )
          : vscode.l10n.t('New notes are saved to {0} until the file is fixed, then moved back into it.', this.recoveryLabel());
        const message = vscode.l10n.t(
          'CND Summary: the notes file {0} cannot be read ({1}). It has been left untouched; notes cannot be edited, resolved or deleted until it is fixed. {2}',
          this.location.label,
          e.status.error,
          saving,
        );
        const open = vscode.l10n.t('Open File');
        void this.notify('error', message, open).then((choice) => {
          if (choice) void vscode.window.showTextDocument(this.location.file);
        });
      }
    } else this.warnedCorrupt = false;
    const recoveryError = e.status.kind === 'ok' ? e.status.recoveryError : undefined;
    if (recoveryError !== this.warnedRecovery) {
      this.warnedRecovery = recoveryError;
      if (recoveryError) {
        void this.notify(
          'warning',
          vscode.l10n.t(
            'CND Summary: the recovery file {0} next to {1} cannot be read ({2}), so the notes in it cannot be moved back. It has been left as it is: fix it, or remove it if you do not need it.',
            this.recoveryLabel(),
            this.location.label,
            recoveryError,
          ),
        );
      }
    }
    if (e.recovered) {
      void this.notify(
        'information',
        e.recovered === 1
          ? vscode.l10n.t('CND Summary: 1 note from {0} moved back into {1}.', this.recoveryLabel(), this.location.label)
          : vscode.l10n.t(
              'CND Summary: {0} notes from {1} moved back into {2}.',
              e.recovered,
              this.recoveryLabel(),
              this.location.label,
            ),
      );
    }
    for (const c of e.conflicts) {
      const p = this.store.get(c.id)?.target.paragraph;
      void this.notify('warning', conflictMessage(c.kind, p));
    }
  }

  private recoveryLabel(): string {
    return this.location.recovery.path.split('/').pop() ?? vscode.l10n.t('the recovery file');
  }

  private reportError(what: 'read' | 'write', err: unknown): void {
    this.log.error(`notes file ${this.location.label}: could not ${what}: ${messageOf(err)}`);
    const message =
      err instanceof NotesRefused
        ? vscode.l10n.t('CND Summary: {0}: {1}.', this.location.label, err.message)
        : what === 'read'
          ? vscode.l10n.t('CND Summary: could not read the notes file {0}: {1}', this.location.label, messageOf(err))
          : vscode.l10n.t('CND Summary: could not write the notes file {0}: {1}', this.location.label, messageOf(err));
    void this.notify('error', message);
    if (typeof err === 'object' && err !== null) this.reported.add(err);
  }

  /** Whether `err` was shown to the user already (by a failed add, edit or delete). */
  wasReported(err: unknown): boolean {
    return typeof err === 'object' && err !== null && this.reported.has(err);
  }

  /** Runs a change of the notes; a failure is shown to the user, then rethrown to the caller. */
  private async reporting<T>(change: Promise<T>): Promise<T> {
    try {
      return await change;
    } catch (err) {
      this.reportError('write', err);
      throw err;
    }
  }

  /** Recomputes where every note stands, and keeps the search index in step (one document per note). */
  private reanchor(): void {
    const paragraphs = this.summary.doc.paragraphs.map((p) => ({ number: p.number, text: p.text }));
    const next = new Map<string, Anchor>();
    const from = new Map<string, Note>();
    const seen = new Set<string>();
    const byParagraph = new Map<number, Note[]>();
    for (const n of this.store.list()) {
      const old = this.anchors.get(n.id);
      const unchanged = old !== undefined && this.anchoredFrom.get(n.id) === n;
      const a = unchanged ? old : anchorNote(n, paragraphs);
      next.set(n.id, a);
      from.set(n.id, n);
      const on = byParagraph.get(a.paragraph);
      if (on) on.push(n);
      else byParagraph.set(a.paragraph, [n]);
      seen.add(n.id);
      // Only new and changed notes touch the search index.
      if (!unchanged || !this.indexed.has(n.id)) {
        this.engine.upsert({ id: `n:${n.id}`, kind: 'note', number: a.paragraph, text: n.body, tags: n.tags.join(' ') });
        this.indexed.add(n.id);
      }
    }
    for (const id of [...this.indexed]) {
      if (!seen.has(id)) {
        this.engine.remove(`n:${id}`);
        this.indexed.delete(id);
      }
    }
    this.anchors = next;
    this.anchoredFrom = from;
    this.byParagraph = byParagraph;
  }

  get readOnly(): boolean {
    return this.store.readOnly;
  }

  get status(): NoteStore['status'] {
    return this.store.status;
  }

  list(): Note[] {
    return this.store.list();
  }

  get(id: string): Note | undefined {
    return this.store.get(id);
  }

  anchor(id: string): Anchor | undefined {
    return this.anchors.get(id);
  }

  /** Notes that stand on paragraph `n` now. */
  notesOn(n: number): Note[] {
    return this.byParagraph.get(n) ?? [];
  }

  cardNotes(n: number): CardNote[] {
    const text = this.summary.paragraph(n)?.text ?? '';
    return this.notesOn(n).map((note) => cardNoteOf(note, this.anchors.get(note.id), text));
  }

  /**
   * The drafter's name for a note typed in the editor: `cndSummary.notes.author`, or, when it is empty, asked
   * once (and saved in the user's settings). Notes are shared: a name tells colleagues who wrote them.
   */
  async askAuthor(): Promise<void> {
    if (this.settings.notesAuthor().trim() || this.askedAuthor) return;
    this.askedAuthor = true;
    const name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Your name on the notes you write'),
      prompt: vscode.l10n.t(
        'Shown to colleagues who read the notes file; saved in your settings (cndSummary.notes.author). Escape to leave notes unsigned.',
      ),
      ignoreFocusOut: true,
      validateInput: (v) => (v.length > 200 ? vscode.l10n.t('At most 200 characters.') : undefined),
    });
    if (name?.trim()) {
      await vscode.workspace
        .getConfiguration('cndSummary')
        .update('notes.author', name.trim(), vscode.ConfigurationTarget.Global);
    }
  }

  async add(target: NoteTarget, body: string): Promise<Note> {
    await this.ready;
    const note = await this.reporting(this.store.add({ target, body, author: this.settings.notesAuthor() }));
    if (this.store.readOnly) {
      void this.notify(
        'warning',
        vscode.l10n.t(
          'CND Summary: the notes file {0} cannot be read, so this note was saved to {1}; it moves into the notes file once that is fixed.',
          this.location.label,
          this.recoveryLabel(),
        ),
      );
    }
    return note;
  }

  async update(id: string, patch: { body?: string; resolved?: boolean }): Promise<Note> {
    await this.ready;
    return this.reporting(this.store.update(id, patch));
  }

  async remove(id: string): Promise<void> {
    await this.ready;
    return this.reporting(this.store.remove(id));
  }

  /** Re-reads the notes file now (the watcher does this by itself; tests and commands may ask). */
  sync(): Promise<StoreEvent> {
    return this.store.sync();
  }

  dispose(): void {
    this.watcher?.dispose();
    this.storeListener?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
