import * as vscode from 'vscode';
import { formatCitation } from '../../../src/core/citations/format';
import { api, assert, assertEqual, test, waitFor, workspaceUri } from './harness';

/** A fresh draft with `content`, open in an editor, cursor at the end. */
export async function openDraft(name: string, content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== language) await vscode.languages.setTextDocumentLanguage(doc, language);
  const editor = await vscode.window.showTextDocument(doc);
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  return editor;
}

async function runPicker(query: string, keys: string[]): Promise<unknown> {
  const { search } = await api();
  const done = vscode.commands.executeCommand('cndSummary.search', query);
  await waitFor(() => search.isPickerOpen(), 'the search picker to open');
  await new Promise((r) => setTimeout(r, 300));
  for (const k of keys) {
    const before = JSON.stringify(search.pickerState());
    await vscode.commands.executeCommand(k);
    // Each key changes what is active or checked (except accept, which closes the picker): wait for the
    // workbench to report it, so the next key acts on the new state (the Node host is a round trip away).
    if (k !== 'quickInput.accept')
      await waitFor(
        () => JSON.stringify(search.pickerState()) !== before || !search.isPickerOpen(),
        `the picker to take “${k}”`,
        3000,
      ).catch(() => undefined);
  }
  return done;
}

test('search: typing a query and accepting the first item inserts its citation in the draft', async () => {
  const editor = await openDraft('search-1.md', 'Criminals move their gains abroad with cryptocurrencies');
  const outcome = (await runPicker('cryptocurrency blockchain', ['quickInput.accept'])) as { action: string; numbers: number[] };
  assertEqual(outcome.action, 'inserted', 'outcome');
  assertEqual(outcome.numbers, [27], 'numbers');
  await waitFor(
    () => editor.document.getText().endsWith('with cryptocurrencies para. 27'),
    `the citation in the draft: ${editor.document.getText()}`,
  );
});

test('search: multi-select two items inserts one merged citation', async () => {
  const { search } = await api();
  const top = search.engine
    .search('confiscated')
    .hits.slice(0, 2)
    .map((h) => h.number);
  const editor = await openDraft('search-2.md', 'Confiscation remains low (see ');
  const outcome = (await runPicker('confiscated', [
    'quickInput.first',
    'quickInput.toggleCheckbox',
    'quickInput.next',
    'quickInput.toggleCheckbox',
    'quickInput.accept',
  ])) as { numbers: number[] };
  const expected = formatCitation(top);
  assertEqual(
    outcome.numbers,
    [...top].sort((a, b) => a - b),
    'both items',
  );
  assert(expected.startsWith('paras. '), expected);
  await waitFor(
    () => editor.document.getText() === `Confiscation remains low (see ${expected}`,
    `merged citation in: ${editor.document.getText()}`,
  );
});

test('search: a broad query lists every matching paragraph, not only the best 20', async () => {
  const { search } = await api();
  const all = search.engine.search('drug', { limit: 100 }).hits;
  assert(all.length > 20, `“drug” matches ${all.length} paragraphs`);
  const editor = await openDraft('search-broad.md', 'See ');
  const outcome = (await runPicker('drug', ['quickInput.last', 'quickInput.accept'])) as { numbers: number[] };
  assertEqual(outcome.numbers, [all[all.length - 1].number], 'the last item is the last match');
  await waitFor(
    () => editor.document.getText() === `See para. ${all[all.length - 1].number}`,
    `the citation in: ${editor.document.getText()}`,
  );
});

test('search: a citation right before the cursor absorbs the new numbers', async () => {
  const editor = await openDraft('search-3.md', 'As noted in paras. 13–15');
  await runPicker('narco-planes', ['quickInput.first', 'quickInput.accept']);
  await waitFor(() => editor.document.getText() === 'As noted in paras. 13–16', `merged: ${editor.document.getText()}`);
});

test('insert citation: validated numbers in UN style', async () => {
  const editor = await openDraft('search-4.md', 'See');
  const inserted = await vscode.commands.executeCommand('cndSummary.insertCitation', '13-15, 22');
  assertEqual(inserted, 'paras. 13–15 and 22', 'returned text');
  assertEqual(editor.document.getText(), 'See paras. 13–15 and 22', 'draft');
  const rejected = await vscode.commands.executeCommand('cndSummary.insertCitation', '36-40');
  assertEqual(rejected, undefined, 'out-of-range numbers are refused');
  assertEqual(editor.document.getText(), 'See paras. 13–15 and 22', 'draft unchanged');
});

test('insert citation: the configured style and dash are used', async () => {
  const cfg = vscode.workspace.getConfiguration('cndSummary');
  await cfg.update('citation.style', 'long', vscode.ConfigurationTarget.Global);
  await cfg.update('citation.rangeDash', 'hyphen', vscode.ConfigurationTarget.Global);
  try {
    const editor = await openDraft('search-5.md', 'See');
    await vscode.commands.executeCommand('cndSummary.insertCitation', '30-32');
    assertEqual(editor.document.getText(), "See paragraphs 30-32 of the Chair's summary", 'long style, hyphen');
  } finally {
    await cfg.update('citation.style', undefined, vscode.ConfigurationTarget.Global);
    await cfg.update('citation.rangeDash', undefined, vscode.ConfigurationTarget.Global);
  }
});

test('search: the index is built from the shipped summary', async () => {
  const { search, summary } = await api();
  assertEqual(search.engine.documentCount >= summary.count, true, 'every paragraph is indexed');
});
