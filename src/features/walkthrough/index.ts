import * as vscode from 'vscode';
import SAMPLE_DRAFT from '../../../samples/statement-plenary.md';

/**
 * `cndSummary.openSampleDraft`: a sample statement, as a new untitled Markdown document, so that the
 * walkthrough's hover and citation steps work without a workspace (vscode.dev, an empty window).
 */
export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('cndSummary.openSampleDraft', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: SAMPLE_DRAFT });
      return vscode.window.showTextDocument(doc);
    }),
  );
}
