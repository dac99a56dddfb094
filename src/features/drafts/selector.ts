import * as vscode from 'vscode';
import type { Settings } from '../settings';

/** Documents in which citations are recognised: the draft languages, on any scheme but the reader's. */
export function draftSelector(settings: Settings): vscode.DocumentSelector {
  return settings.draftLanguages().map((language) => ({ language }));
}

export function isDraft(doc: vscode.TextDocument, settings: Settings): boolean {
  return doc.uri.scheme !== 'cnd-summary' && settings.draftLanguages().includes(doc.languageId);
}

/**
 * Registers providers for the draft languages, and registers them again when the setting changes.
 * Returns one disposable for all of it.
 */
export function registerForDrafts(
  settings: Settings,
  register: (selector: vscode.DocumentSelector) => vscode.Disposable[],
): vscode.Disposable {
  let current = register(draftSelector(settings));
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('cndSummary.draftLanguages')) return;
    for (const d of current) d.dispose();
    current = register(draftSelector(settings));
  });
  return {
    dispose: () => {
      listener.dispose();
      for (const d of current) d.dispose();
    },
  };
}
