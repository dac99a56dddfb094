import * as vscode from 'vscode';
import { type Log, messageOf } from '../log';
import { visitCitedPlaces } from '../../core/citations/places';
import type { Summary } from '../../core/summary/summary';
import { isReader, type Reader } from '../reader';
import type { Settings } from '../settings';
import { isDraft } from './selector';

/** File name endings of the draft languages, for drafts that are not open. */
const EXTENSIONS: Record<string, string[]> = {
  markdown: ['.md', '.markdown', '.mdown', '.mkd'],
  plaintext: ['.txt'],
};
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 5_000_000;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

interface Cite {
  paragraph: number;
  range: vscode.Range;
}

/** The sessions view's tooltip: how often, and in how many drafts, a paragraph is cited (singular and plural each). */
function citedTooltip(cites: number, drafts: number): string {
  if (cites === 1) return vscode.l10n.t('Cited once in 1 draft of this workspace.');
  return drafts === 1
    ? vscode.l10n.t('Cited {0} times in 1 draft of this workspace.', cites)
    : vscode.l10n.t('Cited {0} times in {1} drafts of this workspace.', cites, drafts);
}

/** Where every citation of the summary in the workspace's drafts stands: open drafts and draft files on disk. */
export function citesIn(text: string, summary: Summary): Cite[] {
  const out: Cite[] = [];
  visitCitedPlaces(
    text,
    (n) => summary.has(n),
    (startLine, startCharacter, endLine, endCharacter, paragraphs) => {
      const range = new vscode.Range(startLine, startCharacter, endLine, endCharacter);
      for (const paragraph of paragraphs) out.push({ paragraph, range });
    },
  );
  return out;
}

/**
 * An index of the citations in the workspace's drafts, kept up to date from open editors and a file
 * watcher: powers "Find All References" from the reader and the citation counts in the sessions view.
 */
export class WorkspaceCitations implements vscode.Disposable, vscode.ReferenceProvider {
  private readonly files = new Map<string, { uri: vscode.Uri; cites: Cite[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private countCache: Map<number, { cites: number; drafts: number }> | undefined;
  /** Resolves when the first scan of the workspace is done. */
  readonly ready: Promise<void>;
  private disposed = false;

  constructor(
    private readonly summary: Summary,
    private readonly reader: Reader,
    private readonly settings: Settings,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((doc) => this.fromDocument(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.later(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => void this.readFile(doc.uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
    // Watching and scanning start just after activation: VS Code's first file watcher costs the extension
    // host several ms to set up, which activation need not wait for. The watcher comes first, so no change
    // made during the scan is missed.
    this.ready = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
      if (this.disposed) return;
      const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,mdown,mkd,txt}');
      this.disposables.push(
        watcher,
        watcher.onDidCreate((uri) => void this.readFile(uri)),
        watcher.onDidChange((uri) => void this.readFile(uri)),
        watcher.onDidDelete((uri) => this.drop(uri)),
      );
      return this.scan();
    });
  }

  private draftByName(uri: vscode.Uri): boolean {
    const name = uri.path.toLowerCase();
    return this.settings.draftLanguages().some((lang) => (EXTENSIONS[lang] ?? []).some((ext) => name.endsWith(ext)));
  }

  private set(uri: vscode.Uri, cites: Cite[]): void {
    const key = uri.toString();
    const before = this.files.get(key);
    if (cites.length === 0 && !before) return;
    if (cites.length === 0) this.files.delete(key);
    else this.files.set(key, { uri, cites });
    this.countCache = undefined;
    this.changed.fire();
  }

  private drop(uri: vscode.Uri): void {
    if (!this.files.delete(uri.toString())) return;
    this.countCache = undefined;
    this.changed.fire();
  }

  private fromDocument(doc: vscode.TextDocument): void {
    if (isReader(doc) || !isDraft(doc, this.settings)) return;
    this.set(doc.uri, citesIn(doc.getText(), this.summary));
  }

  private later(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.fromDocument(doc);
      }, 400),
    );
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && !open.isClosed) {
      this.fromDocument(open);
      return;
    }
    if (!this.draftByName(uri)) return;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_FILE_BYTES) {
        this.log.info(
          `citations index: skipped ${vscode.workspace.asRelativePath(uri)} (${(stat.size / 1e6).toFixed(1)} MB, over ${MAX_FILE_BYTES / 1e6} MB)`,
        );
        return;
      }
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      this.set(uri, citesIn(text, this.summary));
    } catch (e) {
      this.log.warn(`citations index: could not read ${vscode.workspace.asRelativePath(uri)}: ${messageOf(e)}`);
      this.drop(uri);
    }
  }

  /** Walks the workspace folders for draft files (skipping dot folders and build output). */
  async scan(): Promise<void> {
    let budget = MAX_FILES;
    const walk = async (dir: vscode.Uri, depth: number): Promise<void> => {
      if (depth > 12 || budget <= 0) return;
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(dir);
      } catch (e) {
        this.log.warn(`citations index: could not list ${vscode.workspace.asRelativePath(dir)}: ${messageOf(e)}`);
        return;
      }
      for (const [name, type] of entries) {
        if (budget <= 0) return;
        const child = vscode.Uri.joinPath(dir, name);
        if (type & vscode.FileType.Directory) {
          if (!name.startsWith('.') && !SKIP_DIRS.has(name)) await walk(child, depth + 1);
        } else if (this.draftByName(child)) {
          budget--;
          await this.readFile(child);
        }
      }
    };
    for (const folder of vscode.workspace.workspaceFolders ?? []) await walk(folder.uri, 0);
    for (const doc of vscode.workspace.textDocuments) this.fromDocument(doc);
  }

  /** How many citations of each paragraph the workspace's drafts hold. */
  counts(): Map<number, { cites: number; drafts: number }> {
    if (this.countCache) return this.countCache;
    const out = new Map<number, { cites: number; drafts: number }>();
    this.countCache = out;
    for (const { cites } of this.files.values()) {
      const seen = new Set<number>();
      for (const c of cites) {
        const e = out.get(c.paragraph) ?? { cites: 0, drafts: 0 };
        e.cites++;
        if (!seen.has(c.paragraph)) {
          e.drafts++;
          seen.add(c.paragraph);
        }
        out.set(c.paragraph, e);
      }
    }
    return out;
  }

  /** The sessions view's badge for a paragraph: how often the team's drafts cite it. */
  badge(n: number): { description: string; tooltip: string } | undefined {
    const c = this.counts().get(n);
    if (!c) return undefined;
    return {
      description: vscode.l10n.t('cited {0}×', c.cites),
      tooltip: citedTooltip(c.cites, c.drafts),
    };
  }

  locations(n: number): vscode.Location[] {
    const out: vscode.Location[] = [];
    for (const { uri, cites } of this.files.values()) {
      for (const c of cites) if (c.paragraph === n) out.push(new vscode.Location(uri, c.range));
    }
    return out;
  }

  async provideReferences(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Location[] | undefined> {
    if (!isReader(doc)) return undefined;
    const n = this.reader.layout.paragraphAt(pos.line);
    if (n === undefined) return undefined;
    await this.ready;
    return this.locations(n);
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
