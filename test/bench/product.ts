import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { table } from './util';

/**
 * Each bundle must stay under this, minified, data (summary model, search index, organizations) included: a
 * guard against bloat (it was 250 KB before the support model and the localized messages; the README's target).
 */
const BUNDLE_TARGET = 300 * 1024;

/**
 * The product itself: the size of the bundles `npm run bench` has just built with --production, and the
 * activation and first-hover times the last `npm test` measured inside real VS Code builds (the
 * extension records them; the integration runner writes them to .vscode-test/metrics-*.json).
 */
export function productSection(): void {
  console.log('\n## The extension: bundle sizes (minified, data included)\n');
  const rows = [
    ['Node extension host (desktop, code-server)', 'dist/extension.js'],
    ['web worker extension host (vscode.dev)', 'dist/web/extension.js'],
  ].map(([host, file]) => {
    const bytes = readFileSync(file);
    return [
      host,
      file,
      `${(bytes.length / 1024).toFixed(0)} KB`,
      `${(gzipSync(bytes).length / 1024).toFixed(0)} KB`,
      bytes.length < BUNDLE_TARGET ? 'met' : 'NOT met',
    ];
  });
  table(['host', 'bundle', 'size', 'gzipped', `target < ${BUNDLE_TARGET / 1024} KB`], rows);

  console.log('\n## The extension in a real VS Code: activation and first hover (from the last `npm test`)\n');
  const measured: string[][] = [];
  for (const [label, file] of [
    ['web workbench, web worker host', '.vscode-test/metrics-web.json'],
    ['code-server, Node host', '.vscode-test/metrics-node-host.json'],
  ]) {
    if (!existsSync(file)) continue;
    const m = JSON.parse(readFileSync(file, 'utf8')) as { at: string; lines: string[] };
    for (const line of m.lines) measured.push([label, m.at.slice(0, 16).replace('T', ' '), line]);
  }
  if (measured.length === 0) console.log('(none yet: run `npm test` or `npm run test:web`; the suite records them)');
  else table(['VS Code', 'measured (UTC)', 'figure'], measured);
}
