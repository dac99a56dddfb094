import { hash, model } from 'cnd:prebuilt';
import bodies from '../../data/bodies.json';
import organizations from '../../data/organizations.json';
import { loadDirectory } from './directory';
import type { SummaryDocument } from './model';
import { SearchEngine } from './search/engine';
import { Summary } from './summary';
import { createSupportModel } from './support';
import type { SupportModel } from './support/model';

/**
 * The summary as the extension ships it: parsed at build time from `data/` (esbuild.js runs
 * src/core/search/prebuild.ts). Start-up reads JSON instead of parsing the text; the text itself is not in
 * the extension's bundles. The command-line tool and the tests parse `data/` directly (src/core/bundled.ts).
 */

/** The fingerprint of the data the model and index were built from (notes record it). */
export const SHIPPED_FINGERPRINT: string = hash;

export function loadShippedSummary(): Summary {
  return new Summary(JSON.parse(model) as SummaryDocument, loadDirectory(organizations));
}

/**
 * The search engine over the shipped summary, indexed when first needed (5–6 ms; the index is not shipped:
 * it would add 51 KB to each bundle for 4 ms saved once, off the activation path).
 */
export function loadShippedSearch(summary: Summary): SearchEngine {
  return SearchEngine.build(summary);
}

/** The support model over the shipped summary (reads its 37 paragraphs: build it on first use). */
export function loadShippedSupport(summary: Summary): SupportModel {
  return createSupportModel(summary, bodies);
}
