// The drafter's workbench: the reader opens beside the draft (one tab, reused) and reads as clean, styled
// text; the sidebar's items say what they are (labels, icons, screen-reader names); one command category;
// the status bar's problem icon is the worst severity.
import * as vscode from 'vscode';
import type { OutlineNode } from '../../../src/features/navigation/sessionsTree';
import { api, assert, assertEqual, EXTENSION_ID, test, waitFor } from './harness';
import { openDraft } from './search';

const READER = 'cnd-summary';
const isReaderTab = (t: vscode.Tab) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === READER;
const readerTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isReaderTab);
/** Where each open tab is: `statement.md@1, CND Chair’s summary 2021@2`. */
const layout = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${t.label}@${g.viewColumn}`)).join(', ');

/** The text of a label, tooltip or description. */
const text = (v: string | vscode.MarkdownString | vscode.TreeItemLabel | undefined) =>
  typeof v === 'string' ? v : v && 'value' in v ? v.value : (v?.label ?? '');

async function readerAt(n: number, column: vscode.ViewColumn): Promise<vscode.TextEditor> {
  const { status } = await api();
  return waitFor(() => {
    const e = vscode.window.visibleTextEditors.find((x) => x.document.uri.scheme === READER && x.viewColumn === column);
    return e && status.view(e)?.text === `$(book) ¶ ${n}` ? e : undefined;
  }, `the reader at ¶ ${n} in column ${column} (tabs: ${layout()})`);
}

test('the reader opens beside the draft, and every way of opening it reuses that one tab', async () => {
  const draft = await openDraft('beside.md', 'As noted in para. 24 and paras. 30–32.\n');
  assertEqual(draft.viewColumn, vscode.ViewColumn.One, 'the draft in the first column');
  // A command (as the Sessions view, a hover link and the search's Open button run it).
  await vscode.commands.executeCommand('cndSummary.goToParagraph', 24);
  await readerAt(24, vscode.ViewColumn.Two);
  assert(
    vscode.window.visibleTextEditors.some((e) => e.document === draft.document && e.viewColumn === vscode.ViewColumn.One),
    `the draft stays in view (tabs: ${layout()})`,
  );
  // A document link in the draft (Ctrl+click on a number), as VS Code runs it: its command URI.
  await vscode.window.showTextDocument(draft.document, vscode.ViewColumn.One);
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', draft.document.uri);
  const link31 = links.find((l) => l.target?.toString(true) === 'command:cndSummary.followCitationLink?[30]');
  assert(link31?.target, `a link on 30: ${links.map((l) => l.target?.toString(true)).join(', ')}`);
  await vscode.commands.executeCommand(link31.target.path, ...(JSON.parse(link31.target.query) as unknown[]));
  await readerAt(30, vscode.ViewColumn.Two);
  // The hover card's link and the view items run the same command; the reader stays where it is even
  // when its column is not the active one.
  await vscode.window.showTextDocument(draft.document, vscode.ViewColumn.One);
  await vscode.commands.executeCommand('cndSummary.openParagraph', 27);
  await readerAt(27, vscode.ViewColumn.Two);
  assertEqual(readerTabs().length, 1, `one reader tab (tabs: ${layout()})`);
  assertEqual(vscode.window.tabGroups.all.length, 2, `two columns (tabs: ${layout()})`);
});

test('with no editor open (a click in the Sessions view), the reader opens in the active column', async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('cndSummary.goToParagraph', 13);
  await readerAt(13, vscode.ViewColumn.One);
  assertEqual(vscode.window.tabGroups.all.filter((g) => g.tabs.length > 0).length, 1, `one column (tabs: ${layout()})`);
});

/** The reader's semantic tokens, decoded: [line, character, length, type]. */
async function readerTokens(uri: vscode.Uri): Promise<{ line: number; start: number; length: number; type: string }[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
    'vscode.provideDocumentSemanticTokensLegend',
    uri,
  );
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
  const out: { line: number; start: number; length: number; type: string }[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dLine, dStart, length, type] = tokens.data.slice(i, i + 4);
    line += dLine;
    start = dLine === 0 ? start + dStart : dStart;
    out.push({ line, start, length, type: legend.tokenTypes[type] });
  }
  return out;
}

test('the reader reads cleanly: no markup characters; numbers, headings and key phrases styled by the theme; outline and links', async () => {
  await vscode.commands.executeCommand('cndSummary.goToParagraph', 24);
  const editor = await readerAt(24, vscode.ViewColumn.One);
  const doc = editor.document;
  assertEqual(doc.languageId, 'cnd-summary', 'the reader’s own language');
  const readerText = doc.getText();
  assert(
    !/\[\^|\\[*_[\]]|^#+ |^> /m.test(readerText),
    `no Markdown markup in the reader: ${/.*(\[\^|^#+ ).*/m.exec(readerText)?.[0]}`,
  );
  const line24 = editor.selection.active.line;
  assert(
    doc.lineAt(line24).text.startsWith('24. UNODC emphasized the importance of comparing'),
    doc.lineAt(line24).text.slice(0, 60),
  );

  const tokens = await readerTokens(doc.uri);
  const on = (type: string) =>
    tokens.filter((t) => t.type === type).map((t) => doc.getText(new vscode.Range(t.line, t.start, t.line, t.start + t.length)));
  assert(
    on('cndParagraphNumber').length === 37 && on('cndParagraphNumber').includes('24.'),
    `paragraph numbers: ${on('cndParagraphNumber').join(' ')}`,
  );
  assert(on('cndHeading').includes('(c) Thematic session 2 · 20 October 2021'), `headings: ${on('cndHeading').join(' | ')}`);
  assert(
    on('cndKeyPhrase').includes(
      'the importance of comparing confiscated proceeds of drug crime with drug profits and related financial flows',
    ),
    'key phrase of 24',
  );
  // The only asterisks are the document's own footnote marks (`**` after the title, `*` after the agenda item).
  const marks = tokens.filter((t) => t.type === 'cndFootnoteMark');
  for (const [i, line] of readerText.split('\n').entries()) {
    for (const m of line.matchAll(/\*+/g)) {
      assert(
        marks.some((t) => t.line === i && t.start === m.index && t.length === m[0].length),
        `an asterisk that is not a footnote mark, line ${i}: ${line.slice(0, 60)}`,
      );
    }
  }
  // The package maps them to the TextMate scopes themes style (markup.heading, markup.bold…).
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
    contributes: { semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[] };
  };
  assertEqual(manifest.contributes.semanticTokenScopes[0].scopes.cndKeyPhrase, ['markup.bold'], 'key phrases in bold');

  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
  const sectionII = symbols.find((s) => s.name.startsWith('II.'));
  const sessionC = sectionII?.children.find((s) => s.name === '(c) Thematic session 2');
  assert(
    sessionC?.children.some((p) => p.name === '¶ 24' && p.range.start.line === line24),
    'outline: II › (c) › ¶ 24',
  );
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
  assert(
    links.some((l) => l.target?.toString() === 'http://www.unodc.org/hlr/en/Follow-upProcess.html'),
    'the address in paragraph 8 is a link',
  );
});

