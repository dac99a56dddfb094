import * as vscode from 'vscode';
import { isReader, type Reader } from '../reader';
import type { OutlineNode, SessionsTree } from './sessionsTree';

/** Resolves with true when `event` fires and `test` holds (or holds already), with false after `ms`. */
export function until<T>(event: vscode.Event<T>, test: () => boolean, ms: number): Promise<boolean> {
  if (test()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (ok: boolean) => {
      listener.dispose();
      clearTimeout(timer);
      resolve(ok);
    };
    const listener = event(() => test() && finish(true));
    const timer = setTimeout(() => finish(test()), ms);
  });
}

/**
 * Paragraphs shown in the Sessions view: on request (`show`), and following the reader's cursor while the
 * view is visible (`follow`, on each selection change of the reader).
 */
export class SessionsReveal implements vscode.Disposable {
  private request = 0;
  private syncing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly sessions: SessionsTree,
    private readonly view: vscode.TreeView<OutlineNode>,
    private readonly reader: Reader,
  ) {}

  /** Shows paragraph `n` in the Sessions view, opening the view first; false when it has no such paragraph. */
  async show(n: number): Promise<boolean> {
    const node = this.sessions.paragraphNode(n);
    if (!node) return false;
    // Open the view first and wait until it is shown.
    if (!this.view.visible) {
      const shown = until(this.view.onDidChangeVisibility, () => this.view.visible, 3000);
      await vscode.commands.executeCommand('cndSummary.sessions.focus');
      await shown;
    }
    await this.revealNode(node, true);
    return true;
  }

  /** The reader's cursor moved: its paragraph is selected in the view, once the cursor rests. */
  follow(e: vscode.TextEditorSelectionChangeEvent): void {
    if (!isReader(e.textEditor.document)) return;
    if (this.syncing) clearTimeout(this.syncing);
    this.syncing = setTimeout(() => this.syncTree(e.textEditor), 80);
  }

  private syncTree(editor: vscode.TextEditor): void {
    if (!isReader(editor.document) || !this.view.visible) return;
    const n = this.reader.paragraphAt(editor);
    const node = n === undefined ? undefined : this.sessions.paragraphNode(n);
    if (!node) return;
    if (this.view.selection[0] === node) return;
    void this.revealNode(node, false).then(undefined, () => undefined);
  }

  /**
   * Selects a node in the Sessions view, and reveals it again if the selection does not follow within
   * 1.5 s: a reveal sent while the view is still being created is lost (seen in code-server, cold).
   * Only the latest request is retried (the cursor may have moved on meanwhile).
   */
  private async revealNode(node: OutlineNode, focus: boolean): Promise<void> {
    const request = ++this.request;
    const options = { select: true, focus, expand: true };
    const selection = until(this.view.onDidChangeSelection, () => this.view.selection[0] === node, 1500);
    await this.view.reveal(node, options);
    if (!(await selection) && request === this.request) await this.view.reveal(node, options);
  }

  dispose(): void {
    if (this.syncing) clearTimeout(this.syncing);
  }
}
