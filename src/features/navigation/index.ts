import * as vscode from 'vscode';
import type { Summary } from '../../core/summary';
import { askParagraph, checkParagraphArg } from '../prompts';
import { isReader, type Reader } from '../reader';
import { OrganizationsTree } from './organizationsTree';
import { type OutlineNode, type ParagraphBadges, SessionsTree } from './sessionsTree';

export interface Navigation {
  sessions: SessionsTree;
  organizations: OrganizationsTree;
  sessionsView: vscode.TreeView<OutlineNode>;
  /** Re-renders paragraph badges (citation and note counts). */
  refresh(): void;
}

export interface NavigationDeps {
  summary: Summary;
  reader: Reader;
  badges: ParagraphBadges;
}

/** The sessions and organizations views, the reader commands, and reader ↔ tree sync. */
export function registerNavigation(context: vscode.ExtensionContext, deps: NavigationDeps): Navigation {
  const { summary, reader } = deps;
  const sessions = new SessionsTree(summary, deps.badges);
  const organizations = new OrganizationsTree(summary, deps.badges);
  const sessionsView = vscode.window.createTreeView('cndSummary.sessions', { treeDataProvider: sessions, showCollapseAll: true });
  const organizationsView = vscode.window.createTreeView('cndSummary.organizations', { treeDataProvider: organizations, showCollapseAll: true });

  const goToParagraph = async (arg?: unknown): Promise<number | undefined> => {
    let n: number | undefined;
    if (typeof arg === 'number' || typeof arg === 'string') n = checkParagraphArg(summary, arg);
    else {
      const current = vscode.window.activeTextEditor && reader.paragraphAt(vscode.window.activeTextEditor);
      n = await askParagraph(summary, 'Go to Paragraph of the Chair’s Summary', current ? String(current) : '');
    }
    if (n === undefined) return undefined;
    await reader.show(n);
    return n;
  };

  let syncing: ReturnType<typeof setTimeout> | undefined;
  const syncTree = (editor: vscode.TextEditor) => {
    if (!isReader(editor.document) || !sessionsView.visible) return;
    const n = reader.paragraphAt(editor);
    const node = n === undefined ? undefined : sessions.paragraphNode(n);
    if (!node) return;
    if (sessionsView.selection[0] === node) return;
    void sessionsView.reveal(node, { select: true, focus: false, expand: true }).then(undefined, () => undefined);
  };

  context.subscriptions.push(
    sessions,
    organizations,
    sessionsView,
    organizationsView,
    vscode.commands.registerCommand('cndSummary.openSummary', async () => {
      await reader.show();
    }),
    vscode.commands.registerCommand('cndSummary.goToParagraph', goToParagraph),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (!isReader(e.textEditor.document)) return;
      if (syncing) clearTimeout(syncing);
      syncing = setTimeout(() => syncTree(e.textEditor), 80);
    }),
    { dispose: () => syncing && clearTimeout(syncing) },
  );

  return {
    sessions,
    organizations,
    sessionsView,
    refresh: () => {
      sessions.refresh();
      organizations.refresh();
    },
  };
}