test('the sidebar: labels say what a paragraph is about, its number is the badge; icons and screen-reader names; challenges open', async () => {
  const { navigation } = await api();
  const tree = navigation.sessions;
  const items: { node: OutlineNode; item: vscode.TreeItem }[] = [];
  const walk = (node?: OutlineNode) => {
    for (const child of tree.getChildren(node)) {
      items.push({ node: child, item: tree.getTreeItem(child) });
      walk(child);
    }
  };
  walk();
  const icon = (i: vscode.TreeItem) => (i.iconPath instanceof vscode.ThemeIcon ? i.iconPath.id : 'not a product icon');
  for (const { node, item } of items) {
    assert(item.accessibilityInformation?.label && item.accessibilityInformation.role === 'treeitem', `a11y of ${node.kind}`);
    assert(icon(item) !== 'symbol-text', `no “abc” icon (${node.kind})`);
    if (node.kind === 'challenge')
      assertEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'challenge expanded');
  }
  const p24 = items.find((x) => x.node.kind === 'paragraph' && x.node.number === 24)!.item;
  assertEqual(
    p24.label,
    'The importance of comparing confiscated proceeds of drug crime with drug profits and related financial flows',
    'label',
  );
  // Its number: the item's badge (a file decoration of this URI), which shows however long the label.
  assertEqual(p24.resourceUri?.toString(true), 'cnd-summary.paragraph:/24', 'the URI that carries the number');
  assertEqual(icon(p24), 'whitespace', 'a pilcrow');
  assert(
    p24.accessibilityInformation!.label.startsWith('Paragraph 24: the importance of comparing'),
    p24.accessibilityInformation!.label,
  );
  assert(text(p24.tooltip).includes('UNODC emphasized the importance'), 'the tooltip has the text');
  const session = items.find((x) => x.node.kind === 'session' && x.node.index === 2)!.item;
  assertEqual(icon(session), 'calendar', 'session icon');
  assertEqual(
    session.accessibilityInformation!.label,
    'Session (c), Thematic session 2, 20 October 2021, paragraphs 23 to 29',
    'session',
  );

  const orgs = navigation.organizations;
  const entities = orgs.groups.flatMap((g) => orgs.getChildren(g)).map((n) => orgs.getTreeItem(n));
  const unodc = entities.find((i) => text(i.label).startsWith('UNODC — '));
  assertEqual(unodc && icon(unodc), 'organization', 'an organization');
  const mexico = entities.find((i) => i.label === 'Mexico');
  assertEqual(mexico && icon(mexico), 'location', 'a Member State');
  assert(mexico?.accessibilityInformation?.label.startsWith('Mexico, named in'), 'a state’s name for screen readers');
});

