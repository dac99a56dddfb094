// What `npm start` starts keeps the drafter's work on disk, through the UI only (Playwright: keyboard, mouse,
// the page's DOM; no extension API). From a clean start (no ~/cnd-summary yet; here a folder under
// .vscode-test/ stands for the home folder), startWorkbench, the function npm start calls, copies samples/
// and starts code-server's VS Code server, as npm start does without desktop `code`. Then: open a sample
// draft, type a sentence, Ctrl+S; select a passage in the reader and add a note; find both on disk (the
// draft file and .cnd/notes.json); toggle a setting and find it in the kept workbench folder; reload the page
// and see the sentence and the note again; run npm start's preparation again and find the drafts kept, not
// copied over.
// Then `npm start -- --web` on the same drafts: Ctrl+S there writes nothing to disk and a reload loses it,
// as npm start prints and the README says (this pins the claim to the pinned @vscode/test-web).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from '../hosts/setup.mjs';
import { launchBrowser, ROOT } from './hosts.mjs';
import { describeWorkbench, prepareWorkspace, startWorkbench } from './start-workbench.mjs';
import { Workbench } from './workbench.mjs';

const t0 = Date.now();
const checks = [];
const check = (ok, what, detail = '') => {
  checks.push(ok);
  console.log(`[start] ${ok ? '✓' : '✗'} ${what}${detail ? `: ${detail}` : ''}`);
};
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** Polls `condition` (sync or async) until it returns a truthy value; resolves with it, or with false after `timeoutMs`. */
async function waitFor(condition, timeoutMs = 30000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value || Date.now() > until) return value || false;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const HOME = join(CACHE, 'start-home');
rmSync(HOME, { recursive: true, force: true });
const DRAFT = 'statement-plenary.md';
const draftOnDisk = (workspace) => readFileSync(join(workspace, DRAFT), 'utf8');
const notesOnDisk = (workspace) => {
  try {
    return JSON.parse(readFileSync(join(workspace, '.cnd/notes.json'), 'utf8')).notes ?? [];
  } catch {
    return [];
  }
};
// Unique per run, so text left from an earlier run could not pass for this one.
const run = Date.now().toString(36);
const SENTENCE = `Kept on disk ${run}: the Commission may wish to follow up on para. 27.`;
const NOTE = `Raise with the Chair ${run} #follow-up`;
const WEB_SENTENCE = `Typed in the web workbench ${run}.`;

/** The draft's text as the editor shows it, from its end (where the sentences are typed), long lines joined. */
async function draftTail(wb) {
  await wb.openFile(DRAFT);
  await wb.endOfFile();
  return (await wb.editorText()).replace(/\n/g, '');
}

