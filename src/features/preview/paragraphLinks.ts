import * as vscode from 'vscode';
import { type Log, messageOf } from '../log';
import type { Summary } from '../../core/summary/summary';
import { PARAGRAPH_URI_SCHEME, paragraphOfUri, type Reader } from '../reader';

/**
 * Opens the reader for a citation clicked in the Markdown preview in VS Code for the Web.
 *
 * There the preview's webview follows only http(s) and mailto links (the desktop also lets through the
 * product's own links, which reach the extension's URI handler), and a script added to the preview cannot
 * talk to an extension: the preview keeps its one channel to itself, by design (microsoft/vscode#122961).
 * What the preview does with a link that does not look like a web address is hand it to the Markdown
 * extension, which opens it with `vscode.open`. `cnd-summary.paragraph:/24` is such a link (its scheme has
 * a dot), so VS Code opens it as a document: this class provides that document — one line — and, as soon
 * as its tab appears, closes the tab and shows paragraph 24 in the reader instead.
 */
export class ParagraphLinkOpener implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  /** The links being replaced (a tab is reported opened, then changed: it is replaced once). */
  private readonly replacing = new Set<string>();

  constructor(
    private readonly summary: Summary,
    private readonly reader: Reader,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(PARAGRAPH_URI_SCHEME, this),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of [...e.opened, ...e.changed]) void this.replace(tab);
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const n = this.paragraphOf(uri);
    return n === undefined
      ? vscode.l10n.t('This link does not name a paragraph of the Chair’s summary.')
      : vscode.l10n.t('Opening ¶ {0} in the reader…', n);
  }

  private paragraphOf(uri: vscode.Uri): number | undefined {
    const n = paragraphOfUri(uri);
    return n !== undefined && this.summary.has(n) ? n : undefined;
  }

  /** A tab of a paragraph link: closed, and the paragraph shown in the reader. */
  private async replace(tab: vscode.Tab): Promise<void> {
    if (!(tab.input instanceof vscode.TabInputText) || tab.input.uri.scheme !== PARAGRAPH_URI_SCHEME) return;
    const key = tab.input.uri.toString();
    if (this.replacing.has(key)) return;
    this.replacing.add(key);
    try {
      await this.closeAndShow(tab, this.paragraphOf(tab.input.uri));
    } catch (e) {
      this.log.error(`could not open the paragraph of ${key} in the reader: ${messageOf(e)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'CND Summary: could not open the paragraph of {0} in the reader: {1}',
          key,
          e instanceof Error ? e.message : String(e),
        ),
      );
    } finally {
      this.replacing.delete(key);
    }
  }

  private async closeAndShow(tab: vscode.Tab, n: number | undefined): Promise<void> {
    await vscode.window.tabGroups.close(tab);
    if (n === undefined) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('This link does not name a paragraph of the Chair’s summary (1–{0}).', this.summary.count),
      );
      return;
    }
    await this.reader.show(n);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
