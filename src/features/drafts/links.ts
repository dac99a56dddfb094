import * as vscode from 'vscode';
import { findCitations, numberAt } from '../../core/citations/grammar';
import type { Summary } from '../../core/summary';
import { READER_URI, type Reader } from '../reader';

/**
 * The link of a paragraph number in a draft: the extension's Open in the Reader command, so that the reader
 * opens beside the draft (or where it is already) with the paragraph highlighted. A link to the reader's
 * URI would open it in the draft's own group, hiding the draft.
 */
export function paragraphLink(n: number): vscode.Uri {
  return vscode.Uri.from({ scheme: 'command', path: 'cndSummary.openParagraph', query: JSON.stringify([n]) });
}

/** Go to Definition (F12, Ctrl+Alt+click to the side, Peek) lands on the paragraph in the reader: VS Code places it. */
export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(
    private readonly summary: Summary,
    private readonly reader: Reader,
  ) {}

  provideDefinition(doc: vscode.TextDocument, pos: vscode.Position): vscode.Location[] | undefined {
    const line = doc.lineAt(pos.line).text;
    const c = findCitations(line).find((x) => !x.external && pos.character >= x.start && pos.character <= x.end);
    if (!c) return undefined;
    const n = numberAt(c, pos.character);
    const numbers = (n ? [n.value] : c.paragraphs).filter((x) => this.summary.has(x));
    const out: vscode.Location[] = [];
    for (const x of numbers) {
      const range = this.reader.range(x);
      if (range) out.push(new vscode.Location(READER_URI, new vscode.Range(range.start, range.start)));
    }
    return out.length ? out : undefined;
  }
}

/** Each paragraph number in a citation is a link that opens the reader there. */
export class CitationLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly summary: Summary) {}

  provideDocumentLinks(doc: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    const text = doc.getText();
    for (const c of findCitations(text)) {
      if (token.isCancellationRequested) break;
      if (c.external) continue;
      for (const n of c.numbers) {
        if (!this.summary.has(n.value)) continue;
        const link = new vscode.DocumentLink(
          new vscode.Range(doc.positionAt(n.start), doc.positionAt(n.end)),
          paragraphLink(n.value),
        );
        link.tooltip = `Open ¶ ${n.value} in the reader`;
        links.push(link);
      }
    }
    return links;
  }
}
