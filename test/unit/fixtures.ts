import { ORGANIZATIONS_JSON, parseSummaryText, SOURCE_TEXT } from '../../src/core/bundled';
import { loadDirectory } from '../../src/core/directory';

export const source = SOURCE_TEXT;
export const directory = loadDirectory(ORGANIZATIONS_JSON);
export const summary = parseSummaryText(SOURCE_TEXT, ORGANIZATIONS_JSON);
export const doc = summary.doc;

/** The source with one line replaced (1-based), for malformed-input tests. */
export function withLine(line: number, replacement: string | null): string {
  const lines = source.split('\n');
  if (replacement === null) lines.splice(line - 1, 1);
  else lines[line - 1] = replacement;
  return lines.join('\n');
}

export function lineOf(prefix: string): number {
  const i = source.split('\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with ${prefix}`);
  return i + 1;
}
