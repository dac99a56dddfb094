import * as vscode from 'vscode';
import { formatCitation } from '../../core/citations/format';
import { parseParagraphList } from '../../core/summary/numbers';
import type { Summary } from '../../core/summary/summary';
import { insertCitation } from '../citations/insert';
import { isReader } from '../reader';
import type { Settings } from '../settings';

export interface InsertCitationDeps {
  summary: Summary;
  settings: Settings;
}

/**
 * `cndSummary.insertCitation`: a citation of the paragraphs given (a list such as `13-15, 22`, or an array
 * of numbers), else asked for, at the cursor of the draft. Resolves with the citation's text as inserted.
 */
export async function insertCitationCommand(deps: InsertCitationDeps, numbersArg?: unknown): Promise<string | undefined> {
  const { summary, settings } = deps;
  const editor = vscode.window.activeTextEditor;
  if (!editor || isReader(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft and place the cursor where the citation should go.'));
    return undefined;
  }
  let input = typeof numbersArg === 'string' ? numbersArg : Array.isArray(numbersArg) ? numbersArg.join(', ') : undefined;
  if (input === undefined) {
    input = await vscode.window.showInputBox({
      title: vscode.l10n.t('Insert a Citation of the Chair’s Summary'),
      prompt: vscode.l10n.t('Paragraph numbers (1–{0}), e.g. 24 or 13-15, 22', summary.count),
      validateInput: (v) => {
        const r = parseParagraphList(v, summary.count);
        return r.ok
          ? {
              message: vscode.l10n.t('Inserts “{0}”', formatCitation(r.value, settings.citationFormat())),
              severity: vscode.InputBoxValidationSeverity.Info,
            }
          : { message: r.error, severity: vscode.InputBoxValidationSeverity.Error };
      },
    });
    if (input === undefined) return undefined;
  }
  const r = parseParagraphList(input, summary.count);
  if (!r.ok) {
    void vscode.window.showErrorMessage(r.error);
    return undefined;
  }
  return insertCitation(editor, r.value, settings.citationFormat());
}
