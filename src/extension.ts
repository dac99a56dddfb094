import * as vscode from 'vscode';
import { loadBundledSummary } from './core/bundled';
import { ReaderLayout } from './core/render';
import type { SearchEngine } from './core/search/engine';
import { loadShippedSearch } from './core/search/shipped';
import { type Drafts, registerDrafts } from './features/drafts';
import { registerNavigation } from './features/navigation';
import { registerReader } from './features/reader';
import { registerSearch } from './features/search';
import { workspaceSettings } from './features/settings';

/** What the extension returns from `activate`: used by its integration tests and by other extensions. */
export interface CndSummaryApi {
  summary: ReturnType<typeof loadBundledSummary>;
  navigation: ReturnType<typeof registerNavigation>;
  search: ReturnType<typeof registerSearch> & { engine: SearchEngine; prebuiltIndex: boolean };
  drafts: Drafts;
}

export function activate(context: vscode.ExtensionContext): CndSummaryApi {
  const summary = loadBundledSummary();
  const settings = workspaceSettings();
  const reader = registerReader(context, new ReaderLayout(summary));
  const drafts = registerDrafts(context, { summary, reader, settings, cardOptions: () => ({}) });
  const navigation = registerNavigation(context, { summary, reader, badges: (n) => drafts.citations.badge(n) });
  context.subscriptions.push(drafts.citations.onDidChange(debounce(() => navigation.refresh(), 300)));
  const { engine, prebuilt } = loadShippedSearch(summary);
  const search = registerSearch(context, { summary, engine, reader, settings });
  return { summary, navigation, search: { ...search, engine, prebuiltIndex: prebuilt }, drafts };
}

function debounce(fn: () => void, ms: number): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (t) clearTimeout(t);
    t = setTimeout(fn, ms);
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
