/**
 * The workspace the command line runs in, as the editor would see it: the check levels and citation style of
 * its `.vscode/settings.json` (language-specific sections included), and its kept citations
 * (`.cnd/kept-citations.json`). Found by looking up from the current folder.
 */
import { DEFAULT_LEVELS, type Levels, levelsFrom } from '../core/checks/levels';
import { type CitationFormat, type CitationStyle, DEFAULT_FORMAT, RANGE_DASH_SETTING } from '../core/citations/format';
import { KEPT_FILE, KeptCitations, parseKeptFile } from '../core/support/kept';
import type { CliIo } from './io';

/** What `contributes.configurationDefaults` sets per language in package.json (kept in step by a unit test). */
export const LANGUAGE_DEFAULTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  plaintext: { 'cndSummary.checks.uncited-restatement': 'off' },
};

export interface WorkspaceSettings {
  /** The folder whose settings and kept citations were read, if any. */
  root?: string;
  /** The settings file's values (without language sections). */
  values: Record<string, unknown>;
  /** Language sections: `[plaintext]` → its values. */
  languages: Record<string, Record<string, unknown>>;
  kept: KeptCitations;
  /** What could not be read (reported on standard error; the check goes on with defaults). */
  problems: string[];
}

/** JSON with comments and trailing commas (VS Code's settings files) as plain JSON: one pass, strings kept. */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const start = i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      out += text.slice(start, ++i);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function parent(path: string): string | undefined {
  const trimmed = path.replace(/\/+$/, '');
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return undefined;
  return at === 0 ? '/' : trimmed.slice(0, at);
}

async function readText(io: CliIo, path: string): Promise<string | undefined> {
  if ((await io.kindOf(path)) !== 'file') return undefined;
  const r = await io.readFile(path, { maxBytes: 5_000_000, regularOnly: true });
  return r.kind === 'bytes' ? new TextDecoder('utf-8', { fatal: false }).decode(r.bytes) : undefined;
}

/** Looks up from `cwd` for a folder with `.vscode/settings.json` or `.cnd/kept-citations.json`, and reads them. */
export async function readWorkspace(io: CliIo, cwd: string | undefined, paragraphCount: number): Promise<WorkspaceSettings> {
  const found: WorkspaceSettings = { values: {}, languages: {}, kept: new KeptCitations(), problems: [] };
  let folder: string | undefined = cwd;
  for (let depth = 0; folder !== undefined && depth < 64; depth++, folder = parent(folder)) {
    const base = folder === '/' ? '' : folder;
    const settings = `${base}/.vscode/settings.json`;
    const kept = `${base}/${KEPT_FILE}`;
    const [settingsKind, keptKind] = await Promise.all([io.kindOf(settings), io.kindOf(kept)]);
    if (settingsKind !== 'file' && keptKind !== 'file') continue;
    found.root = folder;
    const settingsText = settingsKind === 'file' ? await readText(io, settings) : undefined;
    if (settingsText !== undefined) {
      try {
        const json = JSON.parse(stripJsonComments(settingsText)) as unknown;
        if (typeof json === 'object' && json !== null && !Array.isArray(json)) {
          for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
            const language = /^\[([\w-]+)\]$/.exec(key);
            if (language && typeof value === 'object' && value !== null)
              found.languages[language[1]] = value as Record<string, unknown>;
            else found.values[key] = value;
          }
        } else found.problems.push(`${settings}: not a settings object; its settings are not used`);
      } catch {
        found.problems.push(`${settings}: not valid JSON; its settings are not used`);
      }
    }
    const keptText = keptKind === 'file' ? await readText(io, kept) : undefined;
    if (keptText !== undefined) {
      const parsed = parseKeptFile(keptText, paragraphCount);
      if (parsed.ok) found.kept = new KeptCitations(parsed.file.kept);
      else found.problems.push(`${kept}: not used, ${parsed.error}`);
    }
    break;
  }
  return found;
}

/** The check levels for a draft of `language`: defaults, the language's defaults, the settings, the language's settings, `--checks`. */
export function levelsFor(
  ws: WorkspaceSettings,
  language: string,
  overrides: Readonly<Record<string, string>>,
): { levels: Levels; errors: string[] } {
  const errors: string[] = [];
  let levels: Levels = DEFAULT_LEVELS;
  for (const values of [LANGUAGE_DEFAULTS[language] ?? {}, ws.values, ws.languages[language] ?? {}]) {
    const checks: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      if (key.startsWith('cndSummary.checks.')) checks[key.slice('cndSummary.checks.'.length)] = value;
    }
    const r = levelsFrom(checks, levels);
    levels = r.levels;
    errors.push(...r.errors.map((e) => `settings: ${e}`));
  }
  const r = levelsFrom(overrides, levels);
  return { levels: r.levels, errors: [...errors, ...r.errors] };
}

/** The citation style of the settings (`cndSummary.citation.*`), for fixes and the range-dash check. */
export function formatFor(ws: WorkspaceSettings, language: string): CitationFormat {
  const get = (key: string) => ws.languages[language]?.[key] ?? ws.values[key];
  const style = get('cndSummary.citation.style');
  const dash = get('cndSummary.citation.rangeDash');
  return {
    style:
      typeof style === 'string' && ['short', 'long', 'parenthetical', 'words'].includes(style)
        ? (style as CitationStyle)
        : DEFAULT_FORMAT.style,
    rangeDash:
      (typeof dash === 'string' && Object.hasOwn(RANGE_DASH_SETTING, dash) ? RANGE_DASH_SETTING[dash] : undefined) ??
      DEFAULT_FORMAT.rangeDash,
  };
}
