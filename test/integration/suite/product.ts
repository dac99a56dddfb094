import * as vscode from 'vscode';
import { api, assert, assertEqual, log, publicApi, test, waitFor } from './harness';
import { openDraft } from './search';

test('activation and first hover times (printed by the runner)', async () => {
  const { activation } = await api();
  assert(activation.ownMs > 0 && activation.activateMs > 0, `activation recorded: ${JSON.stringify(activation)}`);
  const phases = Object.entries(activation.phases)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  log(
    `metric activation: ${activation.ownMs.toFixed(1)} ms = evaluating the bundle ${activation.evaluateMs.toFixed(1)} ms + activate() ${activation.activateMs.toFixed(1)} ms (${phases}); not counted, VS Code's own work: creating the vscode API object ${activation.apiMs.toFixed(1)} ms, then before calling activate() ${activation.hostMs.toFixed(1)} ms`,
  );
  const { drafts } = await api();
  const t0 = performance.now();
  const editor = await openDraft('first-hover.md', 'Criminal proceeds remain low (para. 24).');
  const opened = performance.now();
  const at = editor.document.positionAt(editor.document.getText().indexOf('para. 24') + 2);
  // Our part: the extension's hover provider, called directly on code that has not run yet.
  const ours = drafts.hover.provideHover(editor.document, at);
  const computed = performance.now();
  const oursText = ours?.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n') ?? '';
  assert(oursText.startsWith('**¶ 24**'), `our card: ${oursText.slice(0, 40)}`);
  // The whole of it: VS Code asks every hover provider of the document (ours and the Markdown language server's).
  let requests = 0;
  const text = await waitFor(async () => {
    requests++;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    return md.includes('UNODC emphasized') ? md : undefined;
  }, 'the hover card');
  const done = performance.now();
  assert(text.includes('**¶ 24**'), text.slice(0, 40));
  const again = performance.now();
  await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
  const warm = performance.now() - again;
  log(
    `metric first hover card: our hover provider ${(computed - opened).toFixed(1)} ms on first use; through VS Code ${(done - computed).toFixed(1)} ms (${requests} request(s), all hover providers; ${warm.toFixed(1)} ms the second time); writing and opening the draft before that ${(opened - t0).toFixed(1)} ms`,
  );
});

test('status bar: citations and problems in a draft, the paragraph in the reader; its click shows the paragraph in the Sessions view', async () => {
  const { status, navigation } = await api();
  await openDraft('status.md', 'See para. 24 and paras. 30–32.\nAlso para. 38. Not operative paragraph 3 of resolution 64/1.');
  const draft = await waitFor(
    () => (status.item.text.includes('3 citations') && status.item.text.endsWith(' 1') ? status.item.text : undefined),
    `the draft's counts (now “${status.item.text}”)`,
  );
  assertEqual(draft, '$(book) 3 citations $(error) 1', 'status text');
  assertEqual(
    status.item.command && typeof status.item.command !== 'string' ? status.item.command.command : status.item.command,
    'workbench.actions.view.problems',
    'click opens the Problems panel',
  );

  await vscode.commands.executeCommand('cndSummary.goToParagraph', 27);
  await waitFor(() => status.item.text === '$(book) ¶ 27', `the reader's paragraph (now “${status.item.text}”)`);
  const command = status.item.command as vscode.Command;
  assertEqual(command.command, 'cndSummary.revealInSessions', 'click command');
  const revealed = await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
  const view = navigation.sessionsView;
  const selected = await waitFor(
    () => view.selection[0],
    `a selection in the Sessions view (command returned ${String(revealed)}, view visible: ${view.visible})`,
  );
  assertEqual(selected.kind === 'paragraph' ? selected.number : -1, 27, 'paragraph selected in the Sessions view');
});

