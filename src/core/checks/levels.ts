/**
 * The checks a draft gets, each with its own level: the setting `cndSummary.checks.<name>` in the editor,
 * `--checks name=level,…` on the command line. One table, read by both and by the manifest test.
 */

export type Level = 'off' | 'hint' | 'information' | 'warning' | 'error';
export type Severity = Exclude<Level, 'off'>;

export const LEVELS: readonly Level[] = ['off', 'hint', 'information', 'warning', 'error'];

export type CheckName =
  | 'no-such-paragraph'
  | 'reversed-range'
  | 'empty-range'
  | 'keyword'
  | 'range-dash'
  | 'misquotation'
  | 'invisible-character'
  | 'citation-support'
  | 'attribution'
  | 'figure'
  | 'uncited-restatement';

export interface CheckInfo {
  level: Level;
  /** What the check finds, for the setting's description and `cnd-summary check --help`. */
  description: string;
}

/** Every check, in the order the settings list them, with its default level. */
export const CHECKS: Readonly<Record<CheckName, CheckInfo>> = {
  'no-such-paragraph': { level: 'error', description: 'A citation of a paragraph the summary does not have (para. 40).' },
  'reversed-range': { level: 'warning', description: 'A range written backwards (paras. 32–30).' },
  'empty-range': { level: 'warning', description: 'A range of one paragraph (paras. 24–24).' },
  keyword: { level: 'warning', description: '“para.” before several numbers, or “paras.” before one.' },
  'range-dash': {
    level: 'information',
    description: 'A range written with another dash than the citation style’s (`cndSummary.citation.rangeDash`).',
  },
  misquotation: {
    level: 'warning',
    description: 'A quotation next to a citation whose words are not in the cited paragraphs.',
  },
  'invisible-character': {
    level: 'warning',
    description: 'An invisible character inside a citation (a zero-width joiner in “para. 1‍2”), which changes what it cites.',
  },
  'citation-support': {
    level: 'warning',
    description: 'The cited paragraphs do not discuss what the sentence says, while another paragraph clearly does.',
  },
  attribution: {
    level: 'warning',
    description: 'The sentence says an organization or State made the point, and no cited paragraph names it.',
  },
  figure: {
    level: 'warning',
    description: 'A figure, date or session in the sentence that the cited paragraphs give differently or not at all.',
  },
  'uncited-restatement': {
    level: 'hint',
    description:
      'A sentence without a citation that closely restates one paragraph (a quiet hint with a quick fix to cite it). Off in plain-text files by default.',
  },
};

export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

export type Levels = Readonly<Record<CheckName, Level>>;

export const DEFAULT_LEVELS: Levels = Object.fromEntries(CHECK_NAMES.map((n) => [n, CHECKS[n].level])) as Record<
  CheckName,
  Level
>;

export function isCheckName(s: string): s is CheckName {
  return Object.hasOwn(CHECKS, s);
}

export function isLevel(s: unknown): s is Level {
  return typeof s === 'string' && (LEVELS as readonly string[]).includes(s);
}

/** Levels from settings-like values: unknown names and values are reported, never applied. */
export function levelsFrom(
  values: Readonly<Record<string, unknown>>,
  base: Levels = DEFAULT_LEVELS,
): { levels: Levels; errors: string[] } {
  const levels: Record<CheckName, Level> = { ...base };
  const errors: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (!isCheckName(name)) {
      errors.push(`unknown check “${name}”: the checks are ${CHECK_NAMES.join(', ')}`);
      continue;
    }
    if (!isLevel(value)) {
      errors.push(`“${String(value)}” is not a level for ${name}: use ${LEVELS.join(', ')}`);
      continue;
    }
    levels[name] = value;
  }
  return { levels, errors };
}

/** Parses `citation-support=off,range-dash=error` (the command line's `--checks`). */
export function parseLevels(spec: string, base: Levels = DEFAULT_LEVELS): { levels: Levels; errors: string[] } {
  const values: Record<string, string> = {};
  const errors: string[] = [];
  for (const part of spec.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const eq = item.indexOf('=');
    if (eq < 0) {
      errors.push(`“${item}” is not name=level (e.g. citation-support=off)`);
      continue;
    }
    values[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  const r = levelsFrom(values, base);
  return { levels: r.levels, errors: [...errors, ...r.errors] };
}
