import { ORGANIZATIONS_JSON, SOURCE_TEXT, loadBundledSummary } from '../bundled';
import { fingerprint, SearchEngine } from './engine';

/** The fingerprint of the data (summary text and organizations): notes record which text they anchor to. */
export function dataFingerprint(): string {
  return fingerprint(SOURCE_TEXT, JSON.stringify(ORGANIZATIONS_JSON));
}

/**
 * Run by esbuild.js at build time: the parsed summary and its serialised search index, which the extension
 * loads at start-up instead of parsing the text and indexing it (see src/core/shipped.ts).
 */
export function prebuild(): { hash: string; model: string; index: string } {
  const summary = loadBundledSummary();
  return { hash: dataFingerprint(), model: JSON.stringify(summary.doc), index: SearchEngine.build(summary).toJSON() };
}