/** Opens `url` in a new headless Chromium and runs `steps(wb, page)`; on failure keeps a screenshot. */
async function inBrowser(url, label, steps) {
  const { context, close } = await launchBrowser({ viewport: { width: 1400, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const wb = new Workbench(page);
  try {
    await wb.open(url);
    await wb.waitForExtension();
    await steps(wb, page);
  } catch (e) {
    check(false, `${label}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  } finally {
    if (checks.includes(false)) await page.screenshot({ path: join(CACHE, `start-${label}-failure.png`) }).catch(() => undefined);
    await close();
  }
}

// ── npm start: code-server's VS Code server on a new drafts folder
const server = await startWorkbench({ kind: 'server', home: HOME, port: 0 });
const { workspace } = server;
try {
  console.log(describeWorkbench(server, HOME).replace(/^/gm, '[start]   '));
  check(server.created && workspace === join(HOME, 'drafts'), 'first run: the drafts folder is created from samples/', workspace);
  check(draftOnDisk(workspace) === readFileSync(join(ROOT, 'samples', DRAFT), 'utf8'), 'it holds the sample drafts as committed');

  await inBrowser(server.url, 'server', async (wb, page) => {
    await wb.openFile(DRAFT);
    await wb.appendParagraph(SENTENCE);
    await page.keyboard.press('Control+s');
    check(
      !!(await waitFor(() => draftOnDisk(workspace).includes(SENTENCE))),
      'Ctrl+S writes the typed sentence to the draft on disk',
    );
    check(!draftOnDisk(join(ROOT, 'samples')).includes(run), 'samples/ in the repository is untouched');

    // A setting changed in the workbench lands in the kept workbench folder, not in the browser.
    await wb.command('View: Toggle Minimap');
    const settings = join(HOME, 'workbench/server/user/User/settings.json');
    const minimapOff = () => {
      try {
        return JSON.parse(readFileSync(settings, 'utf8'))['editor.minimap.enabled'] === false;
      } catch {
        return false;
      }
    };
    check(!!(await waitFor(minimapOff)), 'a setting changed in the workbench is kept in ~/cnd-summary/workbench', settings);

    await wb.goToParagraph(24);
    await page.locator('.tab.active', { hasText: 'summary' }).first().waitFor({ timeout: 30000 });
    // One word (it appears once in the summary): a phrase may wrap across screen lines, whatever the editor's width.
    await waitFor(() => wb.textBox('currently', 0));
    await wb.dragSelect(['currently', 0], ['currently', 8]);
    await wb.command('CND Summary: Add a Note');
    await wb.writeNote('Note on', [NOTE]);
    // A first note: the drafter is asked once for the name the notes carry.
    check(await wb.answerNamePrompt('A. Drafter'), 'the drafter is asked for a name on a first note');
    const note = await waitFor(() => notesOnDisk(workspace).find((n) => n.body === NOTE));
    check(note?.author === 'A. Drafter', 'the note carries the name given', note?.author ?? '');
    check(!!note, 'the note is written to .cnd/notes.json in the workspace');
    check(
      note?.target?.paragraph === 24 && note.target.selector?.[0]?.exact === 'currently',
      'on the passage selected in paragraph 24',
      note ? `¶ ${note.target.paragraph}: “${note.target.selector?.[0]?.exact}”` : '',
    );

    await page.reload();
    await wb.waitForExtension();
    const tail = await waitFor(async () => {
      const text = await draftTail(wb);
      return text.includes(SENTENCE) && text;
    });
    check(!!tail, 'after a reload, the draft shows the saved sentence');
    await wb.openContainer();
    const notesView = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Notes/ }) });
    const noteRow = notesView.locator('.monaco-list-row', { hasText: `Raise with the Chair ${run}` }).first();
    check(
      await noteRow.waitFor({ timeout: 30000 }).then(
        () => true,
        () => false,
      ),
      'after a reload, the Notes view lists the note',
    );
  });
} finally {
  await server.stop();
}
const again = prepareWorkspace({ home: HOME });
check(
  !again.created &&
    again.workspace === workspace &&
    draftOnDisk(workspace).includes(SENTENCE) &&
    notesOnDisk(workspace).length === 1,
  'the next npm start keeps the drafts and notes as they are',
);
console.log(`[start] npm start's workbench checked in ${seconds()}`);

// ── npm start -- --web: the web workbench on the same drafts keeps nothing
const before = draftOnDisk(workspace);
const web = await startWorkbench({ kind: 'web', home: HOME, port: 0 });
try {
  check(!web.keepsFiles && describeWorkbench(web, HOME).includes('KEEPS NOTHING'), 'npm start -- --web says it keeps nothing');
  await inBrowser(web.url, 'web', async (wb, page) => {
    const shown = await waitFor(async () => (await draftTail(wb)).includes(SENTENCE));
    check(shown, 'the web workbench shows the drafts on disk');
    await wb.appendParagraph(WEB_SENTENCE);
    const dirtyTabs = () => page.locator('.tab.active.dirty').count();
    await waitFor(async () => (await dirtyTabs()) === 1, 15000);
    await page.keyboard.press('Control+s');
    const saved = await waitFor(async () => (await dirtyTabs()) === 0, 15000);
    check(saved && draftOnDisk(workspace) === before, 'its Ctrl+S completes but writes nothing to disk');
    await page.reload();
    await wb.waitForExtension();
    const text = await waitFor(async () => {
      const t = await draftTail(wb);
      return t.includes(SENTENCE) && t;
    });
    check(!!text && !text.includes(WEB_SENTENCE), 'and a reload loses what it saved');
  });
} finally {
  await web.stop();
}

const ok = checks.length > 0 && !checks.includes(false);
if (ok) rmSync(HOME, { recursive: true, force: true });
console.log(
  `[start] ${ok ? 'passed' : `FAILED (screenshots: .vscode-test/start-*-failure.png; workspace kept in ${HOME})`} in ${seconds()}`,
);
process.exit(ok ? 0 : 1);
