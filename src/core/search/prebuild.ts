import { ORGANIZATIONS_JSON, SOURCE_TEXT, loadBundledSummary } from '../bundled';
import { fingerprint, SearchEngine } from './engine';

/** The fingerprint of the data the shipped index was built from. */
export function dataFingerprint(): string {
  return fingerprint(SOURCE_TEXT, JSON.stringify(ORGANIZATIONS_JSON));
}

/** Run by esbuild.js at build time: the serialised index that the extension loads at start-up. */
export function prebuild(): { hash: string; index: string } {
  return { hash: dataFingerprint(), index: SearchEngine.build(loadBundledSummary()).toJSON() };
}
