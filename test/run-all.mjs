// `npm test`: everything, in order — build, type-check, lint, unit tests, the integration suite in two
// real VS Code builds (web worker host and Node host), end-to-end tests through the workbench UI (one of
// them of what `npm start` starts), and the packaged .vsix used in code-server and in the web workbench. Desktop VS Code (@vscode/test-electron) runs
// too when CND_TEST_ELECTRON=1 (it needs a download this machine cannot make).
import { spawnSync } from 'node:child_process';

const steps = [
  // Minified, as shipped: the activation time the suite prints is the packaged extension's.
  ['build', 'node', ['esbuild.js', '--tests', '--production']],
  ['typecheck', 'npx', ['tsc', '-p', '.']],
  ['typecheck (cli)', 'npx', ['tsc', '-p', 'src/cli']],
  ['typecheck (tests)', 'npx', ['tsc', '-p', 'test']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit tests', 'node', ['--test', '--test-reporter=spec', 'out/unit/']],
  ['test hosts', 'node', ['test/hosts/setup.mjs']],
  ['integration: web workbench (web worker host)', 'node', ['test/integration/run-suite.mjs', 'web']],
  ['integration: VS Code server (Node host)', 'node', ['test/integration/run-suite.mjs', 'node']],
  ['end to end: the web workbench driven through its UI', 'node', ['test/integration/e2e.mjs']],
  ['in French: the web workbench in French, read through its UI', 'node', ['test/integration/run-french.mjs']],
  [
    'end to end: npm start keeps the work on disk (save, note, reload; --web keeps nothing)',
    'node',
    ['test/integration/start.mjs'],
  ],
  ['package: the .vsix, used in code-server and in the web workbench', 'node', ['test/integration/run-vsix.mjs']],
];
if (process.env.CND_TEST_ELECTRON === '1')
  steps.push(['integration: desktop VS Code', 'node', ['test/integration/run-electron.mjs']]);

const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const t0 = Date.now();
  console.log(`\n━━ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const ok = r.status === 0;
  results.push([name, ok, (Date.now() - t0) / 1000]);
  if (!ok && ['build', 'test hosts'].includes(name)) break;
}
console.log('\n━━ summary');
for (const [name, ok, s] of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}  (${s.toFixed(1)} s)`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
