import * as vscode from 'vscode';

/** Set once the Notes view has been opened for the notes: from then on the user's own choice stands. */
export const NOTES_VIEW_OPENED_KEY = 'cndSummary.notesViewOpenedForNotes';

export interface NotesViewDeps {
  /** How many notes there are now. */
  count(): number;
  onDidChangeNotes: vscode.Event<unknown>;
  /** The Sessions view: visible when the CND Summary side bar is shown. */
  sessionsView: vscode.TreeView<unknown>;
  /** Where the extension remembers that it opened the Notes view (global state: once per machine). */
  state: vscode.Memento;
}

/**
 * The Notes view starts collapsed while there are no notes (package.json `visibility`). The first time
 * there are notes while the CND Summary side bar is shown — the first note added, or the team's notes file
 * arriving with the workspace — the view is expanded, without taking the focus, once: after that it stays
 * as the user leaves it (VS Code remembers that).
 */
export function openNotesViewForFirstNotes(deps: NotesViewDeps): vscode.Disposable {
  const { sessionsView, state } = deps;
  const openIfDue = () => {
    if (state.get<boolean>(NOTES_VIEW_OPENED_KEY) || !sessionsView.visible || deps.count() === 0) return;
    void state.update(NOTES_VIEW_OPENED_KEY, true);
    void vscode.commands.executeCommand('cndSummary.notes.focus', { preserveFocus: true });
  };
  const subscriptions = [deps.onDidChangeNotes(openIfDue), sessionsView.onDidChangeVisibility(openIfDue)];
  openIfDue();
  return vscode.Disposable.from(...subscriptions);
}
