import { activationClock } from './activationClock';
import * as vscode from 'vscode';
import { loadBundledSummary } from './core/bundled';
import { ReaderLayout } from './core/render';
import type { SearchEngine } from './core/search/engine';
import { loadShippedSearch } from './core/search/shipped';
import { type Drafts, registerDrafts } from './features/drafts';
import { registerNavigation } from './features/navigation';
import { type Preview, registerPreview } from './features/preview';
import type { ParagraphBadges } from './features/navigation/sessionsTree';
import { type Notes, registerNotes } from './features/notes';
import { registerReader } from './features/reader';
import { registerSearch } from './features/search';
import { workspaceSettings } from './features/settings';
import { registerStatus, type SummaryStatus } from './features/status';
import { registerWalkthrough } from './features/walkthrough';

/** What the extension returns from `activate`: used by its integration tests and by other extensions. */
export interface CndSummaryApi {
  summary: ReturnType<typeof loadBundledSummary>;
  navigation: ReturnType<typeof registerNavigation>;
  search: ReturnType<typeof registerSearch> & { engine: SearchEngine; prebuiltIndex: boolean };
  drafts: Drafts;
  notes: Notes;
  status: SummaryStatus;
  preview: Preview;
  /** Called by VS Code's Markdown preview (`contributes.markdown.markdownItPlugins`). */
  extendMarkdownIt: Preview['extendMarkdownIt'];
  /** How long loading the bundle and `activate` took, in milliseconds (printed by the integration runner). */
  activation: { loadMs: number; activateMs: number; totalMs: number };
}

export function activate(context: vscode.ExtensionContext): CndSummaryApi {
  const activateStart = activationClock.now();
  const summary = loadBundledSummary();
  const settings = workspaceSettings();
  const reader = registerReader(context, new ReaderLayout(summary));
  const { engine, prebuilt } = loadShippedSearch(summary);
  const notes = registerNotes(context, { summary, reader, engine, settings });
  const drafts = registerDrafts(context, { summary, reader, settings, cardOptions: () => ({ notesFor: (n) => notes.service.cardNotes(n) }) });
  const navigation = registerNavigation(context, { summary, reader, settings, badges: joinBadges((n) => drafts.citations.badge(n), notes.badge) });
  const refreshViews = debounce(() => navigation.refresh(), 300);
  context.subscriptions.push(drafts.citations.onDidChange(refreshViews), notes.service.onDidChange(refreshViews));
  const search = registerSearch(context, { summary, engine, reader, settings });
  const status = registerStatus(context, { reader, settings });
  const preview = registerPreview(context, { summary, reader });
  registerWalkthrough(context);
  const end = activationClock.now();
  const activation = { loadMs: activateStart - activationClock.loaded, activateMs: end - activateStart, totalMs: end - activationClock.loaded };
  return { summary, navigation, search: { ...search, engine, prebuiltIndex: prebuilt }, drafts, notes, status, preview, extendMarkdownIt: preview.extendMarkdownIt, activation };
}

/** One badge from several: "cited 3× · 2 notes". */
function joinBadges(...sources: ParagraphBadges[]): ParagraphBadges {
  return (n) => {
    const parts = sources.map((s) => s(n)).filter((b) => b !== undefined);
    if (parts.length === 0) return undefined;
    return { description: parts.map((p) => p.description).filter(Boolean).join(' · '), tooltip: parts.map((p) => p.tooltip).filter(Boolean).join('\n') };
  };
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
