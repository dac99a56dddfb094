// Does the paragraph say that? The support checks, their quick fixes, the hover's verdict, completion ranked
// by the sentence and the per-check settings, as a drafter meets them in the editor.
import * as vscode from 'vscode';
import { unescaped } from './drafts';
import { assert, assertEqual, test, waitFor, workspaceUri } from './harness';
import { openDraft } from './search';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

async function ours(
  doc: vscode.TextDocument,
  what: string,
  probe: (d: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'CND Summary');
    return probe(d) ? d : undefined;
  }, what);
}

async function quickFixes(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
}

test('support: a citation of the wrong paragraph is warned; its fix cites the right one', async () => {
  const editor = await openDraft('support-1.md', 'Criminals increasingly pay for drugs in cryptocurrencies (para. 26).\n');
  const doc = editor.document;
  const [d] = await ours(doc, 'the citation-support warning', (x) => x.some((y) => codeOf(y) === 'citation-support'));
  assertEqual(d.severity, vscode.DiagnosticSeverity.Warning, 'a warning');
  assert(
    d.message.startsWith('Para. 26 does not seem to be about “cryptocurrencies”; para. 27 is: “Some speakers reported'),
    d.message,
  );
  assertEqual(doc.getText(d.range), 'para. 26', 'on the citation');
  const actions = await quickFixes(doc, d.range);
  assertEqual(
    actions.map((a) => a.title).slice(0, 3),
    ['Cite para. 27 instead', 'Add para. 27 to the citation', 'Keep this citation (para. 26)'],
    'fixes',
  );
  assert(actions[0].edit && (await vscode.workspace.applyEdit(actions[0].edit)), 'fix applied');
  assertEqual(doc.getText(), 'Criminals increasingly pay for drugs in cryptocurrencies (para. 27).\n', 'the draft after the fix');
  await ours(doc, 'the warning to go away', (x) => x.length === 0);
});

test('support: "keep this citation" is recorded in .cnd/kept-citations.json and silences the warning', async () => {
  const editor = await openDraft('support-keep.md', 'Traffickers pay for drugs in cryptocurrencies (para. 26).\n');
  const doc = editor.document;
  const [d] = await ours(doc, 'the warning', (x) => x.some((y) => codeOf(y) === 'citation-support'));
  const keep = (await quickFixes(doc, d.range)).find((a) => a.title === 'Keep this citation (para. 26)');
  assert(keep?.command, 'a keep action');
  await vscode.commands.executeCommand(keep.command.command, ...(keep.command.arguments ?? []));
  await ours(doc, 'the warning to go away', (x) => x.length === 0);
  const file = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.cnd', 'kept-citations.json')));
  const parsed = JSON.parse(file) as { version: number; kept: { sentence: string; paragraphs: number[]; check: string }[] };
  assert(
    parsed.kept.some(
      (k) =>
        k.sentence === 'Traffickers pay for drugs in cryptocurrencies (para. 26).' &&
        k.paragraphs.join() === '26' &&
        k.check === 'citation-support',
    ),
    file,
  );
  const hover = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    doc.uri,
    doc.positionAt(doc.getText().indexOf('para. 26') + 2),
  );
  const text = unescaped(hover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'));
  assert(text.includes('Kept as is'), `the hover says it is kept: ${text.slice(-300)}`);
  // A refused request: not the shape the extension's own fix makes.
  assertEqual(
    await vscode.commands.executeCommand('cndSummary.keepCitation', doc.uri.toString(), { sentence: 1, paragraphs: ['x'] }),
    false,
    'a forged request is refused',
  );
});

test('support: an attribution and a figure warning, with what the paragraph says', async () => {
  const editor = await openDraft(
    'support-2.md',
    'INCB stressed that criminals use cryptocurrencies to sell drugs (para. 27). The aim is to reduce illicit financial flows by 2025 (para. 24).\n',
  );
  const doc = editor.document;
  const diags = await ours(doc, 'two warnings', (x) => x.length >= 2);
  const attribution = diags.find((x) => codeOf(x) === 'attribution');
  assert(attribution, `attribution among ${diags.map(codeOf).join(', ')}`);
  assertEqual(attribution.message, 'INCB is not named in para. 27; the summary names it in para. 7.', 'attribution message');
  assertEqual(doc.getText(attribution.range), 'INCB', 'on the body');
  const figure = diags.find((x) => codeOf(x) === 'figure');
  assert(figure, 'figure');
  assertEqual(figure.message, 'Para. 24 gives “by 2030”, not “by 2025”.', 'figure message');
  const fix = (await quickFixes(doc, figure.range)).find((a) => a.title === 'Write “by 2030”');
  assert(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)), 'figure fix');
  assert(doc.getText().includes('financial flows by 2030 (para. 24)'), doc.getText());
});

