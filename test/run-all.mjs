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

/** The steps that run inside a real VS Code. */
const RUNS_VS_CODE = /^(integration|end to end|in French|package)/;

const only = process.argv.slice(2);
const results = [];
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  const t0 = Date.now();
  console.log(`\n━━ ${name}`);
  let ok = spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
  // A step that drives a real VS Code through a browser can fail on a loaded machine (a file watcher's event
  // late, a click before the workbench is ready): it runs once more, and the summary says it needed two runs.
  let verdict = ok ? 'PASS' : 'FAIL';
  if (!ok && RUNS_VS_CODE.test(name)) {
    console.log(`\n━━ ${name}: failed; once more, to tell a flaky run from a broken one`);
    ok = spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
    verdict = ok ? 'PASS (on the second run: the first failed, see above)' : 'FAIL (twice)';
  }
  results.push([name, ok, verdict, (Date.now() - t0) / 1000]);
  if (!ok && ['build', 'test hosts'].includes(name)) break;
}
console.log('\n━━ summary');
for (const [name, , verdict, s] of results) console.log(`${verdict}  ${name}  (${s.toFixed(1)} s)`);
process.exit(results.every(([, ok]) => ok) ? 0 : 1);
