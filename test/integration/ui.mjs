// `npm run screenshots`: drives the real workbench UI with Playwright against the sample workspace
// (samples/) and takes the README's screenshots, media/screenshots/*.png. Not part of `npm test`.
// Usage: node test/integration/ui.mjs [--node-host] [--out DIR] [scenario…]
//   --node-host  code-server's VS Code server (Node extension host) instead of the web workbench
//   --out DIR    write the PNGs elsewhere (default: media/screenshots for the web workbench,
//                .vscode-test/screenshots/node for the Node host)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CACHE } from '../hosts/setup.mjs';
import { freshWorkspace, launchBrowser, ROOT, startServerHost, startWebHost } from './hosts.mjs';
import { Workbench } from './workbench.mjs';

const argv = process.argv.slice(2);
const nodeHost = argv.includes('--node-host');
const outAt = argv.indexOf('--out');
const OUT = outAt >= 0 ? resolve(argv[outAt + 1]) : nodeHost ? join(CACHE, 'screenshots/node') : join(ROOT, 'media/screenshots');
const wanted = argv.filter((a, i) => !a.startsWith('--') && !(outAt >= 0 && i === outAt + 1));
mkdirSync(OUT, { recursive: true });

const workspace = freshWorkspace(`ui-${nodeHost ? 'node' : 'web'}`, join(ROOT, 'samples'));
const host = nodeHost ? await startServerHost({ workspace }) : await startWebHost({ workspace });
const { context, close } = await launchBrowser({ viewport: { width: 1400, height: 900 } });
const page = context.pages()[0] ?? (await context.newPage());
const wb = new Workbench(page);
const shot = async (name) => {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  console.log(`screenshot ${path}`);
};

