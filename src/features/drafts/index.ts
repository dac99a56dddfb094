import * as vscode from 'vscode';
import type { CardOptions } from '../../core/cards';
import type { Summary } from '../../core/summary';
import { READER_SCHEME, type Reader } from '../reader';
import type { Settings } from '../settings';
import { ParagraphCompletionProvider } from './completion';
import { DraftChecker, registerDiagnostics } from './diagnostics';
import { CitationHoverProvider } from './hover';
import { CitationDefinitionProvider, CitationLinkProvider } from './links';
import { registerForDrafts } from './selector';
import { WorkspaceCitations } from './workspaceCitations';

export interface DraftsDeps {
  summary: Summary;
  reader: Reader;
  settings: Settings;
  /** Notes and other extras for the hover cards (from the notes feature). */
  cardOptions: () => CardOptions;
}

export interface Drafts {
  checker: DraftChecker;
  citations: WorkspaceCitations;
  hover: CitationHoverProvider;
}

/** Citations in drafts: hover cards, completion, go to definition, links, checks with quick fixes, references. */
export function registerDrafts(context: vscode.ExtensionContext, deps: DraftsDeps): Drafts {
  const { summary, reader, settings } = deps;
  const checker = new DraftChecker(summary, settings);
  const citations = new WorkspaceCitations(summary, reader, settings);
  const hover = new CitationHoverProvider(summary, deps.cardOptions);
  context.subscriptions.push(
    citations,
    registerForDrafts(settings, (selector) => [
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerCompletionItemProvider(
        selector,
        new ParagraphCompletionProvider(summary),
        ' ',
        '.',
        '¶',
        '–',
        '-',
        ',',
      ),
      vscode.languages.registerDefinitionProvider(selector, new CitationDefinitionProvider(summary, reader)),
      vscode.languages.registerDocumentLinkProvider(selector, new CitationLinkProvider(summary, reader)),
      vscode.languages.registerCodeActionsProvider(selector, checker, {
        providedCodeActionKinds: DraftChecker.providedCodeActionKinds,
      }),
    ]),
    vscode.languages.registerReferenceProvider({ scheme: READER_SCHEME }, citations),
  );
  registerDiagnostics(context, checker);
  return { checker, citations, hover };
}