test('the manifest: one command category, the views’ sizes, Notes collapsed at first', () => {
  const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
    contributes: {
      commands: { command: string; category?: string }[];
      views: Record<string, { id: string; contextualTitle?: string; initialSize?: number; visibility?: string }[]>;
      viewsContainers: { activitybar: { title: string }[] };
      configuration: { title: string };
    };
  };
  const c = manifest.contributes;
  const others = c.commands.filter((x) => x.category !== 'CND Summary');
  assertEqual(
    others.map((x) => x.command),
    [],
    'commands outside “CND Summary”',
  );
  const views = c.views.cndSummary;
  assertEqual(
    views.map((v) => [v.id, v.contextualTitle, v.initialSize, v.visibility ?? 'visible']),
    [
      ['cndSummary.sessions', 'CND Summary', 4, 'visible'],
      ['cndSummary.organizations', 'CND Summary', 2, 'visible'],
      ['cndSummary.notes', 'CND Summary', 1, 'collapsed'],
    ],
    'views',
  );
  assertEqual(
    [c.viewsContainers.activitybar[0].title, c.configuration.title],
    ['CND Summary', 'CND Summary'],
    'container and settings',
  );
});

test('status bar: the icon of the worst severity; hints are not problems', async () => {
  const { status } = await api();
  const cases: [string, string][] = [
    ['See paras. 32–30.\n', '$(book) 1 citation $(warning) 1'],
    ['See paras. 30-32.\n', '$(book) 1 citation $(info) 1'],
    ['See para. 40 and paras. 32–30.\n', '$(book) 2 citations $(error) 2'],
    [
      'Cryptocurrencies were used by criminals to sell controlled substances and to move their illicit gains abroad, with blockchain giving them a high degree of anonymity.\n',
      '$(book) 0 citations $(check) 0',
    ],
  ];
  for (const [i, [content, expected]] of cases.entries()) {
    await openDraft(`severity-${i}.md`, content);
    await waitFor(
      () => status.item.text === expected,
      `“${expected}” for ${JSON.stringify(content)} (now “${status.item.text}”)`,
    );
  }
  assert(text(status.item.tooltip).includes('no problems found'), text(status.item.tooltip));
  // The hint is there, and quiet.
  const doc = vscode.window.activeTextEditor!.document;
  const hints = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Hint);
  assert(hints.length > 0, 'the uncited restatement is a hint');
});
