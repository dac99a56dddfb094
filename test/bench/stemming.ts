// `npm run bench stemmers`: the extension's own light stemmer against maintained Porter stemmers from the registry,
// on search and on the support model. Each stemmer's figures come from a build of stemmerEval.ts with that stemmer
// in place of src/core/search/stem.ts (esbuild.js --bench writes out/bench/stemmers/).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { StemmerFigures } from './stemmerEval';
import { table } from './util';

const ABOUT: Record<string, { label: string; pkg?: string }> = {
  light: { label: 'light (ours, shipped)' },
  porter2: { label: 'Porter2 / Snowball English', pkg: 'porter2' },
  porter: { label: 'Porter (1980)', pkg: 'stemmer' },
};

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);

function version(pkg: string | undefined): string {
  if (!pkg) return '';
  const { version: v } = JSON.parse(fs.readFileSync(path.join('node_modules', pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  return ` (${pkg} ${v})`;
}

export function stemmerSection(): void {
  const dir = path.join(__dirname, 'stemmers');
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') && !f.endsWith('.web.js'))
    .map((f) => path.basename(f, '.js'))
    .sort((a, b) => (a === 'light' ? -1 : b === 'light' ? 1 : a.localeCompare(b)));
  const runs = names.map((name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- one build per stemmer, chosen at run time
    const { measure } = require(path.join(dir, `${name}.js`)) as { measure: () => StemmerFigures };
    return {
      name,
      label: `${ABOUT[name]?.label ?? name}${version(ABOUT[name]?.pkg)}`,
      bytes: fs.statSync(path.join(dir, `${name}.web.js`)).size,
      f: measure(),
    };
  });
  const light = runs.find((r) => r.name === 'light');

  console.log('\n## Stemmers: search and the support model with each stemmer (the rest of the extension unchanged)\n');
  table(
    [
      'stemmer',
      'web bundle, minified',
      'ranking queries right (search.test)',
      'typos right (search.test)',
      "generated typos: first result as the word's",
      'MiniSearch related top-1 / top-3 / MRR',
      'index terms',
      'index build ms',
    ],
    runs.map(({ label, bytes, f }) => [
      label,
      `${bytes} B${light ? ` (${bytes >= light.bytes ? '+' : ''}${bytes - light.bytes})` : ''}`,
      `${f.search.ranking.right}/${f.search.ranking.n}`,
      `${f.search.typos.right}/${f.search.typos.n}`,
      `${pct(f.search.generatedTypos.right, f.search.generatedTypos.n)} (${f.search.generatedTypos.right}/${f.search.generatedTypos.n})`,
      `${pct(f.search.related.top1, f.search.related.n)} / ${pct(f.search.related.top3, f.search.related.n)} / ${f.search.related.mrr.toFixed(3)}`,
      String(f.search.terms),
      f.search.buildMs.toFixed(2),
    ]),
  );
  console.log('');
  const rows: string[][] = [];
  for (const { label, f } of runs) {
    for (const { set, items, evaluation: e } of f.support) {
      rows.push([
        label,
        `${set} (${items})`,
        `${pct(e.related.top1, e.related.n)} / ${pct(e.related.top3, e.related.n)} / ${e.related.mrr.toFixed(3)}`,
        `${pct(e.wrong.caught, e.wrong.n)} (${e.wrong.caught}/${e.wrong.n})`,
        `${pct(e.correct.warned, e.correct.n)} (${e.correct.warned}/${e.correct.n})`,
        `${pct(e.restatement.right, e.restatement.hints)} (${e.restatement.right}/${e.restatement.hints})`,
        pct(e.restatement.covered, e.restatement.restating),
      ]);
    }
    rows.push([label, 'model build ms', f.supportBuildMs.toFixed(2), '', '', '', '']);
  }
  table(
    [
      'stemmer',
      'set (items)',
      'related top-1 / top-3 / MRR',
      'wrong citations caught',
      'correct citations warned',
      'restatement hints precise',
      'close restatements hinted',
    ],
    rows,
  );

  console.log('\nWhat each stemmer gets wrong that the shipped one does not, and what it does to the lexicon:\n');
  for (const { label, name, f } of runs) {
    const lines = [
      `${label}: ${f.samples.map(([w, s]) => `${w} → ${s}`).join(', ')}`,
      ...f.search.ranking.misses.map((m) => `  ranking query missed: ${m}`),
      ...f.search.typos.misses.map((m) => `  typo missed: ${m}`),
      ...f.lexiconShadowed.map((m) => `  lexicon: ${m}`),
    ];
    if (light && name !== 'light') {
      const before = new Set(light.f.search.generatedTypos.misses);
      const after = new Set(f.search.generatedTypos.misses);
      const lost = [...after].filter((m) => !before.has(m));
      const won = [...before].filter((m) => !after.has(m));
      lines.push(
        `  generated typos: ${lost.length} newly missed (${lost.slice(0, 8).join(', ')}${lost.length > 8 ? ', …' : ''})`,
      );
      lines.push(`  generated typos: ${won.length} newly found (${won.slice(0, 8).join(', ')}${won.length > 8 ? ', …' : ''})`);
    }
    console.log(lines.join('\n'));
  }
}
