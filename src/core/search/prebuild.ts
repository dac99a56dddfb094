import { ORGANIZATIONS_JSON, SOURCE_TEXT, loadBundledSummary } from '../bundled';
import { fingerprint } from './engine';

/** The fingerprint of the data (summary text and organizations): notes record which text they anchor to. */
export function dataFingerprint(): string {
  return fingerprint(SOURCE_TEXT, JSON.stringify(ORGANIZATIONS_JSON));
}

/**
 * Run by esbuild.js at build time: the parsed summary, which the extension loads at start-up instead of
 * parsing the text (see src/core/shipped.ts).
 */
export function prebuild(): { hash: string; model: string } {
  const summary = loadBundledSummary();
  return { hash: dataFingerprint(), model: JSON.stringify(summary.doc) };
}
