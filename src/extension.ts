import { activationClock, activationTimer } from './activationClock';
import './vscodeApiClock';
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import type { CndSummaryApi } from './api';
import { publicApi } from './publicApi';
import { ReaderLayout } from './core/render/reader';
import { loadShipped } from './core/summary/shipped';
import { registerDrafts } from './features/drafts';
import { registerNavigation } from './features/navigation';
import { joinBadges } from './features/navigation/badges';
import { openNotesViewForFirstNotes } from './features/navigation/notesView';
import { registerPreview } from './features/preview';
import { registerNotes } from './features/notes';
import { registerReader } from './features/reader';
import { registerSearch } from './features/search';
import { createLog } from './features/log';
import { workspaceSettings } from './features/settings';
import { shippedSearchIndex, shippedSupport } from './features/shipped';
import { registerStatus } from './features/status';
import { type CndSummaryTesting, testingParts } from './features/testing';
import { debounce } from './features/timing';
import { registerWalkthrough } from './features/walkthrough';

export type { CndSummaryTesting } from './features/testing';

/** Every module of the bundle has been evaluated when this runs. */
const evaluated = activationClock.now();

export function activate(context: vscode.ExtensionContext): CndSummaryApi & { testing?: CndSummaryTesting } {
  const timer = activationTimer(evaluated);
  // The core's messages (checks, hover cards, search) in the user's language: the bundle VS Code loaded
  // for this extension (l10n/bundle.l10n.<language>.json; none in English, where the core's own text is used).
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = createLog(context);
  const shipped = loadShipped();
  const { summary } = shipped;
  timer.phase('parse');
  const settings = workspaceSettings();
  const reader = registerReader(context, () => new ReaderLayout(summary));
  timer.phase('reader');
  const index = shippedSearchIndex(context, summary, log);
  const support = shippedSupport(shipped, log);
  const notes = registerNotes(context, { summary, reader, engine: index, settings, log });
  timer.phase('notes');
  const cardOptions = () => ({ notesFor: (n: number) => notes.service.cardNotes(n) });
  const drafts = registerDrafts(context, { summary, reader, settings, cardOptions, support, log });
  timer.phase('drafts');
  const badges = joinBadges((n) => drafts.citations.badge(n), notes.badge);
  const navigation = registerNavigation(context, { summary, reader, settings, badges });
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
  const testing = testingParts({ summary, navigation, search, index, drafts, notes, status, preview, activation });
  return { ...api, testing };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