test('support: an uncited restatement gets a quiet hint whose fix cites the paragraph', async () => {
  const sentence =
    'Cryptocurrencies were used by criminals to sell controlled substances and to move their illicit gains abroad, with blockchain giving them a high degree of anonymity.';
  const editor = await openDraft('support-3.md', `${sentence}\n`);
  const doc = editor.document;
  const [d] = await ours(doc, 'the hint', (x) => x.some((y) => codeOf(y) === 'uncited-restatement'));
  assertEqual(d.severity, vscode.DiagnosticSeverity.Hint, 'a hint, not a squiggle');
  const fix = (await quickFixes(doc, d.range)).find((a) => a.title === 'Cite para. 27');
  assert(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the fix');
  assertEqual(doc.getText(), `${sentence.slice(0, -1)} (para. 27).\n`, 'the draft after the fix');
  // In plain text the hint is off by default (the [plaintext] default of the setting).
  const plain = await openDraft('support-3.txt', `${sentence}\n`, 'plaintext');
  await new Promise((r) => setTimeout(r, 600));
  assertEqual(
    vscode.languages.getDiagnostics(plain.document.uri).filter((x) => codeOf(x) === 'uncited-restatement').length,
    0,
    'no hint in plain text',
  );
});

test('support: the fix for para. 40 offers the paragraphs related to the sentence first', async () => {
  const editor = await openDraft('support-4.md', 'Criminals sell drugs for cryptocurrencies on the dark web (para. 40).\n');
  const doc = editor.document;
  const [d] = await ours(doc, 'the error', (x) => x.some((y) => codeOf(y) === 'no-such-paragraph'));
  const titles = (await quickFixes(doc, d.range)).map((a) => a.title);
  assert(/^Change to (32|30) \(about “dark web”/.test(titles[0]), `related first: ${titles.join(' | ')}`);
  assert(titles.includes('Change to 37 (the nearest paragraph)'), 'the nearest paragraph comes after');
});

test('support: completion after "para. " puts the paragraph related to the sentence first, with why', async () => {
  const editor = await openDraft('support-5.md', 'Criminals sell drugs online and are paid in cryptocurrencies (para. ');
  const doc = editor.document;
  const end = doc.lineAt(0).range.end;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
  const items = list.items
    .filter((i) => i.kind === vscode.CompletionItemKind.Reference)
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  const first = items[0];
  const label = typeof first.label === 'string' ? first.label : first.label.label;
  const description = typeof first.label === 'string' ? '' : (first.label.description ?? '');
  assert(['27', '33', '32'].includes(label), `a related paragraph first: ${label} (${description})`);
  assert(description.startsWith('matched: ') && /cryptocurrencies/i.test(description), description);
  assertEqual(items.length, 37, 'then every other paragraph');
});

test('support: the hover says how well the citation supports its sentence', async () => {
  const editor = await openDraft(
    'support-6.md',
    'Criminals increasingly pay for drugs in cryptocurrencies (para. 26). Blockchain gives traffickers anonymity (para. 27).\n',
  );
  const doc = editor.document;
  const at = async (needle: string) => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      doc.positionAt(doc.getText().indexOf(needle) + 2),
    );
    return unescaped(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'));
  };
  const weak = await at('para. 26');
  assert(weak.includes('**Support: weak.**') && weak.includes('a better match is **para. 27**'), weak.slice(-400));
  const strong = await at('para. 27');
  assert(strong.includes('**Support: strong.**'), strong.slice(-300));
});

test('support: a checks setting turns a check off', async () => {
  const cfg = vscode.workspace.getConfiguration('cndSummary');
  const editor = await openDraft('support-7.md', 'Criminals increasingly pay for drugs in cryptocurrencies (para. 26).\n');
  const doc = editor.document;
  await ours(doc, 'the warning', (x) => x.some((y) => codeOf(y) === 'citation-support'));
  try {
    await cfg.update('checks.citation-support', 'off', vscode.ConfigurationTarget.Global);
    await ours(doc, 'no warning once the check is off', (x) => !x.some((y) => codeOf(y) === 'citation-support'));
    await cfg.update('checks.citation-support', 'error', vscode.ConfigurationTarget.Global);
    const [d] = await ours(doc, 'the check back, as an error', (x) => x.some((y) => codeOf(y) === 'citation-support'));
    assertEqual(d.severity, vscode.DiagnosticSeverity.Error, 'its level is the setting');
  } finally {
    await cfg.update('checks.citation-support', undefined, vscode.ConfigurationTarget.Global);
  }
});
