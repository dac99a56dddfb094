// Every string the extension shows exists in English, French and Spanish: package.nls*.json (what
// package.json shows), l10n/bundle.l10n*.json (what the code shows through vscode.l10n.t and the core's
// l10n.t), and the walkthrough pages (media/walkthrough/<page>.nls.<lang>.md). The English bundle is the
// extractor's output for the current source (`npm run l10n`), so a new string fails here until it is
// extracted and translated.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const LANGUAGES = ['fr', 'es'];

type Bundle = Record<string, string | { message: string; comment?: string[] }>;
const read = (file: string): Bundle => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Bundle;
const text = (v: Bundle[string]) => (typeof v === 'string' ? v : v.message);

/** What must survive translation unchanged: {0} placeholders, codicons, link targets, settings links. */
function fixedParts(s: string): string[] {
  const parts = [
    ...s.matchAll(/\{\d+\}/g),
    ...s.matchAll(/\$\([\w-]+\)/g),
    ...s.matchAll(/\]\([^)]*\)/g),
    ...s.matchAll(/#cndSummary\.[\w.-]+#/g),
  ].map((m) => m[0]);
  return parts.sort();
}

function sameKeysAndParts(english: Bundle, translated: Bundle, what: string): void {
  assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort(), `${what}: the same keys as English`);
  for (const [key, value] of Object.entries(english)) {
    const t = text(translated[key]);
    assert.ok(t.trim().length > 0, `${what}: “${key}” is empty`);
    assert.deepEqual(fixedParts(t), fixedParts(text(value)), `${what}: placeholders, icons and links of “${key}”`);
  }
}

describe('package.json in three languages', () => {
  const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const english = read('package.nls.json');

  test('every %key% of package.json is in package.nls.json, and every key there is used', () => {
    const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 50, `${used.size} keys`);
    for (const key of used) assert.ok(key in english, `%${key}% has no English text`);
    for (const key of Object.keys(english)) assert.ok(used.has(key), `${key} is not used by package.json`);
  });

  test('what a user reads in package.json is a %key%', () => {
    const p = JSON.parse(manifest) as {
      contributes: {
        commands: { title: string; category: string }[];
        views: Record<string, { name: string }[]>;
        configuration: { properties: Record<string, { markdownDescription?: string; enumDescriptions?: string[] }> };
        walkthroughs: { title: string; steps: { title: string; description: string }[] }[];
      };
    };
    const isKey = (s: string) => /^%[^%]+%$/.test(s);
    const c = p.contributes;
    for (const x of c.commands) assert.ok(isKey(x.title) && isKey(x.category), x.title);
    for (const v of Object.values(c.views).flat()) assert.ok(isKey(v.name), v.name);
    for (const [name, prop] of Object.entries(c.configuration.properties)) {
      assert.ok(prop.markdownDescription && isKey(prop.markdownDescription), name);
      for (const d of prop.enumDescriptions ?? []) assert.ok(isKey(d), `${name}: ${d}`);
    }
    for (const w of c.walkthroughs) for (const s of [w, ...w.steps]) assert.ok(isKey(s.title), s.title);
  });

  for (const lang of LANGUAGES)
    test(`package.nls.${lang}.json has every key, no other, with the same placeholders and links`, () => {
      sameKeysAndParts(english, read(`package.nls.${lang}.json`), `package.nls.${lang}.json`);
    });
});

describe('the messages in three languages (l10n/)', () => {
  test('l10n/bundle.l10n.json is what the extractor finds in src/ (npm run l10n)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cnd-l10n-'));
    try {
      const cli = path.join(ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js');
      const r = spawnSync(process.execPath, [cli, 'export', '-o', out, path.join(ROOT, 'src')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const file = path.join(out, 'bundle.l10n.json');
      const extracted = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Bundle) : {};
      assert.ok(Object.keys(extracted).length > 50, `${Object.keys(extracted).length} strings extracted`);
      assert.deepEqual(read('l10n/bundle.l10n.json'), extracted, 'run `npm run l10n`, then translate the new strings');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  const english = read('l10n/bundle.l10n.json');
  for (const lang of LANGUAGES)
    test(`l10n/bundle.l10n.${lang}.json has every string, no other, with the same placeholders`, () => {
      sameKeysAndParts(english, read(`l10n/bundle.l10n.${lang}.json`), `bundle.l10n.${lang}.json`);
    });
});

test('every walkthrough page has its French and Spanish version', () => {
  const dir = path.join(ROOT, 'media/walkthrough');
  const files = readdirSync(dir);
  const pages = files.filter((f) => /^[\w-]+\.md$/.test(f));
  assert.ok(pages.length >= 5);
  for (const page of pages)
    for (const lang of LANGUAGES) {
      const localized = page.replace(/\.md$/, `.nls.${lang}.md`);
      assert.ok(files.includes(localized), `${localized} is missing`);
    }
  // Nothing else: a localized page without its English one is never shown.
  for (const f of files) assert.ok(pages.includes(f.replace(/\.nls\.\w+\.md$/, '.md')), `${f} has no English page`);
});
