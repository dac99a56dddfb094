// Builds the extension for both extension hosts, the command-line tool, and (on request) the
// test and benchmark bundles. Type-checking is separate: `npm run typecheck`.
//   node esbuild.js               extension (Node + web) and CLI
//   node esbuild.js --production  minified, no source maps
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also unit tests (out/unit) and the integration suite (out/integration)
//   node esbuild.js --bench       also the benchmark (out/bench)
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  loader: { '.txt': 'text' },
  target: 'es2022',
};

const builds = [
  // Node extension host (desktop, code-server): `main` in package.json.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  // Web worker extension host (vscode.dev, the web workbench): `browser` in package.json.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'] },
  // Command-line tool: `bin` in package.json.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
];

if (args.has('--tests')) {
  const unit = fs.readdirSync('test/unit').filter((f) => f.endsWith('.test.ts')).map((f) => path.join('test/unit', f));
  builds.push({ ...common, entryPoints: unit, outdir: 'out/unit', platform: 'node', format: 'cjs', external: ['fast-check'] });
  // One CommonJS file that runs in both hosts (the web worker cannot load node_modules).
  builds.push({ ...common, entryPoints: ['test/integration/suite/index.ts'], outfile: 'out/integration/suite.js', platform: 'browser', format: 'cjs', external: ['vscode'] });
}
if (args.has('--bench')) {
  builds.push({ ...common, entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench/bench.js', platform: 'node', format: 'cjs', external: ['fuse.js'] });
}

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching…');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
