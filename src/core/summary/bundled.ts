import bodies from '../../../data/bodies.json';
import lexicon from '../../../data/lexicon.json';
import organizations from '../../../data/organizations.json';
import sourceText from '../../../data/chair-summary-2021-10-thematic-discussions.txt';
import { loadDirectory } from './directory';
import { parseSummary } from './parser';
import { Summary } from './summary';
import { type Lexicon, loadLexicon, type OtherBodies } from '../support';

/** The summary and the organizations directory as shipped in `data/` (bundled at build time). */
export const SOURCE_TEXT: string = sourceText;
export const ORGANIZATIONS_JSON: unknown = organizations;
/** Names of bodies a draft may name beyond the summary's own (for the attribution check). */
export const BODIES_JSON: OtherBodies = bodies;
/** What the support model knows of drafting vocabulary (data/lexicon.json). */
export const LEXICON: Lexicon = loadLexicon(lexicon);

/**
 * Parses a summary's text with an organizations directory (the command line and the tests; the extension
 * loads the model parsed at build time, so the parser is not in its bundles).
 */
export function parseSummaryText(text: string, organizationsJson: unknown): Summary {
  const directory = loadDirectory(organizationsJson);
  return new Summary(parseSummary(text, { directory }), directory);
}

export function loadBundledSummary(): Summary {
  return parseSummaryText(SOURCE_TEXT, ORGANIZATIONS_JSON);
}
