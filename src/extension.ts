import { activationClock } from './activationClock';
import './vscodeApiClock';
import type * as vscode from 'vscode';
import { ReaderLayout } from './core/render';
import type { SearchEngine } from './core/search/engine';
import type { Summary } from './core/summary';
import { LazySearchEngine } from './core/search/lazy';
import { loadShippedSearch, loadShippedSummary } from './core/shipped';
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
  summary: Summary;
  navigation: ReturnType<typeof registerNavigation>;
  search: ReturnType<typeof registerSearch> & { engine: SearchEngine; prebuiltIndex: boolean };
  drafts: Drafts;
  notes: Notes;
  status: SummaryStatus;
  preview: Preview;
  /** Called by VS Code's Markdown preview (`contributes.markdown.markdownItPlugins`). */
  extendMarkdownIt: Preview['extendMarkdownIt'];
  /**
   * Activation time in milliseconds (printed by the integration runner): evaluating the bundle's code
   * and `activate()` by phase; `ownMs` is their sum. Not ours: `apiMs`, VS Code creating the `vscode` API
   * object on the first `require('vscode')`, and `hostMs`, what VS Code did between evaluation and activate().
   */
  activation: { apiMs: number; evaluateMs: number; hostMs: number; activateMs: number; ownMs: number; phases: Record<string, number> };
}

/** Every module of the bundle has been evaluated when this runs. */
const evaluated = activationClock.now();

/** When the search index is loaded if nobody searched before. */
const WARM_UP_MS = 1500;

export function activate(context: vscode.ExtensionContext): CndSummaryApi {
  const activateStart = activationClock.now();
  const phases: Record<string, number> = {};
  let lap = activateStart;
  const phase = (name: string) => {
    const t = activationClock.now();
    phases[name] = t - lap;
    lap = t;
  };
  const summary = loadShippedSummary();
  phase('parse');
  const settings = workspaceSettings();
  const reader = registerReader(context, () => new ReaderLayout(summary));
  phase('reader');
  // The index is loaded on first use, or once VS Code is idle after start-up: not on the activation path.
  let prebuilt = false;
  const engine = new LazySearchEngine(() => {
    const shipped = loadShippedSearch(summary);
    prebuilt = shipped.prebuilt;
    return shipped.engine;
  });
  const warmUp = setTimeout(() => engine.engine, WARM_UP_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
  const notes = registerNotes(context, { summary, reader, engine, settings });
  phase('notes');
  const drafts = registerDrafts(context, { summary, reader, settings, cardOptions: () => ({ notesFor: (n) => notes.service.cardNotes(n) }) });
  phase('drafts');
  const navigation = registerNavigation(context, { summary, reader, settings, badges: joinBadges((n) => drafts.citations.badge(n), notes.badge) });
  const refreshViews = debounce(() => navigation.refresh(), 300);
  context.subscriptions.push(drafts.citations.onDidChange(refreshViews), notes.service.onDidChange(refreshViews));
  phase('navigation');
  const search = registerSearch(context, { summary, engine, reader, settings });
  const status = registerStatus(context, { reader, settings });
  const preview = registerPreview(context, { summary, reader });
  registerWalkthrough(context);
  phase('search, status, preview');
  const end = activationClock.now();
  const apiMs = activationClock.apiReady - activationClock.loaded;
  const evaluateMs = evaluated - activationClock.apiReady;
  const activation = { apiMs, evaluateMs, hostMs: activateStart - evaluated, activateMs: end - activateStart, ownMs: evaluateMs + end - activateStart, phases };
  return { summary, navigation, search: {
      ...search,
      get engine() {
        return engine.engine;
      },
      get prebuiltIndex() {
        void engine.engine; // loads it, which sets `prebuilt`
        return prebuilt;
      },
    }, drafts, notes, status, preview, extendMarkdownIt: preview.extendMarkdownIt, activation };
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
