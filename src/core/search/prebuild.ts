import { ORGANIZATIONS_JSON, SOURCE_TEXT, loadBundledSummary } from '../summary/bundled';
import { fingerprint } from './engine';

/** The fingerprint of the data (summary text and organizations): notes record which text they anchor to. */
export function dataFingerprint(): string {
  return fingerprint(SOURCE_TEXT, JSON.stringify(ORGANIZATIONS_JSON));
}

/**
 * Run by esbuild.js at build time: the parsed summary, which the extension loads at start-up instead of
 * parsing the text (see src/core/summary/shipped.ts).
 */
export function prebuild(): { hash: string; model: string } {
  const summary = loadBundledSummary();
  // What the loader can work out again is left out: the words of key phrases and mentions (slices of the
  // paragraph's text) and a mention's kind (from the directory). See loadShippedSummary.
  const doc = {
    ...summary.doc,
    paragraphs: summary.doc.paragraphs.map((p) => ({
      ...p,
      keyPhrases: p.keyPhrases.map(({ start, end }) => ({ start, end })),
      mentions: p.mentions.map(({ id, start, end }) => ({ id, start, end })),
    })),
  };
  return { hash: dataFingerprint(), model: JSON.stringify(doc) };
}
