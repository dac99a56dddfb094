import * as vscode from 'vscode';
import type { ReaderLayout } from '../../core/render/reader';
import { Reader, READER_SCHEME } from './reader';
import { READER_TOKENS_LEGEND, ReaderLinks, ReaderOutline, ReaderTokens } from './structure';

export { PARAGRAPH_URI_SCHEME, paragraphOfUri, paragraphUri } from './paragraphUri';
export { isReader, isReaderTab, Reader, READER_SCHEME, READER_URI, readerColumn, readerTab } from './reader';

/** The reader: its document, its styles (semantic tokens), outline, folding and links. */
export function registerReader(context: vscode.ExtensionContext, makeLayout: () => ReaderLayout): Reader {
  const reader = new Reader(makeLayout);
  const selector: vscode.DocumentSelector = { scheme: READER_SCHEME };
  const outline = new ReaderOutline(reader);
  context.subscriptions.push(
    reader,
    vscode.workspace.registerTextDocumentContentProvider(READER_SCHEME, reader),
    vscode.languages.registerDocumentSemanticTokensProvider(selector, new ReaderTokens(reader), READER_TOKENS_LEGEND),
    vscode.languages.registerDocumentSymbolProvider(selector, outline, { label: vscode.l10n.t('CND Summary') }),
    vscode.languages.registerFoldingRangeProvider(selector, outline),
    vscode.languages.registerDocumentLinkProvider(selector, new ReaderLinks(reader)),
  );
  return reader;
}
