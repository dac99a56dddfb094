import * as vscode from 'vscode';
import { findCitations, numberAt } from '../../core/citations/grammar';
import type { Summary } from '../../core/summary';
import { READER_URI, type Reader } from '../reader';

/** The reader URI that opens at a paragraph: VS Code selects the line named in the fragment. */
export function readerLocation(reader: Reader, n: number): vscode.Uri | undefined {
  const range = reader.range(n);
  return range ? READER_URI.with({ fragment: `L${range.start.line + 1},1` }) : undefined;
}

/** Ctrl+click on a citation (go to definition) opens the reader at the paragraph. */
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

/** Each paragraph number in a citation is a link to the reader. */
export class CitationLinkProvider implements vscode.DocumentLinkProvider {
  constructor(
    private readonly summary: Summary,
    private readonly reader: Reader,
  ) {}

  provideDocumentLinks(doc: vscode.TextDocument, token: vscode.CancellationToken): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    const text = doc.getText();
    for (const c of findCitations(text)) {
      if (token.isCancellationRequested) break;
      if (c.external) continue;
      for (const n of c.numbers) {
        if (!this.summary.has(n.value)) continue;
        const target = readerLocation(this.reader, n.value);
        if (!target) continue;
        const link = new vscode.DocumentLink(new vscode.Range(doc.positionAt(n.start), doc.positionAt(n.end)), target);
        link.tooltip = `Open ¶ ${n.value} in the reader`;
        links.push(link);
      }
    }
    return links;
  }
}
