// End to end in the real web workbench, through the UI only (Playwright: keyboard, mouse, the page's DOM;
// no extension API): open the sample draft, hover a citation and read the card; the Markdown preview's
// links, a click on one opening the reader, and the citations the checks reject marked; the drafter's main
// flow by keyboard alone (open the draft, search, insert a citation, open the reader beside it, select words
// and add a note); Ctrl+click on a citation; select words in the reader with the mouse, copy them as a
// quotation and paste it into the draft.
import { join } from 'node:path';
import { CACHE } from '../hosts/setup.mjs';
import { freshWorkspace, launchBrowser, ROOT, startWebHost } from './hosts.mjs';
import { Workbench } from './workbench.mjs';

const t0 = Date.now();
/** The note typed in the reader's comment box: two lines. */
const NOTE_LINES = ['Ask our financial intelligence unit for figures', 'before the next intersessional #follow-up'];
const checks = [];
const check = (ok, what, detail = '') => {
  checks.push(ok);
  console.log(`[e2e] ${ok ? '✓' : '✗'} ${what}${detail ? `: ${detail}` : ''}`);
};

const host = await startWebHost({ workspace: freshWorkspace('e2e', join(ROOT, 'samples')) });
const { context, close } = await launchBrowser({ viewport: { width: 1400, height: 900 } });
// Copy in the reader, paste in the draft: the page may use the clipboard, as a person's browser lets it.
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
const page = context.pages()[0] ?? (await context.newPage());
const wb = new Workbench(page);
let crashed;
try {
  await wb.open(host.url);
  await wb.openFile('statement-plenary.md');

  const card = await wb.hoverOver('(para. 24)', 3, 'UNODC emphasized');
  check(card.startsWith('¶ 24 · Thematic session 2 · 20 October 2021'), 'hover card heading', card.split('\n')[0]);
  check(card.includes('the importance of comparing confiscated proceeds of drug crime'), 'hover card shows the paragraph');
  check(card.includes('UNODC — United Nations Office on Drugs and Crime'), 'hover card names the organization');
  const order = ['¶ 24 · Thematic', 'UNODC emphasized', 'Named in this paragraph', 'Open ¶ 24 in the reader'].map((t) =>
    card.indexOf(t),
  );
  check(
    order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])),
    'hover card: the heading first, the paragraph before the organizations it names and the links',
    order.join(' < '),
  );
  await page.mouse.move(5, 5);

  const status = (await wb.statusItem('citations')).replace(/\s+/g, ' ').trim();
  check(/^6 citations 0$/.test(status), 'status bar counts the draft’s citations and problems', status);

  // The built-in Markdown preview: citations are links whose tooltip is the paragraph's opening words.
  await wb.command('Markdown: Open Preview to the Side');
  const preview = page.frameLocator('iframe.webview').frameLocator('iframe');
  await preview.locator('a.cnd-citation').first().waitFor({ timeout: 30000 });
  const links = await preview
    .locator('a.cnd-citation')
    .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('title')]));
  const texts = links.map((l) => l[0]).join(', ');
  check(
    texts === 'para. 13, para. 14, para. 24, paras. 24–26, para. 27, paras. 30–32, 34',
    'preview links every citation',
    texts,
  );
  const p24 = links.find((l) => l[0] === 'para. 24');
  check(
    !!p24 && p24[1].startsWith('¶ 24: UNODC emphasized the importance of comparing'),
    'preview tooltip: the paragraph’s opening words',
    p24?.[1],
  );
  // A click on a citation in the preview opens the reader there (in the browser: the preview hands the
  // link to VS Code, the extension shows the paragraph; the placeholder tab is gone at once).
  await preview.locator('a.cnd-citation', { hasText: 'para. 27' }).first().click();
  const afterClick = await wb.waitForTabs(
    (tabs) => tabs.some((t) => t.active && t.label.startsWith('CND Chair’s summary')),
    'the reader after a click in the preview',
  );
  const readerStatus = (await wb.statusItem('¶')).trim();
  check(readerStatus.endsWith('¶ 27'), 'a click on para. 27 in the preview opens the reader at ¶ 27', readerStatus);
  check(
    afterClick.some((t) => t.label.startsWith('statement-plenary.md') && t.group === 1) &&
      !afterClick.some((t) => /^\d+$/.test(t.label) || t.label.startsWith('cnd-summary.paragraph')),
    'the draft stays in view, and no placeholder tab is left',
    afterClick.map((t) => `${t.label}@${t.group}`).join(', '),
  );

  // Citations the checks reject look different in the preview, with the reason in the tooltip.
  await wb.command('View: Close All Editors');
  await wb.openFile('briefing-note-draft.md');
  await wb.command('Markdown: Open Preview to the Side');
  const notes = page.frameLocator('iframe.webview').frameLocator('iframe');
  await notes.locator('.cnd-citation-error').first().waitFor({ timeout: 30000 });
  const rejected = await notes.locator('[class*="cnd-citation-"]').evaluateAll((els) =>
    els.map((e) => ({
      tag: e.tagName.toLowerCase(),
      text: e.textContent,
      level: e.className.replace('cnd-citation ', ''),
      title: e.getAttribute('title'),
      underline: getComputedStyle(e).textDecorationStyle,
    })),
  );
  const missing = rejected.find((r) => r.text === 'para. 38');
  check(
    missing?.tag === 'span' &&
      missing.level === 'cnd-citation-error' &&
      missing.underline === 'wavy' &&
      missing.title?.startsWith('There is no paragraph 38'),
    'para. 38 in the preview: not a link, a wavy error underline, the reason as its tooltip',
    JSON.stringify(missing),
  );
  const reversed = rejected.find((r) => r.text === 'paras. 32–30');
  check(
    reversed?.tag === 'a' &&
      reversed.level === 'cnd-citation-warning' &&
      reversed.title?.startsWith('The range 32–30 runs backwards.'),
    'a reversed range in the preview: still a link, marked as a warning, with the reason',
    JSON.stringify(reversed),
  );
  await page.locator('.monaco-editor .view-lines').first().click();
  await wb.command('View: Close All Editors');

  // The drafter's main flow by keyboard alone: open the draft, search, insert, open the reader beside,
  // select words, add a note.
  await page.keyboard.press('Control+p');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('statement-plenary.md');
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: 'statement-plenary.md' }).first().waitFor({ timeout: 30000 });
  await page.waitForTimeout(600);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Criminals sell controlled substances for cryptocurrencies ');
  await page.keyboard.press('Control+Alt+s');
  await wb.waitForQuickInput('Search the Chair');
  await page.keyboard.type('cryptocurrency blockchain');
  const top = page.locator('.quick-input-widget .monaco-list-row').first();
  await top.waitFor({ timeout: 15000 });
  await page.waitForTimeout(500);
  const topLabel = (await top.innerText()).replace(/\s+/g, ' ');
  check(topLabel.includes('¶ 27'), 'keyboard: the first result is ¶ 27', topLabel.slice(0, 80));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
  const typed = (await wb.editorText()).replace(/\n/g, '');
  check(
    typed.includes('Criminals sell controlled substances for cryptocurrencies para. 27'),
    'keyboard: the citation is inserted at the cursor',
    typed.slice(typed.indexOf('Criminals sell'), typed.indexOf('Criminals sell') + 80),
  );
  // Ctrl+Alt+G on the citation just typed: Go to Paragraph…, proposing 27; Enter opens the reader beside.
  await page.keyboard.press('Control+Alt+g');
  await wb.waitForQuickInput('Go to Paragraph');
  const proposed = await page.locator('.quick-input-widget input').first().inputValue();
  check(proposed === '27', 'keyboard: Go to Paragraph proposes the paragraph cited at the cursor', proposed);
  await page.keyboard.press('Enter');
  const beside = await wb.waitForTabs(
    (tabs) => tabs.some((t) => t.active && t.group === 2 && t.label.startsWith('CND Chair’s summary')),
    'the reader beside the draft',
  );
  check(
    beside.some((t) => t.group === 1 && t.label.startsWith('statement-plenary.md')),
    'keyboard: the reader opens beside the draft, which stays in view',
    beside.map((t) => `${t.label}@${t.group}`).join(', '),
  );
  const at27 = (await wb.statusItem('¶')).trim();
  check(at27.endsWith('¶ 27'), 'keyboard: the reader is at ¶ 27', at27);
  // The cursor is at the start of paragraph 27: select its first words, and add a note on them.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  // Add a Note opens an empty comment thread there; its reply box takes several lines (Enter: a new line;
  // Ctrl+Enter: add the note).
  await wb.command('CND Summary: Add a Note');
  const noteTitle = await wb.writeNote('Note on “', NOTE_LINES);
  check(/^Note on “.+” \(¶ 27\)$/.test(noteTitle), 'keyboard: Add a Note on the words selected in the reader', noteTitle);
  // A first note: the drafter is asked once for the name the notes carry.
  check(await wb.answerNamePrompt('A. Drafter'), 'keyboard: the drafter is asked for a name on a first note');
  await page.waitForTimeout(1200);
  // The Notes view started collapsed (no notes); shown with the first note, it opens by itself.
  await wb.command('View: Show CND Summary');
  const noteRow = page
    .locator('.pane', { has: page.locator('.pane-header', { hasText: /^Notes/ }) })
    .locator('.monaco-list-row', { hasText: 'Ask our financial intelligence unit' })
    .first();
  const noted = await noteRow
    .waitFor({ timeout: 15000 })
    .then(() => true)
    .catch(() => false);
  check(noted, 'keyboard: the note is in the Notes view, which opened by itself for the first note');
  // The notes file as the workbench has it (the web host keeps the workspace's writes in the page's memory).
  await wb.command('CND Summary: Open the Notes File');
  await page.locator('.tab.active', { hasText: 'notes.json' }).first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(800);
  // What the editor shows of the file: its first lines, then its last.
  const firstLines = await wb.editorText();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(500);
  const notesJson = `${firstLines}\n${await wb.editorText()}`.replace(/\s+/g, ' ');
  const body = notesJson.indexOf('"body"');
  check(
    notesJson.includes(`"body": "${NOTE_LINES.join('\\n')}"`),
    'keyboard: the note’s two lines are in .cnd/notes.json',
    notesJson.slice(body, body + 110),
  );
  const author = notesJson.indexOf('"author"');
  check(
    notesJson.includes('"author": "A. Drafter"'),
    'keyboard: the note carries the name given',
    author < 0 ? notesJson.slice(-200) : notesJson.slice(author, author + 30),
  );

  // Ctrl+click on a number in the draft: the reader (already beside) moves there; still one reader tab.
  await page.keyboard.press('Control+1');
  await page.waitForTimeout(400);
  await wb.command('Go to Line/Column', '11');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(600);
  const at13 = await wb.textBox('para. 13', 6);
  await page.keyboard.down('Control');
  await page.mouse.move(at13.x, at13.y, { steps: 3 });
  await page.waitForTimeout(300);
  await page.mouse.click(at13.x, at13.y);
  await page.keyboard.up('Control');
  await wb.waitForTabs(
    (tabs) => tabs.some((t) => t.active && t.label.startsWith('CND Chair’s summary')),
    'the reader after Ctrl+click',
  );
  await page.waitForTimeout(800);
  const readers = (await wb.tabs()).filter((t) => t.label.startsWith('CND Chair’s summary'));
  check(
    readers.length === 1 && readers[0].group === 2,
    'Ctrl+click on para. 13 shows it in the one reader tab, beside',
    (await wb.tabs()).map((t) => `${t.label}@${t.group}${t.active ? '*' : ''}`).join(', '),
  );
  const at13Status = (await wb.statusItem('¶')).trim();
  check(at13Status.endsWith('¶ 13'), 'Ctrl+click: the reader is at ¶ 13', at13Status);
  // Leave the sample as it was (no "Save changes?" dialog).
  await page.keyboard.press('Control+1');
  await page.waitForTimeout(300);
  await wb.command('File: Revert File');
  await wb.command('View: Close All Editors');
  await wb.openFile('statement-plenary.md');

  await wb.appendParagraph('Criminals sell controlled substances for cryptocurrencies ');
  const first = await wb.search('cryptocurrency blockchain');
  const firstLabel = (await first.innerText()).replace(/\s+/g, ' ');
  check(firstLabel.includes('¶ 27'), 'the first result is ¶ 27', firstLabel.slice(0, 80));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
  // Visible lines joined: a long line wrapped in the narrow editor reads as one again.
  const text = (await wb.editorText()).replace(/\n/g, '');
  const at = text.indexOf('Criminals sell');
  check(
    text.includes('Criminals sell controlled substances for cryptocurrencies para. 27'),
    'the citation is inserted at the cursor',
    text.slice(at, at + 80),
  );

  // Words selected with the mouse in the reader, Ctrl+Alt+C, then Ctrl+V in the draft.
  await wb.goToParagraph(24);
  await page.locator('.tab.active', { hasText: 'summary' }).first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(800);
  await wb.dragSelect(['UNODC emphasized', 0], ['UNODC emphasized', 15]);
  await page.keyboard.press('Control+Alt+c');
  await page.waitForTimeout(500);
  await wb.openFile('statement-plenary.md');
  await wb.appendParagraph('As the Chair noted, ');
  await page.keyboard.press('Control+v');
  await page.waitForTimeout(800);
  const pasted = (await wb.editorText()).replace(/\n/g, '');
  check(
    pasted.includes('As the Chair noted, “UNODC emphasized” (para. 24)'),
    'a passage of the reader copied as a quotation and pasted into the draft',
    pasted.slice(pasted.indexOf('As the Chair'), pasted.indexOf('As the Chair') + 60),
  );
} catch (e) {
  crashed = e;
} finally {
  if (crashed || checks.includes(false)) await page.screenshot({ path: join(CACHE, 'e2e-failure.png') }).catch(() => undefined);
  await close();
  await host.stop();
}
if (crashed) console.error(`[e2e] ✗ ${crashed instanceof Error ? crashed.message : crashed}`);
const ok = !crashed && checks.length > 0 && !checks.includes(false);
console.log(
  `[e2e] ${ok ? 'passed' : 'FAILED (screenshot: .vscode-test/e2e-failure.png)'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
process.exit(ok ? 0 : 1);
