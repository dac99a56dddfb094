import * as vscode from 'vscode';
import { type Log, messageOf } from '../log';
import type { KeepRequest } from '../../core/support/checks';
import {
  KEPT_FILE,
  KeptCitations,
  type KeptEntry,
  type KeptFile,
  parseKeptFile,
  serializeKeptFile,
  withKept,
  withoutKept,
} from '../../core/support/kept';
import type { Settings } from '../settings';

/**
 * The workspace's kept citations (`.cnd/kept-citations.json`, beside the notes): read at start, read again
 * when the file changes (a `git pull`, a colleague's edit), and written when the drafter keeps a citation or
 * asks for it to be checked again. Each write reads the file first, so another window's entries are kept.
 * An invalid file is never overwritten; a file or folder that is a symbolic link is never written through.
 */
export class KeptCitationsStore implements vscode.Disposable {
  private kept = new KeptCitations();
  private problem: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when the kept citations change (the checks read `version`). */
  readonly onDidChange = this.changed.event;
  /** Grows with every change: the draft checks start again when it moves. */
  version = 0;

  constructor(
    private readonly settings: Settings,
    private readonly count: () => number,
    private readonly storage: vscode.Uri | undefined,
    private readonly log: Log,
  ) {}

  /** Where the file is: in the first workspace folder, or (no folder open) in the extension's own storage. */
  get uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) return vscode.Uri.joinPath(folder.uri, KEPT_FILE);
    return this.storage ? vscode.Uri.joinPath(this.storage, 'kept-citations.json') : undefined;
  }

  /** Starts watching and reads the file (just after activation: not on its path). */
  start(): void {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, KEPT_FILE));
      this.disposables.push(
        watcher,
        watcher.onDidChange(() => void this.load()),
        watcher.onDidCreate(() => void this.load()),
        watcher.onDidDelete(() => void this.load()),
      );
    }
    void this.load();
  }

  current(): KeptCitations {
    return this.kept;
  }

  /** Why the file could not be read, if it could not. */
  get error(): string | undefined {
    return this.problem;
  }

  private async read(): Promise<{ file: KeptFile } | { error: string }> {
    const uri = this.uri;
    if (!uri) return { file: { version: 1, kept: [] } };
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { file: { version: 1, kept: [] } };
      return { error: vscode.l10n.t('it could not be read ({0})', messageOf(e)) };
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (e) {
      this.log.warn(`${KEPT_FILE}: not valid UTF-8 (${messageOf(e)})`);
      return { error: vscode.l10n.t('it is not valid UTF-8 text') };
    }
    const parsed = parseKeptFile(text, this.count());
    return parsed.ok ? { file: parsed.file } : { error: parsed.error };
  }

  async load(): Promise<void> {
    const r = await this.read();
    if ('error' in r) {
      this.log.warn(`${KEPT_FILE} is not used: ${r.error}`);
      if (this.problem !== r.error) {
        this.problem = r.error;
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            'The kept citations file {0} is not used: {1}. Fix it, or delete it to start again; it is never overwritten.',
            KEPT_FILE,
            r.error,
          ),
        );
      }
      return;
    }
    this.problem = undefined;
    this.kept = new KeptCitations(r.file.kept);
    this.log.info(`${KEPT_FILE}: ${r.file.kept.length} kept citations read`);
    this.version++;
    this.changed.fire();
  }

  /** Records that the drafter keeps a citation as it is. Returns a message when it could not. */
  async keep(request: KeepRequest): Promise<string | undefined> {
    const by = this.settings.notesAuthor().trim();
    const entry: KeptEntry = {
      sentence: request.sentence,
      paragraphs: request.paragraphs,
      check: request.check,
      ...(by ? { by } : {}),
      at: new Date().toISOString(),
    };
    return this.update((file) => withKept(file, entry));
  }

  /** Checks a kept citation again (removes its entry). */
  async unkeep(sentence: string, paragraphs: readonly number[]): Promise<string | undefined> {
    return this.update((file) => withoutKept(file, sentence, paragraphs));
  }

  private async update(change: (file: KeptFile) => KeptFile): Promise<string | undefined> {
    const uri = this.uri;
    if (!uri) return vscode.l10n.t('Open a folder to keep citations: they are recorded in the workspace.');
    const r = await this.read();
    if ('error' in r)
      return vscode.l10n.t('The kept citations file {0} is not used ({1}); nothing was changed.', KEPT_FILE, r.error);
    const link = await symbolicLinkOnPath(uri);
    if (link)
      return vscode.l10n.t(
        '{0} was not written: {1} is a symbolic link, and the extension never writes through one.',
        KEPT_FILE,
        link,
      );
    const next = change(r.file);
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeKeptFile(next)));
    } catch (e) {
      this.log.error(`${KEPT_FILE} could not be written: ${messageOf(e)}`);
      return vscode.l10n.t('{0} could not be written: {1}', KEPT_FILE, messageOf(e));
    }
    this.log.info(`${KEPT_FILE}: written (${next.kept.length} kept citations)`);
    this.problem = undefined;
    this.kept = new KeptCitations(next.kept);
    this.version++;
    this.changed.fire();
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The first of the file and its folder that is a symbolic link, by name; undefined when neither is. */
async function symbolicLinkOnPath(uri: vscode.Uri): Promise<string | undefined> {
  for (const target of [vscode.Uri.joinPath(uri, '..'), uri]) {
    try {
      const stat = await vscode.workspace.fs.stat(target);
      if (stat.type & vscode.FileType.SymbolicLink) return target.path.split('/').pop() ?? target.path;
    } catch (e) {
      // Does not exist yet: nothing to follow. Anything else is the caller's to report.
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) throw e;
    }
  }
  return undefined;
}

/** Whether a command argument is a request the extension made (the shape `keep` fixes carry). */
export function isKeepRequest(value: unknown, count: number): value is KeepRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.sentence === 'string' &&
    v.sentence.length > 0 &&
    v.sentence.length <= 4000 &&
    Array.isArray(v.paragraphs) &&
    v.paragraphs.length <= count &&
    v.paragraphs.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= count) &&
    typeof v.check === 'string' &&
    ['citation-support', 'attribution', 'figure', 'uncited-restatement'].includes(v.check)
  );
}
