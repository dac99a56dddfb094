import { hash, index, model } from 'cnd:prebuilt';
import organizations from '../../data/organizations.json';
import { loadDirectory } from './directory';
import type { SummaryDocument } from './model';
import { SearchEngine } from './search/engine';
import { Summary } from './summary';

/**
 * The summary as the extension ships it: parsed, and indexed for search, at build time from `data/`
 * (esbuild.js runs src/core/search/prebuild.ts). Start-up reads JSON instead of parsing the text; the
 * text itself is not in the extension's bundles. The command-line tool and the tests parse `data/`
 * directly (src/core/bundled.ts).
 */

/** The fingerprint of the data the model and index were built from (notes record it). */
export const SHIPPED_FINGERPRINT: string = hash;

export function loadShippedSummary(): Summary {
  return new Summary(JSON.parse(model) as SummaryDocument, loadDirectory(organizations));
}

/** The search engine from the index built at build time (MiniSearch.loadJSON); rebuilt if it does not load. */
export function loadShippedSearch(summary: Summary): { engine: SearchEngine; prebuilt: boolean } {
  try {
    return { engine: SearchEngine.load(summary, index), prebuilt: true };
  } catch {
    return { engine: SearchEngine.build(summary), prebuilt: false };
  }
}
