import * as vscode from 'vscode';
import { formatCitation, formatQuotation } from '../../core/citations/format';
import { citationAt, findCitations, numberAt } from '../../core/citations/grammar';
import type { Summary } from '../../core/summary/summary';
import { askParagraph, checkParagraphArg, paragraphOf } from '../prompts';
import { isReader, type Reader } from '../reader';
import type { Settings } from '../settings';
import { OrganizationsTree } from './organizationsTree';
import { type OutlineNode, type ParagraphBadges, ParagraphNumbers, SessionsTree } from './sessionsTree';

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
  settings: Settings;
  badges: ParagraphBadges;
}

/** Resolves with true when `event` fires and `test` holds (or holds already), with false after `ms`. */
function until<T>(event: vscode.Event<T>, test: () => boolean, ms: number): Promise<boolean> {
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

/** The paragraph a draft cites where its cursor is: the number under it, else the citation's first paragraph. */
function citedAtCursor(editor: vscode.TextEditor): number | undefined {
  const pos = editor.selection.active;
  const citation = citationAt(findCitations(editor.document.lineAt(pos.line).text), pos.character);
  if (!citation || citation.external) return undefined;
  return numberAt(citation, pos.character)?.value ?? citation.paragraphs[0];
}

/** The sessions and organizations views, the reader commands, and reader ↔ tree sync. */
export function registerNavigation(context: vscode.ExtensionContext, deps: NavigationDeps): Navigation {
  const { summary, reader } = deps;
  const sessions = new SessionsTree(summary, deps.badges);
  const organizations = new OrganizationsTree(summary, deps.badges);
  const sessionsView = vscode.window.createTreeView('cndSummary.sessions', { treeDataProvider: sessions, showCollapseAll: true });
  const organizationsView = vscode.window.createTreeView('cndSummary.organizations', {
    treeDataProvider: organizations,
    showCollapseAll: true,
  });

  const goToParagraph = async (arg?: unknown): Promise<number | undefined> => {
    let n: number | undefined;
    if (typeof arg === 'number' || typeof arg === 'string') n = checkParagraphArg(summary, arg);
    else {
      // Proposed: the paragraph under the reader's cursor, or the one cited under a draft's cursor.
      const editor = vscode.window.activeTextEditor;
      const current = editor && (reader.paragraphAt(editor) ?? citedAtCursor(editor));
      n = await askParagraph(summary, 'Go to Paragraph of the Chair’s Summary', current ? String(current) : '');
    }
    if (n === undefined) return undefined;
    await reader.show(n);
    return n;
  };

  /**
   * Selects a node in the Sessions view, and reveals it again if the selection does not follow within
   * 1.5 s: a reveal sent while the view is still being created is lost (seen in code-server, cold).
   * Only the latest request is retried (the cursor may have moved on meanwhile).
   */
  let revealRequest = 0;
  const revealNode = async (node: OutlineNode, focus: boolean): Promise<void> => {
    const request = ++revealRequest;
    const options = { select: true, focus, expand: true };
    const selection = until(sessionsView.onDidChangeSelection, () => sessionsView.selection[0] === node, 1500);
    await sessionsView.reveal(node, options);
    if (!(await selection) && request === revealRequest) await sessionsView.reveal(node, options);
  };

  /** The paragraph a command is about: its argument (a number or a view item), else the reader's cursor. */
  const targetParagraph = async (arg: unknown, title: string): Promise<number | undefined> => {
    const given = paragraphOf(arg);
    if (given !== undefined) return checkParagraphArg(summary, given);
    const editor = vscode.window.activeTextEditor;
    const current = editor && reader.paragraphAt(editor);
    return current ?? askParagraph(summary, title);
  };

  const copyCitation = async (arg?: unknown): Promise<string | undefined> => {
    // Several paragraphs selected in the reader: one citation of them all (`paras. 24–26`).
    const editor = vscode.window.activeTextEditor;
    const selected = arg === undefined && editor ? reader.selection(editor).paragraphs : [];
    let numbers = selected.length > 1 ? selected : [];
    if (numbers.length === 0) {
      const n = await targetParagraph(arg, 'Copy the Citation of a Paragraph');
      if (n === undefined) return undefined;
      numbers = [n];
    }
    const text = formatCitation(numbers, deps.settings.citationFormat());
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied “${text}”`, 3000);
    return text;
  };

  /**
   * Copies the words selected in the reader as a quotation with its citation — `“…” (para. 24)` — ready to
   * paste into a draft (where the quotation check then finds them in the paragraph).
   */
  const copyQuotation = async (): Promise<string | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const selected = editor && reader.selection(editor);
    if (!selected?.passage || selected.paragraph === undefined) {
      void vscode.window.showInformationMessage(
        selected?.acrossParagraphs
          ? 'A quotation is taken from one paragraph: select words within a single paragraph of the reader.'
          : 'Select words of a paragraph in the reader, then copy them as a quotation with its citation.',
      );
      return undefined;
    }
    const words = summary.paragraph(selected.paragraph)?.text.slice(selected.passage.start, selected.passage.end) ?? '';
    if (!/[\p{L}\p{N}]/u.test(words)) {
      void vscode.window.showInformationMessage('The selection has no words to quote.');
      return undefined;
    }
    const text = formatQuotation(words, [selected.paragraph], deps.settings.citationFormat());
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`, 3000);
    return text;
  };

  /** Shows a paragraph in the Sessions view (the status bar item in the reader runs this). */
  const revealInSessions = async (arg?: unknown): Promise<number | undefined> => {
    const n = await targetParagraph(arg, 'Show a Paragraph in the Sessions View');
    const node = n === undefined ? undefined : sessions.paragraphNode(n);
    if (!node) return undefined;
    // Open the view first and wait until it is shown.
    if (!sessionsView.visible) {
      const shown = until(sessionsView.onDidChangeVisibility, () => sessionsView.visible, 3000);
      await vscode.commands.executeCommand('cndSummary.sessions.focus');
      await shown;
    }
    await revealNode(node, true);
    return n;
  };

  let syncing: ReturnType<typeof setTimeout> | undefined;
  const syncTree = (editor: vscode.TextEditor) => {
    if (!isReader(editor.document) || !sessionsView.visible) return;
    const n = reader.paragraphAt(editor);
    const node = n === undefined ? undefined : sessions.paragraphNode(n);
    if (!node) return;
    if (sessionsView.selection[0] === node) return;
    void revealNode(node, false).then(undefined, () => undefined);
  };

  context.subscriptions.push(
    sessions,
    organizations,
    sessionsView,
    organizationsView,
    vscode.window.registerFileDecorationProvider(new ParagraphNumbers(summary)),
    vscode.commands.registerCommand('cndSummary.openSummary', async () => {
      await reader.show();
    }),
    vscode.commands.registerCommand('cndSummary.goToParagraph', goToParagraph),
    vscode.commands.registerCommand('cndSummary.openParagraph', (arg?: unknown) => goToParagraph(paragraphOf(arg))),
    vscode.commands.registerCommand('cndSummary.copyCitation', copyCitation),
    vscode.commands.registerCommand('cndSummary.copyQuotation', copyQuotation),
    vscode.commands.registerCommand('cndSummary.revealInSessions', revealInSessions),
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
