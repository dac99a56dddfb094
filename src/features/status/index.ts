import * as vscode from 'vscode';
import { findCitations } from '../../core/citations/grammar';
import { SOURCE } from '../drafts/diagnostics';
import { isDraft } from '../drafts/selector';
import { isReader, type Reader } from '../reader';
import type { Settings } from '../settings';

export interface StatusDeps {
  reader: Reader;
  settings: Settings;
}

/** Drafts over this size show no citation count (counting is linear, but the status bar updates often). */
const MAX_COUNTED_CHARS = 5_000_000;

/** What the status bar item shows for an editor: text, tooltip and click command; undefined hides it. */
export interface StatusView {
  text: string;
  tooltip: string;
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
    this.item.name = 'CND Summary';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor && isReader(e.textEditor.document)) this.update();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cndSummary')) this.update();
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
      return {
        text: `$(book) ¶ ${n}`,
        tooltip: `Chair’s summary, paragraph ${n}: show it in the Sessions view`,
        command: { title: 'Show in the Sessions View', command: 'cndSummary.revealInSessions', arguments: [n] },
      };
    }
    if (!isDraft(doc, this.deps.settings) || doc.getText().length > MAX_COUNTED_CHARS) return undefined;
    const citations = findCitations(doc.getText()).filter((c) => !c.external).length;
    const problems = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === SOURCE);
    const errors = problems.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const icon = errors > 0 ? '$(error)' : problems.length > 0 ? '$(warning)' : '$(check)';
    const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    return {
      text: `$(book) ${plural(citations, 'citation', 'citations')} ${icon} ${problems.length}`,
      tooltip: `${plural(citations, 'citation', 'citations')} of the Chair’s summary in this draft; ${problems.length === 0 ? 'no problems found' : `${plural(problems.length, 'problem', 'problems')} found (${plural(errors, 'error', 'errors')})`}. Click to show the Problems panel.`,
      command: { title: 'Show Problems', command: 'workbench.actions.view.problems' },
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
    this.item.accessibilityInformation = { label: v.tooltip.replace(/ Click.*$/, '') };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    this.item.dispose();
  }
}

export function registerStatus(context: vscode.ExtensionContext, deps: StatusDeps): SummaryStatus {
  const status = new SummaryStatus(deps);
  context.subscriptions.push(status);
  return status;
}
