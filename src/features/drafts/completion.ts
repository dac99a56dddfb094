import * as vscode from 'vscode';
import { escapeMarkdown, paragraphMarkdown } from '../../core/cards';
import { completionSpot } from '../../core/citations/complete';
import { type Summary, truncate } from '../../core/summary';

/** Paragraph numbers after `para. `, `paras. 13–`, `paragraph `, `¶`, with their opening words. */
export class ParagraphCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly summary: Summary) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const prefix = doc.lineAt(pos.line).text.slice(0, pos.character);
    const spot = completionSpot(prefix);
    if (!spot) return undefined;
    const range = new vscode.Range(pos.line, pos.character - spot.typed.length, pos.line, pos.character);
    const items: vscode.CompletionItem[] = [];
    for (const p of this.summary.doc.paragraphs) {
      if (spot.after !== undefined && p.number <= spot.after) continue;
      const item = new vscode.CompletionItem(
        { label: String(p.number), description: truncate(p.text, 60) },
        vscode.CompletionItemKind.Reference,
      );
      item.detail = `¶ ${p.number} · ${this.summary.placeOf(p)}`;
      const doc = new vscode.MarkdownString(`${paragraphMarkdown(p)}\n\n*${escapeMarkdown(this.summary.placeOf(p))}*`);
      doc.isTrusted = false;
      doc.supportHtml = false;
      item.documentation = doc;
      item.range = range;
      item.sortText = String(p.number).padStart(3, '0');
      item.filterText = String(p.number);
      items.push(item);
    }
    return items;
  }
}
