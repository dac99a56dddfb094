import * as vscode from 'vscode';
import type { DraftChecker } from '../drafts/diagnostics';
import { isReader, type Reader } from '../reader';
import { draftStatus } from './draftStatus';

export interface StatusDeps {
  reader: Reader;
  /** Its last check of each draft gives the counts: the status bar scans nothing itself. */
  checker: DraftChecker;
}

/**
 * What the status bar item shows for an editor: text, tooltip and click command, and what a screen reader
 * says (the tooltip, without what a click does); undefined hides it.
 */
export interface StatusView {
  text: string;
  tooltip: string;
  label: string;
  command: vscode.Command;
}

/**
 * One status bar item: in a draft, its citations of the summary and the problems found in them (click:
 * the Problems panel); in the reader, the paragraph under the cursor (click: that paragraph in the
 * Sessions view).
 */
export class SummaryStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('cndSummary.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: StatusDeps) {
    this.item.name = vscode.l10n.t('CND Summary');
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor && isReader(e.textEditor.document)) this.update();
      }),
      this.deps.checker.onDidCheck((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    );
    this.update();
  }

  /** What the item shows now (tests read this). */
  view(editor = vscode.window.activeTextEditor): StatusView | undefined {
    if (!editor) return undefined;
    const doc = editor.document;
    if (isReader(doc)) {
      const n = this.deps.reader.paragraphAt(editor);
      if (n === undefined) return undefined;
      const tooltip = vscode.l10n.t('Chair’s summary, paragraph {0}: show it in the Sessions view', n);
      return {
        text: `$(book) ¶ ${n}`,
        tooltip,
        label: tooltip,
        command: {
          title: vscode.l10n.t('Show in the Sessions View'),
          command: 'cndSummary.revealInSessions',
          arguments: [n],
        },
      };
    }
    const check = this.deps.checker.lastCheck(doc.uri);
    if (check?.citations === undefined) return undefined;
    const { text, tooltip, label } = draftStatus(check.citations, check.problems);
    return {
      text,
      tooltip,
      label,
      command: { title: vscode.l10n.t('Show Problems'), command: 'workbench.actions.view.problems' },
    };
  }

  update(): void {
    const v = this.view();
    if (!v) {
      this.item.hide();
      return;
    }
    this.item.text = v.text;
    this.item.tooltip = v.tooltip;
    this.item.command = v.command;
    this.item.accessibilityInformation = { label: v.label };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}
