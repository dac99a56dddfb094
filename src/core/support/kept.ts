/**
 * Kept citations: the drafter's "this citation is right, stop warning me" on a support check, recorded in
 * the workspace (`.cnd/kept-citations.json`) so that it lasts, can be read and reviewed in the file (and in
 * a pull request), and is shared with colleagues through the repository like the notes.
 *
 * An entry names the sentence (its text, whitespace collapsed) and the paragraphs it cites: when either
 * changes, the citation is checked again. The file is data from the workspace: every field is validated
 * and every string is shown as text.
 */
import type { SupportCheck } from './checks';

export const KEPT_VERSION = 1;
export const KEPT_FILE = '.cnd/kept-citations.json';
/** Bounds on what the file may hold (beyond them the file is refused, never rewritten). */
export const KEPT_LIMITS = { entries: 10_000, sentence: 4_000, name: 200, fileBytes: 5_000_000 };

const CHECKS: readonly SupportCheck[] = ['citation-support', 'attribution', 'figure', 'uncited-restatement'];

export interface KeptEntry {
  /** The sentence, whitespace collapsed. */
  sentence: string;
  /** The paragraphs it cites (empty: an uncited sentence that is not a restatement). */
  paragraphs: number[];
  /** The check the drafter answered. */
  check: SupportCheck;
  /** Who kept it (`cndSummary.notes.author`), when known. */
  by?: string;
  /** When, ISO 8601. */
  at?: string;
}

export interface KeptFile {
  version: number;
  kept: KeptEntry[];
}

export type KeptParse = { ok: true; file: KeptFile } | { ok: false; error: string };

function keyOf(sentence: string, paragraphs: readonly number[]): string {
  return `${paragraphs.join(',')}|${sentence}`;
}

/** Reads the file's text; a message naming the first fault otherwise (never the file's content). */
export function parseKeptFile(text: string, paragraphCount: number): KeptParse {
  if (text.length > KEPT_LIMITS.fileBytes) return { ok: false, error: `it is larger than ${KEPT_LIMITS.fileBytes / 1e6} MB` };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      ok: false,
      error: `it is not valid JSON (${e instanceof SyntaxError ? e.message.replace(/"[^"]*"/g, '…') : 'parse error'})`,
    };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: 'it is not a JSON object' };
  const o = json as Record<string, unknown>;
  if (o.version !== KEPT_VERSION) return { ok: false, error: `its "version" is not ${KEPT_VERSION}` };
  if (!Array.isArray(o.kept)) return { ok: false, error: 'it has no "kept" list' };
  if (o.kept.length > KEPT_LIMITS.entries) return { ok: false, error: `it has more than ${KEPT_LIMITS.entries} entries` };
  const kept: KeptEntry[] = [];
  for (let i = 0; i < o.kept.length; i++) {
    const e = o.kept[i] as Record<string, unknown>;
    const where = `entry ${i + 1}`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return { ok: false, error: `${where} is not an object` };
    if (typeof e.sentence !== 'string' || e.sentence.length === 0 || e.sentence.length > KEPT_LIMITS.sentence)
      return { ok: false, error: `${where} has no "sentence" (a text of at most ${KEPT_LIMITS.sentence} characters)` };
    if (
      !Array.isArray(e.paragraphs) ||
      e.paragraphs.length > paragraphCount ||
      !e.paragraphs.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= paragraphCount)
    )
      return { ok: false, error: `${where} has no "paragraphs" (numbers from 1 to ${paragraphCount})` };
    if (typeof e.check !== 'string' || !(CHECKS as readonly string[]).includes(e.check))
      return { ok: false, error: `${where} has no "check" (one of ${CHECKS.join(', ')})` };
    for (const f of ['by', 'at'] as const) {
      if (e[f] !== undefined && (typeof e[f] !== 'string' || e[f].length > KEPT_LIMITS.name))
        return { ok: false, error: `${where}: "${f}" must be a text of at most ${KEPT_LIMITS.name} characters` };
    }
    kept.push({
      sentence: e.sentence.replace(/\s+/g, ' ').trim(),
      paragraphs: [...new Set(e.paragraphs as number[])].sort((a, b) => a - b),
      check: e.check as SupportCheck,
      ...(typeof e.by === 'string' && e.by ? { by: e.by } : {}),
      ...(typeof e.at === 'string' && e.at ? { at: e.at } : {}),
    });
  }
  return { ok: true, file: { version: KEPT_VERSION, kept } };
}

export function serializeKeptFile(file: KeptFile): string {
  return `${JSON.stringify({ version: KEPT_VERSION, kept: file.kept }, null, 2)}\n`;
}

/** The kept citations, looked up by sentence and paragraphs. */
export class KeptCitations {
  private readonly byKey = new Map<string, KeptEntry>();

  constructor(readonly entries: readonly KeptEntry[] = []) {
    for (const e of entries) this.byKey.set(keyOf(e.sentence, e.paragraphs), e);
  }

  /** The entry keeping this citation of this sentence, if any. */
  find(sentence: string, paragraphs: readonly number[]): KeptEntry | undefined {
    return this.byKey.get(keyOf(sentence.replace(/\s+/g, ' ').trim(), paragraphs));
  }

  has(sentence: string, paragraphs: readonly number[]): boolean {
    return this.find(sentence, paragraphs) !== undefined;
  }
}

/** The file with an entry added (an entry for the same sentence and paragraphs is replaced). */
export function withKept(file: KeptFile, entry: KeptEntry): KeptFile {
  const key = keyOf(entry.sentence, entry.paragraphs);
  return { version: KEPT_VERSION, kept: [...file.kept.filter((e) => keyOf(e.sentence, e.paragraphs) !== key), entry] };
}

/** The file without the entry for this sentence and paragraphs. */
export function withoutKept(file: KeptFile, sentence: string, paragraphs: readonly number[]): KeptFile {
  const key = keyOf(sentence.replace(/\s+/g, ' ').trim(), paragraphs);
  return { version: KEPT_VERSION, kept: file.kept.filter((e) => keyOf(e.sentence, e.paragraphs) !== key) };
}
