import * as vscode from 'vscode';
import { formatCitation, formatQuotation } from '../../core/citations/format';
import { citationAt, findCitations, numberAt } from '../../core/citations/grammar';
import type { Summary } from '../../core/summary/summary';
import { askParagraph, checkParagraphArg, paragraphOf } from '../prompts';
import type { Reader } from '../reader';
import type { Settings } from '../settings';
import type { SessionsReveal } from './reveal';

export interface CommandDeps {
  summary: Summary;
  reader: Reader;
  settings: Settings;
}

/** `cndSummary.openSummary`: the reader, where it was. */
export async function openSummary(reader: Reader): Promise<void> {
  await reader.show();
}

/** `cndSummary.goToParagraph`: the paragraph given, else asked for; resolves with its number once shown. */
export async function goToParagraph(deps: CommandDeps, arg?: unknown): Promise<number | undefined> {
  const { summary, reader } = deps;
  let n: number | undefined;
  if (typeof arg === 'number' || typeof arg === 'string') n = checkParagraphArg(summary, arg);
  else {
    // Proposed: the paragraph under the reader's cursor, or the one cited under a draft's cursor.
    const editor = vscode.window.activeTextEditor;
    const current = editor && (reader.paragraphAt(editor) ?? citedAtCursor(editor));
    n = await askParagraph(summary, vscode.l10n.t('Go to Paragraph of the Chair’s Summary'), current ? String(current) : '');
  }
  if (n === undefined) return undefined;
  await reader.show(n);
  return n;
}

/** `cndSummary.openParagraph`: a view item's (or a number's) paragraph in the reader. */
export function openParagraph(deps: CommandDeps, arg?: unknown): Promise<number | undefined> {
  return goToParagraph(deps, paragraphOf(arg));
}

/** `cndSummary.copyCitation`: the citation of a paragraph (or of the paragraphs selected in the reader). */
export async function copyCitation(deps: CommandDeps, arg?: unknown): Promise<string | undefined> {
  // Several paragraphs selected in the reader: one citation of them all (`paras. 24–26`).
  const editor = vscode.window.activeTextEditor;
  const selected = arg === undefined && editor ? deps.reader.selection(editor).paragraphs : [];
  let numbers = selected.length > 1 ? selected : [];
  if (numbers.length === 0) {
    const n = await targetParagraph(deps, arg, vscode.l10n.t('Copy the Citation of a Paragraph'));
    if (n === undefined) return undefined;
    numbers = [n];
  }
  const text = formatCitation(numbers, deps.settings.citationFormat());
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied “{0}”', text), 3000);
  return text;
}

/**
 * `cndSummary.copyQuotation`: the words selected in the reader as a quotation with its citation —
 * `“…” (para. 24)` — ready to paste into a draft (where the quotation check then finds them in the paragraph).
 */
export async function copyQuotation(deps: CommandDeps): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && deps.reader.selection(editor);
  if (!selected?.passage || selected.paragraph === undefined) {
    void vscode.window.showInformationMessage(
      selected?.acrossParagraphs
        ? vscode.l10n.t('A quotation is taken from one paragraph: select words within a single paragraph of the reader.')
        : vscode.l10n.t('Select words of a paragraph in the reader, then copy them as a quotation with its citation.'),
    );
    return undefined;
  }
  const words = deps.summary.paragraph(selected.paragraph)?.text.slice(selected.passage.start, selected.passage.end) ?? '';
  if (!/[\p{L}\p{N}]/u.test(words)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The selection has no words to quote.'));
    return undefined;
  }
  const text = formatQuotation(words, [selected.paragraph], deps.settings.citationFormat());
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text.length > 60 ? `${text.slice(0, 57)}…` : text), 3000);
  return text;
}

/** `cndSummary.revealInSessions`: a paragraph in the Sessions view (the status bar item in the reader runs this). */
export async function revealInSessions(deps: CommandDeps, reveal: SessionsReveal, arg?: unknown): Promise<number | undefined> {
  const n = await targetParagraph(deps, arg, vscode.l10n.t('Show a Paragraph in the Sessions View'));
  if (n === undefined) return undefined;
  return (await reveal.show(n)) ? n : undefined;
}

/** The paragraph a command is about: its argument (a number or a view item), else the reader's cursor. */
async function targetParagraph(deps: CommandDeps, arg: unknown, title: string): Promise<number | undefined> {
  const given = paragraphOf(arg);
  if (given !== undefined) return checkParagraphArg(deps.summary, given);
  const editor = vscode.window.activeTextEditor;
  const current = editor && deps.reader.paragraphAt(editor);
  return current ?? askParagraph(deps.summary, title);
}

/** The paragraph a draft cites where its cursor is: the number under it, else the citation's first paragraph. */
function citedAtCursor(editor: vscode.TextEditor): number | undefined {
  const pos = editor.selection.active;
  const citation = citationAt(findCitations(editor.document.lineAt(pos.line).text), pos.character);
  if (!citation || citation.external) return undefined;
  return numberAt(citation, pos.character)?.value ?? citation.paragraphs[0];
}
