import * as vscode from 'vscode';
import { type CitationFormat, formatCitation, formatQuotation, mergeNumbers } from '../../core/citations/format';
import { findCitations } from '../../core/citations/grammar';

/**
 * Inserts a citation of `numbers` at the cursor. When the cursor stands right after a citation of the
 * summary (`para. 24|` or `(paras. 13–15)|`), the numbers merge into it instead. Returns the text
 * of the citation as it now stands.
 */
export async function insertCitation(
  editor: vscode.TextEditor,
  numbers: number[],
  format: CitationFormat,
  at?: vscode.Position,
): Promise<string | undefined> {
  if (numbers.length === 0) return undefined;
  const doc = editor.document;
  const pos = at ?? editor.selection.end;
  const line = doc.lineAt(pos.line).text;
  const before = line.slice(0, pos.character);
  const previous = findCitations(before)
    .filter((c) => !c.external)
    .pop();
  const tail = previous ? before.slice(previous.end) : '';
  if (previous && /^\)?\s?$/.test(tail) && !/\d/.test(line[pos.character] ?? '')) {
    const merged = mergeNumbers(previous.paragraphs, numbers);
    const style = previous.suffix ? 'long' : previous.keyword.abbreviated || previous.keyword.pilcrow ? 'short' : 'words';
    const text = formatCitation(merged, { ...format, style });
    const range = new vscode.Range(pos.line, previous.start, pos.line, previous.end);
    const ok = await editor.edit((b) => b.replace(range, text));
    if (!ok) return undefined;
    const end = range.start.translate(0, text.length + tail.length);
    editor.selection = new vscode.Selection(end, end);
    return text;
  }
  let text = formatCitation(numbers, format);
  const prev = before.slice(-1);
  if (prev && /[\p{L}\p{N}.,;:]/u.test(prev)) text = ` ${text}`;
  const ok = await editor.edit((b) => b.insert(pos, text));
  if (!ok) return undefined;
  const end = pos.translate(0, text.length);
  editor.selection = new vscode.Selection(end, end);
  return text.trim();
}

/** Inserts `“words” (para. n)` — a quotation of the summary with its citation. */
export async function insertQuotation(
  editor: vscode.TextEditor,
  words: string,
  number: number,
  format: CitationFormat,
): Promise<string | undefined> {
  const pos = editor.selection.end;
  const prev = editor.document.lineAt(pos.line).text.slice(0, pos.character).slice(-1);
  const text = `${prev && /\S/.test(prev) ? ' ' : ''}${formatQuotation(words, [number], format)}`;
  const ok = await editor.edit((b) => b.insert(pos, text));
  if (!ok) return undefined;
  const end = pos.translate(0, text.length);
  editor.selection = new vscode.Selection(end, end);
  return text.trim();
}
