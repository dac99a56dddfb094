// Drives the real workbench UI with Playwright and takes screenshots of the extension at work, for
// people to look at (README pictures, issue evidence). Not part of `npm test`.
// Usage: node test/integration/ui.mjs [--node-host] [scenario…]   → .vscode-test/screenshots/*.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from '../hosts/setup.mjs';
import { freshWorkspace, launchBrowser, startServerHost, startWebHost } from './hosts.mjs';
import { Workbench } from './workbench.mjs';

const argv = process.argv.slice(2);
const nodeHost = argv.includes('--node-host');
const wanted = argv.filter((a) => !a.startsWith('--'));
const OUT = join(CACHE, 'screenshots');
mkdirSync(OUT, { recursive: true });
const label = nodeHost ? 'node' : 'web';

const workspace = freshWorkspace(`ui-${label}`);
const host = nodeHost ? await startServerHost({ workspace }) : await startWebHost({ workspace });
const { context, close } = await launchBrowser({ viewport: { width: 1500, height: 920 } });
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => { if (m.text().includes('[cnd-test]')) console.log(m.text()); });
const shot = async (name) => {
  const path = join(OUT, `${label}-${name}.png`);
  await page.screenshot({ path });
  console.log(`screenshot ${path}`);
};

const wb = new Workbench(page);
const command = (title, input) => wb.command(title, input);
const openFile = (name) => wb.openFile(name);
const openContainer = () => wb.openContainer();
const endOfFile = () => wb.endOfFile();
const textBox = (text, offset) => wb.textBox(text, offset);
const hoverOver = (text, offset, expect) => wb.hoverOver(text, offset, expect);

const scenarios = {
  async hover() {
    await openFile('statement-draft.md');
    await page.waitForTimeout(1500);
    await hoverOver('(paras. ', 3, 'UNODC emphasized');
    await page.waitForTimeout(500);
    await shot('6-hover-citation');
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    await hoverOver('INTERPOL', 2, 'International Criminal Police Organization');
    await page.waitForTimeout(500);
    await shot('7-hover-organization');
  },
  async diagnostics() {
    await openFile('statement-draft.md');
    await endOfFile();
    await page.keyboard.press('Enter');
    await page.keyboard.type('As para. 38 shows, UNODC said "less than 2 per cent of proceeds is confiscated" (para. 24).');
    await page.waitForTimeout(1500);
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(800);
    await shot('8-diagnostics');
    await hoverOver('38 shows', 0, 'There is no paragraph 38');
    await page.waitForTimeout(400);
    await page.locator('.monaco-hover a', { hasText: 'Quick Fix' }).first().click();
    await page.waitForTimeout(800);
    await shot('9-quick-fix');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1200);
    await shot('10-fixed');
  },
  async completion() {
    await openFile('briefing-note.txt');
    await endOfFile();
    await page.keyboard.press('Enter');
    await page.keyboard.type('4. On asset recovery, see para. ');
    await page.waitForTimeout(300);
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row').first().waitFor({ timeout: 15000 });
    await page.keyboard.type('2');
    await page.waitForTimeout(600);
    await page.keyboard.press('Control+Space');
    await page.waitForTimeout(800);
    await shot('11-completion');
    await page.keyboard.press('Escape');
  },
  async notes() {
    await command('CND Summary: Go to Paragraph', '24');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1200);
    // Select "less than 1 per cent of criminal proceeds" in the reader with the mouse.
    const from = await textBox('less than 1 per cent', 0);
    const to = await textBox('criminal proceeds was', 16);

    await page.mouse.move(from.x - 3, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    await command('CND Summary: Add a Note');
    await page.waitForTimeout(600);
    await page.keyboard.type('Our Minister’s line on asset recovery — quote this in the plenary #quote #follow-up');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    await openContainer();
    await page.waitForTimeout(800);
    await shot('12-note-thread');
    // Open the thread from the Comments panel, then edit it: the pencil, new text, Save.
    await page.locator('.comments-panel .monaco-list-row', { hasText: 'Minister' }).first().click();
    await page.waitForTimeout(1200);
    await shot('12b-note-thread-open');
    const comment = page.locator('.review-widget .review-comment').first();
    await comment.hover();
    await page.locator('.review-widget [aria-label="Edit Note"]').first().click({ force: true });
    await page.waitForTimeout(500);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Our Minister’s line on asset recovery (revised) #quote');
    await page.locator('.review-widget .monaco-button', { hasText: 'Save' }).first().click();
    await page.waitForTimeout(1500);
    await shot('13-note-edited');
    await command('CND Summary: Export Notes');
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    await shot('14-export-dialog');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1500);
    await shot('15-exported');
  },
  async search() {
    await openFile('statement-draft.md');
    await endOfFile();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Criminals sell controlled substances for cryptocurrencies ');
    await command('CND Summary: Search the Summary');
    await page.waitForTimeout(400);
    await page.keyboard.type('cryptocurrency blockchain');
    await page.waitForTimeout(1000);
    await shot('3-search-quickpick');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    await shot('4-search-inserted');
    await command('CND Summary: Search the Summary');
    await page.waitForTimeout(400);
    await page.keyboard.type('org:interpol');
    await page.waitForTimeout(1000);
    await shot('5-search-filter');
  },
  async navigate() {
    await openContainer();
    await page.locator('.monaco-list-row', { hasText: '(c) Thematic session 2' }).first().click();
    await page.waitForTimeout(500);
    await page.locator('.monaco-list-row', { hasText: '¶ 24 ·' }).first().click();
    await page.waitForTimeout(1200);
    await shot('1-sessions-reader');
    await page.locator('.monaco-list-row', { hasText: 'Intergovernmental organization' }).first().click();
    await page.waitForTimeout(400);
    await page.locator('.monaco-list-row', { hasText: 'INTERPOL' }).first().click();
    await page.waitForTimeout(800);
    await shot('2-organizations');
  },
};

let failed = false;
try {
  await page.goto(host.url);
  await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
  await page.waitForTimeout(4000);
  for (const [name, run] of Object.entries(scenarios)) {
    if (wanted.length && !wanted.includes(name)) continue;
    try {
      await run();
    } catch (e) {
      failed = true;
      console.error(`scenario ${name} failed: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
      await shot(`error-${name}`);
    }
    await page.keyboard.press('Escape');
    await command('View: Close All Editors');
    await page.waitForTimeout(400);
  }
} finally {
  await close();
  await host.stop();
}
process.exit(failed ? 1 : 0);
