import { type ActivationTimes, activationClock, activationTimer } from './activationClock';
import './vscodeApiClock';
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import type { CndSummaryApi } from './api';
import { publicApi } from './publicApi';
import { ReaderLayout } from './core/render/reader';
import type { SearchEngine } from './core/search/engine';
import type { Summary } from './core/summary/summary';
import { LazySearchEngine } from './core/search/lazy';
import { loadShipped, loadShippedSearch, loadShippedSupport } from './core/summary/shipped';
import { type Drafts, registerDrafts } from './features/drafts';
import { registerNavigation } from './features/navigation';
import { openNotesViewForFirstNotes } from './features/navigation/notesView';
import { type Preview, registerPreview } from './features/preview';
import type { ParagraphBadges } from './features/navigation/sessionsTree';
import { type Notes, registerNotes } from './features/notes';
import { registerReader } from './features/reader';
import { registerSearch, type SearchFeature } from './features/search';
import { createLog, type Log } from './features/log';
import { workspaceSettings } from './features/settings';
import { registerStatus, type SummaryStatus } from './features/status';
import { registerWalkthrough } from './features/walkthrough';

/**
 * The extension's parts, for its own integration tests only: returned as `testing` beside the public API
 * (src/api.d.ts) when VS Code runs the extension's tests (`ExtensionMode.Test`), never otherwise.
 */
export interface CndSummaryTesting {
  summary: Summary;
  navigation: ReturnType<typeof registerNavigation>;
  search: SearchFeature & { readonly engine: SearchEngine };
  drafts: Drafts;
  notes: Notes;
  status: SummaryStatus;
  preview: Preview;
  /** Printed by the integration runner. */
  activation: ActivationTimes;
}

/** Every module of the bundle has been evaluated when this runs. */
const evaluated = activationClock.now();

export function activate(context: vscode.ExtensionContext): CndSummaryApi & { testing?: CndSummaryTesting } {
  const timer = activationTimer(evaluated);
  // The core's messages (checks, hover cards, search) in the user's language: the bundle VS Code loaded
  // for this extension (l10n/bundle.l10n.<language>.json; none in English, where the core's own text is used).
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = createLog(context);
  const { summary, bodies, lexicon } = loadShipped();
  timer.phase('parse');
  const settings = workspaceSettings();
  const reader = registerReader(context, () => new ReaderLayout(summary));
  timer.phase('reader');
  const index = shippedSearchIndex(context, summary, log);
  const support = once(() => {
    const t0 = performance.now();
    const model = loadShippedSupport(summary, bodies(), lexicon());
    log.info(`support model built in ${(performance.now() - t0).toFixed(1)} ms`);
    return model;
  });
  const notes = registerNotes(context, { summary, reader, engine: index, settings, log });
  timer.phase('notes');
  const drafts = registerDrafts(context, {
    summary,
    reader,
    settings,
    cardOptions: () => ({ notesFor: (n) => notes.service.cardNotes(n) }),
    support,
    log,
  });
  timer.phase('drafts');
  const navigation = registerNavigation(context, {
    summary,
    reader,
    settings,
    badges: joinBadges((n) => drafts.citations.badge(n), notes.badge),
  });
  const refreshViews = debounce(() => navigation.refresh(), 300);
  context.subscriptions.push(
    drafts.citations.onDidChange(refreshViews),
    notes.service.onDidChange(refreshViews),
    openNotesViewForFirstNotes({
      count: () => notes.service.list().length,
      onDidChangeNotes: notes.service.onDidChange,
      sessionsView: navigation.sessionsView,
      state: context.globalState,
    }),
  );
  timer.phase('navigation');
  const search = registerSearch(context, { summary, engine: index, reader, settings, support });
  const status = registerStatus(context, { reader, checker: drafts.checker });
  const preview = registerPreview(context, { summary, reader, settings, log });
  registerWalkthrough(context);
  timer.phase('search, status, preview');
  const activation = timer.finish();
  log.info(
    `activated in ${activation.ownMs.toFixed(1)} ms (evaluating the bundle ${activation.evaluateMs.toFixed(1)} ms, activate() ${activation.activateMs.toFixed(1)} ms)`,
  );
  const api = publicApi({ summary, search: () => index.engine, support, notes, preview, activation });
  if (context.extensionMode !== vscode.ExtensionMode.Test) return api;
  const testing: CndSummaryTesting = {
    summary,
    navigation,
    search: Object.defineProperties({ ...search }, { engine: { get: () => index.engine } }) as CndSummaryTesting['search'],
    drafts,
    notes,
    status,
    preview,
    activation,
  };
  return { ...api, testing };
}

/** When the search index is built if nobody searched before. */
const WARM_UP_MS = 1500;

/** The search index, built on first use or once start-up is over: not on the activation path. */
function shippedSearchIndex(context: vscode.ExtensionContext, summary: Summary, log: Log): LazySearchEngine {
  const lazy = new LazySearchEngine(() => {
    const t0 = performance.now();
    const engine = loadShippedSearch(summary);
    log.info(`search index built in ${(performance.now() - t0).toFixed(1)} ms (${engine.documentCount} documents)`);
    return engine;
  });
  const warmUp = setTimeout(() => lazy.engine, WARM_UP_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
  return lazy;
}

/** One badge from several: "cited 3× · 2 notes". */
function joinBadges(...sources: ParagraphBadges[]): ParagraphBadges {
  return (n) => {
    const parts = sources.map((s) => s(n)).filter((b) => b !== undefined);
    if (parts.length === 0) return undefined;
    return {
      description: parts
        .map((p) => p.description)
        .filter(Boolean)
        .join(' · '),
      tooltip: parts
        .map((p) => p.tooltip)
        .filter(Boolean)
        .join('\n'),
    };
  };
}

/** A value made on first use. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
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