test('Markdown preview: citations become links with the opening words as tooltip; external references stay plain', async () => {
  const { preview } = await api();
  const html = await vscode.commands.executeCommand<string>(
    'markdown.api.render',
    'As noted in para. 24 and *paras. 30–32*; see operative paragraph 3 of resolution 64/1 and para. 38.',
  );
  const links = [...html.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map((m) => ({ attrs: m[1], text: m[2] }));
  assertEqual(
    links.map((l) => l.text),
    ['para. 24', 'paras. 30–32'],
    `linked citations in ${html}`,
  );
  assert(links[0].attrs.includes(`href="${preview.href(24)}"`), `href to paragraph 24: ${links[0].attrs}`);
  assert(links[0].attrs.includes('class="cnd-citation"'), 'class');
  assert(/title="¶ 24: UNODC emphasized the importance of comparing/.test(links[0].attrs), `tooltip: ${links[0].attrs}`);
  assert(html.includes('operative paragraph 3 of resolution 64/1'), 'the external reference stays as text');
  assert(
    html.includes(
      `<span title="There is no paragraph 38 in the Chair's summary: it has paragraphs 1 to 37." class="cnd-citation cnd-citation-error">para. 38</span>`,
    ),
    `the missing paragraph is marked, not linked: ${html}`,
  );
});

test('a preview link opens the reader at its paragraph: the URI handler on the desktop, a link VS Code opens in the browser', async () => {
  const { preview, status } = await api();
  const href = vscode.Uri.parse(preview.href(30));
  if (vscode.env.uiKind === vscode.UIKind.Desktop) await vscode.env.openExternal(href);
  else {
    // What the Markdown preview does with a link that is not a web address: `vscode.open` (the e2e test clicks it).
    assertEqual(href.toString(true), 'cnd-summary.paragraph:/30', 'the link in the browser');
    await vscode.commands.executeCommand('vscode.open', href);
  }
  await waitFor(
    () => status.view()?.text === '$(book) ¶ 30',
    `the reader at paragraph 30 (active: ${vscode.window.activeTextEditor?.document.uri.toString()})`,
  );
  await waitFor(
    () =>
      !vscode.window.tabGroups.all.some((g) =>
        g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme !== 'cnd-summary'),
      ),
    `no tab left but the reader's (${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')})`,
  );
});

test('view items: Copy Citation copies the paragraph citation in the configured style', async () => {
  const { navigation } = await api();
  const node = navigation.sessions.paragraphNode(13);
  assert(node, 'paragraph 13 in the Sessions view');
  const copied = await vscode.commands.executeCommand<string>('cndSummary.copyCitation', node);
  assertEqual(copied, 'para. 13', 'citation');
  assertEqual(await vscode.env.clipboard.readText(), 'para. 13', 'clipboard');
  await vscode.commands.executeCommand('cndSummary.openParagraph', node);
  await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'cnd-summary', 'the reader');
});

test('the walkthrough sample draft opens with its citations counted', async () => {
  const { status } = await api();
  const editor = await vscode.commands.executeCommand<vscode.TextEditor>('cndSummary.openSampleDraft');
  assert(editor.document.isUntitled && editor.document.languageId === 'markdown', 'an untitled Markdown draft');
  assert(editor.document.getText().includes('(para. 24)'), 'the sample statement');
  await waitFor(
    () => /^\$\(book\) \d+ citations \$\(check\) 0$/.test(status.item.text),
    `counts for the sample (now “${status.item.text}”)`,
  );
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('the public API (src/api.d.ts): a paragraph, search, related paragraphs, a citation', async () => {
  const exported = await publicApi();
  assertEqual(exported.apiVersion, 1, 'version');
  assertEqual(exported.paragraphCount, 37, 'paragraphs');
  const p24 = exported.paragraph(24);
  assert(p24 && p24.text.startsWith('UNODC emphasized the importance of comparing'), `paragraph 24: ${p24?.text.slice(0, 60)}`);
  assert(p24.names.includes('UNODC') && p24.place.startsWith('Thematic session 2'), JSON.stringify(p24).slice(0, 200));
  assertEqual(exported.paragraph(38), undefined, 'no paragraph 38');
  assertEqual(exported.search('cryptocurrency blockchain')[0]?.paragraph, 27, 'search');
  let error = '';
  try {
    exported.search('org:nobody');
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  assert(error.startsWith('CND Summary search: No organization'), error);
  const related = exported.related('Traffickers take payment in virtual currencies, which hampers financial investigations.');
  assertEqual(related[0]?.paragraph, 27, 'related');
  assertEqual(exported.formatCitation([13, 14, 15, 22]), 'paras. 13–15 and 22', 'citation');
  assertEqual(exported.formatCitation([24], 'long'), "paragraph 24 of the Chair's summary", 'long citation');
  assert(exported.activation.ownMs > 0, 'activation figures');
});
