// End to end in the real web workbench, through the UI only (Playwright: keyboard, mouse, the page's DOM;
// no extension API): open the sample draft, hover a citation and read the card, run the search from the
// command palette by keyboard, accept a result, and see the citation in the editor; select words in the
// reader, copy them as a quotation and paste it into the draft.
import { join } from 'node:path';
import { CACHE } from '../hosts/setup.mjs';
import { freshWorkspace, launchBrowser, ROOT, startWebHost } from './hosts.mjs';
import { Workbench } from './workbench.mjs';

const t0 = Date.now();
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
