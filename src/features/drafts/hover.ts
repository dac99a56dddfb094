import * as vscode from 'vscode';
import { CARD_COMMANDS, type CardOptions, citationCard, entityCard } from '../../core/render/cards';
import { citationAt, findCitations, numberAt } from '../../core/citations/grammar';
import { MentionFinder } from '../../core/summary/directory';
import type { Summary } from '../../core/summary/summary';
import { supportCardMarkdown, verdictForCitation } from '../../core/support/card';
import type { SupportModel } from '../../core/support/model';
import type { KeptCitationsStore } from './kept';

/**
 * Markdown for hovers: no HTML, no theme icons, and command links only to the extension's own two card
 * commands (CARD_COMMANDS). Both take a paragraph number and nothing else: Go to Paragraph opens the reader
 * there, Add a Note opens the reader there with an empty note for the user to type. So even a link that got
 * into a card some other way than cards.ts (which escapes every string from data and notes) could do no
 * more than open the reader, or an empty note in it.
 */
export function cardMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value);
  md.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

/** Hover cards on citations of the summary, and on organizations and Member States named in a draft. */
export class CitationHoverProvider implements vscode.HoverProvider {
  private madeFinder: MentionFinder | undefined;

  constructor(
    private readonly summary: Summary,
    private readonly cardOptions: () => CardOptions,
    private readonly support: () => SupportModel,
    private readonly kept: KeptCitationsStore,
  ) {}

  /** Made on the first hover (the summary is unpacked on first use, not at activation). */
  private get finder(): MentionFinder {
    return (this.madeFinder ??= new MentionFinder(this.summary.directory, { inSummary: false }));
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
      const card = citationCard(this.summary, citation, focus, this.cardOptions());
      const support = this.supportLines(doc, pos.line, citation.start);
      return new vscode.Hover(cardMarkdown(support ? `${card}\n\n---\n\n${support}` : card), range);
    }
    const mention = this.finder.find(line).find((m) => pos.character >= m.start && pos.character <= m.end);
    if (mention) {
      const card = entityCard(this.summary, mention.id);
      if (card) return new vscode.Hover(cardMarkdown(card), new vscode.Range(pos.line, mention.start, pos.line, mention.end));
    }
    return undefined;
  }

  /** How well the citation supports its sentence, read in the paragraph of the draft around it. */
  private supportLines(doc: vscode.TextDocument, line: number, citationStart: number): string | undefined {
    const { text, lineOffset } = draftParagraphAround(doc, line);
    const model = this.support();
    const verdict = verdictForCitation(model, text, lineOffset + citationStart);
    return verdict ? supportCardMarkdown(model, verdict, text, this.kept.current()) : undefined;
  }
}

/** Lines of the draft's paragraph around a line (up to blank lines, at most 40 either way), and where the line starts in it. */
export function draftParagraphAround(doc: vscode.TextDocument, line: number): { text: string; lineOffset: number } {
  const blank = (l: number) => doc.lineAt(l).isEmptyOrWhitespace;
  let first = line;
  while (first > 0 && line - first < 40 && !blank(first - 1)) first--;
  let last = line;
  while (last < doc.lineCount - 1 && last - line < 40 && !blank(last + 1)) last++;
  const range = new vscode.Range(first, 0, last, doc.lineAt(last).text.length);
  const text = doc.getText(range);
  const lineOffset = doc.offsetAt(new vscode.Position(line, 0)) - doc.offsetAt(range.start);
  return { text, lineOffset };
}
