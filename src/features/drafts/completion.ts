import * as vscode from 'vscode';
import { escapeMarkdown, paragraphMarkdown } from '../../core/render/cards';
import { completionSpot } from '../../core/citations/complete';
import { type Summary, truncate } from '../../core/summary/summary';
import type { SupportModel } from '../../core/support/model';
import { relatedToSentenceBefore } from '../../core/support/related';
import { draftParagraphAround } from './hover';

/**
 * Paragraph numbers after `para. `, `paras. 13–`, `paragraph `, `¶`: the paragraphs related to the sentence
 * being written first (best first, with the words they matched), then every other one in order.
 */
export class ParagraphCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly summary: Summary,
    private readonly support: () => SupportModel,
  ) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const prefix = doc.lineAt(pos.line).text.slice(0, pos.character);
    const spot = completionSpot(prefix);
    if (!spot) return undefined;
    const range = new vscode.Range(pos.line, pos.character - spot.typed.length, pos.line, pos.character);
    const { text, lineOffset } = draftParagraphAround(doc, pos.line);
    const related = relatedToSentenceBefore(this.support(), text.slice(0, lineOffset + pos.character)).paragraphs;
    const rank = new Map(related.map((r, i) => [r.paragraph, { i, matched: r.matched }]));
    const items: vscode.CompletionItem[] = [];
    for (const p of this.summary.doc.paragraphs) {
      if (spot.after !== undefined && p.number <= spot.after) continue;
      const r = rank.get(p.number);
      const description = r && r.matched.length ? vscode.l10n.t('matched: {0}', r.matched.join(', ')) : truncate(p.text, 60);
      const item = new vscode.CompletionItem({ label: String(p.number), description }, vscode.CompletionItemKind.Reference);
      item.detail = r
        ? vscode.l10n.t('¶ {0} · {1} · related to this sentence', p.number, this.summary.placeOf(p))
        : `¶ ${p.number} · ${this.summary.placeOf(p)}`;
      const documentation = new vscode.MarkdownString(`${paragraphMarkdown(p)}\n\n*${escapeMarkdown(this.summary.placeOf(p))}*`);
      documentation.isTrusted = false;
      documentation.supportHtml = false;
      item.documentation = documentation;
      item.range = range;
      item.sortText = r ? `0${String(r.i).padStart(2, '0')}` : `1${String(p.number).padStart(3, '0')}`;
      item.preselect = r?.i === 0;
      item.filterText = String(p.number);
      items.push(item);
    }
    return items;
  }
}
