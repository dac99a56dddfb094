// What `npm start` starts, as functions shared by the command (test/start.mjs) and its test
// (test/integration/start.mjs), so the test exercises the drafter's real path.
//
// Where the drafter's work lives, and why:
//  - The drafts: a folder of their own, `~/cnd-summary/drafts/`, copied from samples/ on the first run only
//    and never overwritten after (`--fresh` moves it aside and copies samples/ again; `--folder <path>` opens
//    another folder instead). Not samples/ itself: editing it in place would dirty the repository, and the
//    tests read the samples as they are committed. Not inside the clone (e.g. .vscode-test/, which is
//    git-ignored): `git clean -fdx`, deleting .vscode-test/ to reinstall the VS Code builds, or a new clone
//    would take the drafter's work with them. The top level of the repository is fixed, so not ./workspace/.
//  - The workbench's own state: `~/cnd-summary/workbench/`: the VS Code server's data (server/user/User/settings.json,
//    extension state, logs, the connection token) and, when npm start opens Chromium itself, its profile
//    (open editors, the workspace trust decision and other state the workbench keeps in the browser's storage).
//    A browser opened by hand on the printed URL keeps that state in its own profile, for that address.
//  - The folder opens in VS Code's Restricted Mode until the drafter trusts it (the banner's Manage): the
//    extension works there except a workspace's own cndSummary.notes.file setting. npm start does not trust
//    folders on the drafter's behalf.
//  - The server listens on 127.0.0.1 only and admits a browser only with the token in the printed URL:
//    it can run terminals as this user, and other accounts on the machine can reach 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT, startServerHost, startWebHost } from './hosts.mjs';

export const DEFAULT_HOME = join(homedir(), 'cnd-summary');
/** The ports npm start asks for first (another free one if taken). */
export const PORTS = { server: 3000, web: 3001 };

/** Desktop VS Code's `code` command, when on the PATH. */
export function hasDesktopCode() {
  return spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Stamps a folder set aside by --fresh: drafts-2021-10-19T10-30-00. */
const stamp = () =>
  new Date()
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/:/g, '-');

/**
 * The folder the workbench opens. With `folder`: that folder, which must exist (it is the drafter's own and
 * is never created, copied or moved). Otherwise `<home>/drafts`, created from samples/ when absent; with
 * `fresh`, an existing one is first renamed to `drafts-<date and time>` (kept, not deleted).
 * The copy is made under a temporary name and renamed when complete, so an interrupted first run leaves
 * no half-copied folder that later runs would keep.
 */
export function prepareWorkspace({ home = DEFAULT_HOME, folder, fresh = false } = {}) {
  if (folder !== undefined) {
    const path = resolve(folder);
    if (fresh)
      throw new Error('npm start: --fresh starts again from samples/ in ~/cnd-summary/drafts; it cannot be used with --folder.');
    if (!existsSync(path) || !statSync(path).isDirectory())
      throw new Error(
        `npm start: --folder ${path} is not a folder. Create it first, or leave out --folder to use ${join(home, 'drafts')}.`,
      );
    return { workspace: path, created: false, setAside: undefined };
  }
  const workspace = join(home, 'drafts');
  let setAside;
  if (fresh && existsSync(workspace)) {
    setAside = `${workspace}-${stamp()}`;
    renameSync(workspace, setAside);
  }
  if (existsSync(workspace)) return { workspace, created: false, setAside };
  const partial = `${workspace}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  cpSync(join(ROOT, 'samples'), partial, { recursive: true });
  renameSync(partial, workspace);
  return { workspace, created: true, setAside };
}

/**
 * Starts what `npm start` starts, on the workspace of prepareWorkspace:
 *  - kind 'desktop': desktop VS Code with the extension in development mode (saves reach the disk);
 *  - kind 'server' (default without `code`): code-server's VS Code server, Node extension host, on
 *    http://127.0.0.1:<port>: the server reads and writes the workspace on disk, so Ctrl+S and notes
 *    (.cnd/notes.json) are kept; its data is kept in <home>/workbench/server;
 *  - kind 'web' (opt-in): the web workbench of @vscode/test-web, extension in a web worker. It mounts the
 *    workspace read-only: @vscode/test-web 0.0.81 serves the folder over HTTP for reading only (stat, readdir,
 *    file contents; no route writes) and its file system provider keeps every write in the tab's memory.
 *    So nothing is written to disk and a reload loses the edits and notes (test/integration/start.mjs checks it).
 * Resolves with { kind, url?, workspace, created, setAside, keepsFiles, browserProfile, stop }.
 */
export async function startWorkbench({ kind = 'server', home = DEFAULT_HOME, folder, fresh = false, port } = {}) {
  const prepared = prepareWorkspace({ home, folder, fresh });
  const { workspace } = prepared;
  const browserProfile = join(home, 'workbench', 'browser');
  if (kind === 'desktop') {
    const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit' });
    return { kind, ...prepared, keepsFiles: true, browserProfile, stop: async () => void code.kill() };
  }
  if (kind === 'web') {
    const host = await startWebHost({ port: port ?? PORTS.web, workspace });
    return { kind, url: host.url, ...prepared, keepsFiles: false, browserProfile, stop: host.stop };
  }
  if (kind !== 'server') throw new Error(`startWorkbench: unknown kind ${kind}`);
  const dataDir = join(home, 'workbench', 'server');
  const host = await startServerHost({
    port: port ?? PORTS.server,
    workspace,
    dataDir,
    tokenFile: join(dataDir, 'connection-token'),
  });
  return { kind, url: host.url, ...prepared, keepsFiles: true, browserProfile, stop: host.stop, log: host.log };
}

/** What npm start prints once the workbench is up: where it is, where the work goes, what is kept. */
export function describeWorkbench(started, home = DEFAULT_HOME) {
  const lines = [];
  if (started.setAside) lines.push(`Your previous drafts were moved to ${started.setAside}.`);
  if (started.created) lines.push(`Copied samples/ to ${started.workspace}; later runs keep it as you leave it.`);
  if (started.kind === 'desktop') {
    lines.push(`Opening desktop VS Code with the extension in development mode on:`, ``, `  ${started.workspace}`);
    return lines.join('\n');
  }
  lines.push(`VS Code is running with the extension at:`, ``, `  ${started.url}`, ``);
  if (started.kind === 'server') {
    lines.push(
      `Workspace (saves and notes are written here, kept between runs):`,
      ``,
      `  ${started.workspace}`,
      ``,
      `Notes (by default): ${join(started.workspace, '.cnd', 'notes.json')}`,
      `Workbench settings and state: ${join(home, 'workbench')}`,
      `Start again from samples/: npm start -- --fresh   ·   another folder: npm start -- --folder <path>`,
    );
  } else {
    lines.push(
      `THE WEB WORKBENCH KEEPS NOTHING. It reads ${started.workspace} but never writes to it:`,
      `Ctrl+S and new notes stay in this browser tab and are lost when the page reloads or closes.`,
      `For a workbench that saves to disk, run npm start without --web.`,
    );
  }
  lines.push(``, `Press Ctrl+C to stop.`);
  return lines.join('\n');
}
