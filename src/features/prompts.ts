import * as vscode from 'vscode';
import { parseParagraphNumber } from '../core/summary/numbers';
import type { Summary } from '../core/summary/summary';

/** Asks for a paragraph number, checked as it is typed; undefined when the user cancels. */
export async function askParagraph(summary: Summary, title: string, value = ''): Promise<number | undefined> {
  const input = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Paragraph number (1–{0})', summary.count),
    value,
    validateInput: (v) => {
      const r = parseParagraphNumber(v, summary.count);
      return r.ok ? undefined : { message: r.error, severity: vscode.InputBoxValidationSeverity.Error };
    },
  });
  if (input === undefined) return undefined;
  const r = parseParagraphNumber(input, summary.count);
  return r.ok ? r.value : undefined;
}

/** A paragraph number passed to a command: the number, or undefined after telling the user why not. */
export function checkParagraphArg(summary: Summary, arg: number | string): number | undefined {
  const r = parseParagraphNumber(String(arg), summary.count);
  if (!r.ok) void vscode.window.showErrorMessage(r.error);
  return r.ok ? r.value : undefined;
}

/** The paragraph a command argument names: a number, a numeric string, or a paragraph item of a view. */
export function paragraphOf(arg: unknown): number | undefined {
  if (typeof arg === 'number') return arg;
  if (typeof arg === 'string' && /^\d+$/.test(arg)) return Number(arg);
  if (
    arg &&
    typeof arg === 'object' &&
    'kind' in arg &&
    arg.kind === 'paragraph' &&
    'number' in arg &&
    typeof arg.number === 'number'
  )
    return arg.number;
  return undefined;
}
