import * as vscode from 'vscode';
import type { OutlineNode } from '../../../src/features/navigation/sessionsTree';
import { api, assert, assertEqual, EXTENSION_ID, test, waitFor } from './harness';

test('the extension activates by itself (activation events), before anything asks for it', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert(ext, 'installed');
  await waitFor(() => ext.isActive, 'activation on startup or on a draft language', 20000);
  const a = await api();
  assert(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 'extension is active');
  assertEqual(a.summary.count, 37, 'paragraph count');
});

test('the sessions view shows 4 sessions, 3 challenges and 37 paragraphs', async () => {
  const { navigation } = await api();
  const tree = navigation.sessions;
  const counts: Record<string, number> = {};
  const labels: string[] = [];
  const walk = (node?: OutlineNode) => {
    for (const child of tree.getChildren(node)) {
      counts[child.kind] = (counts[child.kind] ?? 0) + 1;
      const item = tree.getTreeItem(child);
      labels.push(typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
      walk(child);
    }
  };
  walk();
  assertEqual(counts.session, 4, 'sessions');
  assertEqual(counts.challenge, 3, 'challenges');
  assertEqual(counts.paragraph, 37, 'paragraphs');
  assert(
    labels.some((l) => l.startsWith('The importance of comparing confiscated proceeds')),
    `paragraph 24 label in ${labels.join(' | ')}`,
  );
  assert(labels.includes('(c) Thematic session 2'), 'session (c) label');
  const session = navigation.sessions
    .getChildren(navigation.sessions.root)
    .flatMap((s) => navigation.sessions.getChildren(s))
    .find((n) => n.kind === 'session' && n.index === 2);
  assert(session, 'session (c) node');
  assertEqual(navigation.sessions.getTreeItem(session).description, '20 October 2021', 'session (c) date');
});

test('go to paragraph 24 opens the reader with the cursor on paragraph 24', async () => {
  await vscode.commands.executeCommand('cndSummary.goToParagraph', 24);
  const editor = await waitFor(() => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.uri.scheme === 'cnd-summary' ? e : undefined;
  }, 'the reader to open');
  const line = editor.document.lineAt(editor.selection.active.line).text;
  assert(line.startsWith('24. UNODC emphasized'), `cursor line is paragraph 24: ${line.slice(0, 60)}`);
  assertEqual(editor.document.languageId, 'cnd-summary', 'reader language');
  assert(!editor.document.isDirty, 'reader is not dirty');
});

test("from a selection in the reader: Copy as Quotation (“…” (para. n), without the reader's markup) and Copy Citation (every paragraph selected)", async () => {
  const { drafts } = await api();
  await vscode.commands.executeCommand('cndSummary.goToParagraph', 24);
  const editor = await waitFor(() => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.uri.scheme === 'cnd-summary' ? e : undefined;
  }, 'the reader to open');
  const text = editor.document.getText();
  // The reader styles key phrases (no markup in its text); the quotation is the paragraph's words.
  const shown = 'UNODC emphasized the importance of comparing';
  const at = text.indexOf(shown);
  assert(at > 0, 'paragraph 24 in the reader');
  editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + shown.length));
  const copied = await vscode.commands.executeCommand<string>('cndSummary.copyQuotation');
  assertEqual(copied, '“UNODC emphasized the importance of comparing” (para. 24)', 'quotation');
  assertEqual(await vscode.env.clipboard.readText(), copied, 'clipboard');

  // From one paragraph into the next: not a quotation; nothing is copied.
  editor.selection = new vscode.Selection(
    editor.document.positionAt(at),
    editor.document.positionAt(text.indexOf('While referring to')),
  );
  assertEqual(await vscode.commands.executeCommand('cndSummary.copyQuotation'), undefined, 'across paragraphs');
  assertEqual(await vscode.env.clipboard.readText(), copied, 'clipboard unchanged');
  // Copy Citation of that selection: both paragraphs; and of 24 to 26.
  assertEqual(
    await vscode.commands.executeCommand('cndSummary.copyCitation'),
    'paras. 24 and 25',
    'citation of a selection over two paragraphs',
  );
  editor.selection = new vscode.Selection(
    editor.document.positionAt(at),
    editor.document.positionAt(text.indexOf('\n26. ') + 10),
  );
  assertEqual(
    await vscode.commands.executeCommand('cndSummary.copyCitation'),
    'paras. 24–26',
    'citation of a selection over three paragraphs',
  );
  assertEqual(await vscode.env.clipboard.readText(), 'paras. 24–26', 'clipboard');
  // Whole lines selected (the selection ends at the start of paragraph 26's line): 24 and 25 only.
  const line26 = editor.document.positionAt(text.indexOf('\n26. ') + 1).line;
  editor.selection = new vscode.Selection(editor.document.positionAt(at).with({ character: 0 }), new vscode.Position(line26, 0));
  assertEqual(await vscode.commands.executeCommand('cndSummary.copyCitation'), 'paras. 24 and 25', 'whole lines of 24 and 25');

  // Pasted into a draft, the quotation check finds the words in the paragraph.
  const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: `As the Chair noted, ${copied}.\n` });
  const problems = drafts.checker.check(draft);
  assertEqual(problems.map((p) => p.code).join(', '), '', 'no problems in the draft');
  assertEqual(drafts.checker.lastCheck(draft.uri)?.citations, 1, 'one citation');
});

test('go to paragraph rejects 0, 38 and "abc" without opening anything', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const bad of [0, 38, 'abc']) {
    const result = await vscode.commands.executeCommand('cndSummary.goToParagraph', bad);
    assertEqual(result, undefined, `result for ${bad}`);
  }
  assert(
    !vscode.window.activeTextEditor || vscode.window.activeTextEditor.document.uri.scheme !== 'cnd-summary',
    'no reader opened',
  );
});

test('moving the cursor in the reader reveals the paragraph in the sessions view', async () => {
  const { navigation } = await api();
  await vscode.commands.executeCommand('workbench.view.extension.cndSummary');
  await waitFor(() => navigation.sessionsView.visible, 'the sessions view to be visible');
  await vscode.commands.executeCommand('cndSummary.goToParagraph', 31);
  const selected = await waitFor(() => {
    const s = navigation.sessionsView.selection[0];
    return s && s.kind === 'paragraph' && s.number === 31 ? s : undefined;
  }, 'paragraph 31 to be selected in the tree');
  assert(selected, 'selected');
});