const scenarios = {
  /** The Sessions view down to a paragraph, the reader at it; the Organizations view. */
  async navigate() {
    await wb.openContainer();
    await page.locator('.monaco-list-row', { hasText: '(c) Thematic session 2' }).first().click();
    await page.waitForTimeout(500);
    await page.locator('.monaco-list-row', { hasText: 'The importance of comparing' }).first().click();
    await page.waitForTimeout(1500);
    await shot('sessions-reader');
    await page.locator('.monaco-list-row', { hasText: 'Intergovernmental organization' }).first().click();
    await page.waitForTimeout(400);
    await page.locator('.monaco-list-row', { hasText: 'INTERPOL' }).first().click();
    await page.waitForTimeout(800);
    await shot('organizations');
  },
  /** A draft with the reader beside it, opened from a citation's link in the draft. */
  async beside() {
    await wb.openFile('statement-plenary.md');
    await wb.openContainer();
    await page.locator('.monaco-list-row', { hasText: '(c) Thematic session 2' }).first().click();
    await page.waitForTimeout(500);
    await wb.command('CND Summary: Go to Paragraph', '24');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    await shot('reader-beside');
  },
  /** The search picker over a draft, as typed. */
  async search() {
    await wb.openFile('statement-plenary.md');
    await wb.appendParagraph('Criminals sell controlled substances for cryptocurrencies ');
    await wb.search('cryptocurency blockchain');
    await page.waitForTimeout(700);
    await shot('search');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
  },
  /** A hover card on a citation, with the status bar counts. */
  async hover() {
    await wb.openFile('statement-plenary.md');
    await page.waitForTimeout(1000);
    await wb.hoverOver('(para. 24)', 3, 'UNODC emphasized');
    await page.waitForTimeout(600);
    await shot('hover');
  },
  /** The draft with mistakes: the Problems panel and a quick fix. */
  async diagnostics() {
    await wb.openFile('briefing-note-draft.md');
    await page.waitForTimeout(1200);
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(800);
    await wb.hoverOver('para. 38', 7, 'There is no paragraph 38');
    await page.waitForTimeout(400);
    await page.locator('.monaco-hover a', { hasText: 'Quick Fix' }).first().click();
    await page.waitForTimeout(900);
    await shot('quick-fix');
    await page.keyboard.press('Escape');
  },
  /** A citation of the wrong paragraph: the support warning in the Problems panel, and its quick fixes. */
  async support() {
    await wb.openFile('briefing-note-draft.md');
    await page.waitForTimeout(1200);
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(800);
    const at = await wb.textBox('(para. 26)', 4);
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(600);
    await page.keyboard.press('Control+.');
    await page
      .locator('.action-widget .monaco-list-row', { hasText: 'Cite para. 27 instead' })
      .first()
      .waitFor({ timeout: 15000 });
    await page.waitForTimeout(600);
    await shot('support');
    await page.keyboard.press('Escape');
  },
  /** Several style slips in one draft: the light bulb offers to fix them all at once. */
  async fixAll() {
    await wb.openFile('briefing-note-draft.md');
    await page.waitForTimeout(1200);
    const at = await wb.textBox('(paras 24-26)', 9);
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(600);
    await page.keyboard.press('Control+.');
    await page
      .locator('.action-widget .monaco-list-row', { hasText: 'Fix all citation style problems' })
      .first()
      .waitFor({ timeout: 15000 });
    await page.waitForTimeout(600);
    await shot('fix-all');
    await page.keyboard.press('Escape');
  },
  /** Words selected in the reader, and its context menu: Copy as Quotation with Citation. */
  async quotation() {
    await wb.goToParagraph(24);
    await page.waitForTimeout(1500);
    const to = await wb.dragSelect(['UNODC emphasized', 0], ['drug crime with', 14]);
    await page.mouse.click(to.x, to.y + 4, { button: 'right' });
    await page
      .locator('.context-view .action-label', { hasText: 'Copy as Quotation with Citation' })
      .first()
      .waitFor({ timeout: 15000 });
    await page.waitForTimeout(500);
    await shot('copy-quotation');
    await page.keyboard.press('Escape');
  },
  async completion() {
    await wb.openFile('briefing-note-draft.md');
    await wb.endOfFile();
    await page.keyboard.press('Enter');
    await page.keyboard.type('On asset recovery, see para. 2');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row').first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(800);
    await shot('completion');
    await page.keyboard.press('Escape');
  },
  /** The built-in Markdown preview of a draft: citations are links. */
  async preview() {
    await wb.openFile('statement-plenary.md');
    await wb.command('Markdown: Open Preview to the Side');
    // The preview is a webview: an iframe in an iframe. Wait for our links in it.
    const inner = page.frameLocator('iframe.webview').frameLocator('iframe');
    await inner.locator('a.cnd-citation').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(800);
    await shot('preview');
    // Focus back in the editor: keys pressed in the preview's webview do not reach the workbench.
    await page.locator('.monaco-editor .view-lines').first().click();
  },
  /** The preview of a draft with mistakes: the citations the checks reject are marked, with the reason. */
  async previewChecks() {
    await wb.openFile('briefing-note-draft.md');
    await wb.command('Markdown: Open Preview to the Side');
    const inner = page.frameLocator('iframe.webview').frameLocator('iframe');
    const missing = inner.locator('.cnd-citation-error').first();
    await missing.waitFor({ timeout: 30000 });
    await missing.scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await shot('preview-checks');
    await page.locator('.monaco-editor .view-lines').first().click();
  },
  /** A note on a passage, as a comment thread in the reader and in the Notes view. */
  async notes() {
    await wb.goToParagraph(24);
    await page.waitForTimeout(1200);
    await wb.dragSelect(['1 per cent of criminal', 0], ['proceeds was confiscated', 23], 0);
    await page.waitForTimeout(300);
    await wb.command('CND Summary: Add a Note');
    await wb.writeNote('Note on', ['Our Minister’s line on asset recovery — quote this in the plenary #quote #follow-up']);
    await wb.answerNamePrompt('A. Drafter');
    await page.waitForTimeout(1500);
    await wb.openContainer();
    // The Notes view starts collapsed while there are no notes: open it.
    await wb.command('CND Summary: Focus on Notes View');
    await page.waitForTimeout(800);
    await page
      .locator('.comments-panel .monaco-list-row', { hasText: 'Minister' })
      .first()
      .click({ timeout: 5000 })
      .catch(() => undefined);
    await page.waitForTimeout(1500);
    await shot('notes');
  },
  /** The Getting Started walkthrough. */
  async walkthrough() {
    await wb.command('Welcome: Open Walkthrough');
    await page.waitForTimeout(600);
    await page.keyboard.type('CND');
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(2500);
    await shot('walkthrough');
  },
};

let failed = false;
try {
  await wb.open(host.url);
  await page.waitForTimeout(4000);
  for (const [name, run] of Object.entries(scenarios)) {
    if (wanted.length && !wanted.includes(name)) continue;
    try {
      await run();
    } catch (e) {
      failed = true;
      console.error(`scenario ${name} failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
      await page.screenshot({ path: join(CACHE, `screenshot-error-${name}.png`) });
    }
    try {
      await page.keyboard.press('Escape');
      // Leave the samples as they were for the next scenario, without a "Save changes?" dialog.
      await wb.command('File: Revert File');
      await wb.command('View: Close All Editors');
      await page.waitForTimeout(400);
    } catch (e) {
      console.error(`cleaning up after ${name}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    }
  }
} finally {
  await close();
  await host.stop();
}
process.exit(failed ? 1 : 0);
