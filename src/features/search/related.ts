import * as vscode from 'vscode';
import type { SearchHit, SearchResponse } from '../../core/search/engine';
import { makeSnippet } from '../../core/search/snippet';
import type { SupportModel } from '../../core/support/model';
import { relatedParagraphs } from '../../core/support/related';
import { sentenceAt } from '../../core/summary/sentences';
import type { Summary } from '../../core/summary/summary';
import type { PickerOutcome, SearchPicker } from './picker';

export interface RelatedDeps {
  summary: Summary;
  /** The support model: Find Related ranks with it, as the checks and the completion do. */
  support: () => SupportModel;
}

/**
 * `cndSummary.findRelated`: the paragraphs related to a passage (the argument, else the editor's selection,
 * else the sentence under the cursor), in the search picker; Enter cites them after that passage.
 */
export async function findRelated(deps: RelatedDeps, picker: SearchPicker, passage?: unknown): Promise<PickerOutcome> {
  const editor = vscode.window.activeTextEditor;
  let text = typeof passage === 'string' ? passage : '';
  let insertAt: vscode.Position | undefined;
  if (!text && editor) {
    const sel = editor.selection;
    if (sel.isEmpty) {
      const lineText = editor.document.lineAt(sel.active.line).text;
      const s = sentenceAt(lineText, sel.active.character);
      text = s ? lineText.slice(s.start, s.end) : lineText;
      if (s) insertAt = new vscode.Position(sel.active.line, s.end);
    } else {
      text = editor.document.getText(sel);
      insertAt = sel.end;
    }
  }
  if (!text.trim()) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Select a sentence of your draft first: CND Summary finds the paragraphs that support it.'),
    );
    return { action: 'cancelled', numbers: [] };
  }
  const short = text.replace(/\s+/g, ' ').trim();
  return picker.pick({
    response: relatedResponse(deps.summary, deps.support(), text),
    title: vscode.l10n.t('Paragraphs related to “{0}”', short.length > 50 ? `${short.slice(0, 50)}…` : short),
    insertAt,
  });
}

/** Find Related's list: the support model's ranking, shown like search results (snippets with the matched words). */
function relatedResponse(summary: Summary, model: SupportModel, passage: string): SearchResponse {
  const result = relatedParagraphs(model, passage, 15);
  const hits: SearchHit[] = result.paragraphs.map((r) => ({
    id: `p${r.paragraph}`,
    kind: 'paragraph',
    number: r.paragraph,
    score: r.score,
    snippet: makeSnippet(summary.paragraph(r.paragraph)!.text, r.terms, []),
  }));
  return { hits, ...(result.message ? { message: result.message } : {}) };
}
