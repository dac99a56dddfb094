import * as vscode from 'vscode';
import { loadBundledSummary } from './core/bundled';
import { ReaderLayout } from './core/render';
import { registerNavigation } from './features/navigation';
import { registerReader } from './features/reader';

/** What the extension returns from `activate`: used by its integration tests and by other extensions. */
export interface CndSummaryApi {
  summary: ReturnType<typeof loadBundledSummary>;
  navigation: ReturnType<typeof registerNavigation>;
}

export function activate(context: vscode.ExtensionContext): CndSummaryApi {
  const summary = loadBundledSummary();
  const reader = registerReader(context, new ReaderLayout(summary));
  const navigation = registerNavigation(context, { summary, reader, badges: () => undefined });
  return { summary, navigation };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
