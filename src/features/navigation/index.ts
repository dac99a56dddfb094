import * as vscode from 'vscode';
import type { Summary } from '../../core/summary/summary';
import type { Reader } from '../reader';
import type { Settings } from '../settings';
import { copyCitation, copyQuotation, goToParagraph, openParagraph, openSummary, revealInSessions } from './commands';
import { OrganizationsTree } from './organizationsTree';
import { SessionsReveal } from './reveal';
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
  const reveal = new SessionsReveal(sessions, sessionsView, reader);
  context.subscriptions.push(
    sessions,
    organizations,
    sessionsView,
    organizationsView,
    vscode.window.registerFileDecorationProvider(new ParagraphNumbers(summary)),
    vscode.commands.registerCommand('cndSummary.openSummary', () => openSummary(reader)),
    vscode.commands.registerCommand('cndSummary.goToParagraph', (arg?: unknown) => goToParagraph(deps, arg)),
    vscode.commands.registerCommand('cndSummary.openParagraph', (arg?: unknown) => openParagraph(deps, arg)),
    vscode.commands.registerCommand('cndSummary.copyCitation', (arg?: unknown) => copyCitation(deps, arg)),
    vscode.commands.registerCommand('cndSummary.copyQuotation', () => copyQuotation(deps)),
    vscode.commands.registerCommand('cndSummary.revealInSessions', (arg?: unknown) => revealInSessions(deps, reveal, arg)),
    vscode.window.onDidChangeTextEditorSelection((e) => reveal.follow(e)),
    reveal,
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
