import * as vscode from 'vscode';
import { type CardOptions, citationCard, entityCard } from '../../core/cards';
import { citationAt, findCitations, numberAt } from '../../core/citations/grammar';
import { MentionFinder } from '../../core/directory';
import type { Summary } from '../../core/summary';

/** Markdown for hovers: untrusted except for the extension's own two commands, no HTML. */
export function cardMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  md.isTrusted = { enabledCommands: ['cndSummary.goToParagraph', 'cndSummary.addNote'] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/** Hover cards on citations of the summary, and on organizations and Member States named in a draft. */
export class CitationHoverProvider implements vscode.HoverProvider {
  private readonly finder: MentionFinder;

  constructor(
    private readonly summary: Summary,
    private readonly cardOptions: () => CardOptions,
  ) {
    this.finder = new MentionFinder(summary.directory, { inSummary: false });
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const line = doc.lineAt(pos.line).text;
    const citation = citationAt(findCitations(line), pos.character);
    if (citation && !citation.external) {
      const n = numberAt(citation, pos.character);
      const focus = n && citation.paragraphs.length > 1 ? n.value : undefined;
      const range =
        n && focus !== undefined
          ? new vscode.Range(pos.line, n.start, pos.line, n.end)
          : new vscode.Range(pos.line, citation.start, pos.line, citation.end);
      return new vscode.Hover(cardMarkdown(citationCard(this.summary, citation, focus, this.cardOptions())), range);
    }
    const mention = this.finder.find(line).find((m) => pos.character >= m.start && pos.character <= m.end);
    if (mention) {
      const card = entityCard(this.summary, mention.id);
      if (card) return new vscode.Hover(cardMarkdown(card), new vscode.Range(pos.line, mention.start, pos.line, mention.end));
    }
    return undefined;
  }
}
