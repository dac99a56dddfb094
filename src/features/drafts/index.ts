import * as vscode from 'vscode';
import type { CardOptions } from '../../core/render/cards';
import type { Summary } from '../../core/summary/summary';
import type { SupportModel } from '../../core/support/model';
import { READER_SCHEME, type Reader } from '../reader';
import { type Log, messageOf } from '../log';
import type { Settings } from '../settings';
import { ParagraphCompletionProvider } from './completion';
import { DraftChecker, KEEP_COMMAND, registerDiagnostics } from './diagnostics';
import { isKeepRequest, KeptCitationsStore } from './kept';
import { CitationHoverProvider } from './hover';
import { CitationDefinitionProvider, CitationLinkFollower, CitationLinkProvider, FOLLOW_CITATION_COMMAND } from './links';
import { registerForDrafts } from './selector';
import { WorkspaceCitations } from './workspaceCitations';

export interface DraftsDeps {
  summary: Summary;
  reader: Reader;
  settings: Settings;
  /** Notes and other extras for the hover cards (from the notes feature). */
  cardOptions: () => CardOptions;
  /** The support model (built on first use). */
  support: () => SupportModel;
  log: Log;
}

export interface Drafts {
  checker: DraftChecker;
  kept: KeptCitationsStore;
  citations: WorkspaceCitations;
  hover: CitationHoverProvider;
}

/** Citations in drafts: hover cards, completion, go to definition, links, checks with quick fixes, references. */
export function registerDrafts(context: vscode.ExtensionContext, deps: DraftsDeps): Drafts {
  const { summary, reader, settings, support } = deps;
  const kept = new KeptCitationsStore(settings, () => summary.count, context.globalStorageUri, deps.log);
  const checker = new DraftChecker(summary, settings, support, kept, deps.log);
  const citations = new WorkspaceCitations(summary, reader, settings, deps.log);
  const hover = new CitationHoverProvider(summary, deps.cardOptions, support, kept);
  const follower = new CitationLinkFollower(summary, reader, deps.log);
  context.subscriptions.push(
    citations,
    kept,
    follower,
    vscode.commands.registerCommand(FOLLOW_CITATION_COMMAND, (n: unknown) => follower.follow(n)),
    kept.onDidChange(() => checker.recheckAll()),
    vscode.commands.registerCommand(KEEP_COMMAND, (uri: unknown, request: unknown) => keepCitation(kept, summary, uri, request)),
    vscode.commands.registerCommand('cndSummary.openKeptCitations', () => openKeptCitations(kept, deps.log)),
    registerForDrafts(settings, (selector) => [
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerCompletionItemProvider(
        selector,
        new ParagraphCompletionProvider(summary, support),
        ' ',
        '.',
        '¶',
        '–',
        '-',
        ',',
      ),
      vscode.languages.registerDefinitionProvider(selector, new CitationDefinitionProvider(summary, reader)),
      vscode.languages.registerDocumentLinkProvider(selector, new CitationLinkProvider(summary)),
      vscode.languages.registerCodeActionsProvider(selector, checker, {
        providedCodeActionKinds: DraftChecker.providedCodeActionKinds,
      }),
    ]),
    vscode.languages.registerReferenceProvider({ scheme: READER_SCHEME }, citations),
  );
  registerDiagnostics(context, checker);
  const start = setTimeout(() => kept.start(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(start) });
  return { checker, kept, citations, hover };
}

/** "Keep this citation": the request comes from the extension's own quick fix; anything else is refused. */
async function keepCitation(kept: KeptCitationsStore, summary: Summary, uri: unknown, request: unknown): Promise<boolean> {
  if (typeof uri !== 'string' || !isKeepRequest(request, summary.count)) return false;
  const error = await kept.keep(request);
  if (error) {
    void vscode.window.showWarningMessage(error);
    return false;
  }
  return true;
}

async function openKeptCitations(kept: KeptCitationsStore, log: Log): Promise<void> {
  const uri = kept.uri;
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder: kept citations are recorded in it.'));
    return;
  }
  try {
    await vscode.window.showTextDocument(uri);
  } catch (e) {
    log.info(`no kept-citations file to open: ${messageOf(e)}`);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'No citation has been kept yet: “Keep this citation” in the light bulb of a support warning records one in .cnd/kept-citations.json.',
      ),
    );
  }
}
