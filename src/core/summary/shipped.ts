import { data, hash } from 'cnd:prebuilt';
import { inflateSync } from 'fflate';
import { loadDirectory } from './directory';
import type { SummaryDocument } from './model';
import { SearchEngine } from '../search/engine';
import { Summary } from './summary';
import { createSupportModel, type Lexicon, loadLexicon, type OtherBodies } from '../support';
import type { SupportModel } from '../support/model';

/**
 * The summary as the extension ships it: parsed at build time from `data/` (esbuild.js runs
 * src/core/search/prebuild.ts). Start-up reads it as data instead of parsing the text; the text itself is not in
 * the extension's bundles. The command-line tool and the tests parse `data/` directly (src/core/summary/bundled.ts).
 */

/** The fingerprint of the data the model and index were built from (notes record it). */
export const SHIPPED_FINGERPRINT: string = hash;

/** What the build packed (see esbuild.js): inflated and read in about a millisecond. */
function unpack(): { model: SummaryDocument; organizations: unknown; bodies: OtherBodies; lexicon: unknown } {
  const text = atob(data);
  const packed = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) packed[i] = text.charCodeAt(i);
  return JSON.parse(new TextDecoder().decode(inflateSync(packed))) as {
    model: SummaryDocument;
    organizations: unknown;
    bodies: OtherBodies;
    lexicon: unknown;
  };
}

/**
 * The summary as shipped, and what the support model reads besides it (other bodies' names, the lexicon).
 * Nothing is unpacked yet: on first use (inflating costs 10–30 ms while V8 has not yet compiled the
 * inflater; activation does not pay it, the first view, hover or check after it does, once).
 */
export function loadShipped(): { summary: Summary; bodies: () => OtherBodies; lexicon: () => Lexicon } {
  let unpacked: ReturnType<typeof unpack> | undefined;
  const get = () => (unpacked ??= unpack());
  let lexicon: Lexicon | undefined;
  return {
    summary: new Summary(() => {
      const s = summaryOf(get().model, get().organizations);
      return { doc: s.doc, directory: s.directory };
    }),
    bodies: () => get().bodies,
    lexicon: () => (lexicon ??= loadLexicon(get().lexicon)),
  };
}

export function loadShippedSummary(): Summary {
  return loadShipped().summary;
}

function summaryOf(shipped: SummaryDocument, organizations: unknown): Summary {
  const directory = loadDirectory(organizations);
  const states = new Set(directory.states.map((s) => s.id));
  // Put back what the build left out: the words of key phrases and mentions, and a mention's kind.
  const doc: SummaryDocument = {
    ...shipped,
    paragraphs: shipped.paragraphs.map((p) => ({
      ...p,
      keyPhrases: p.keyPhrases.map((k) => ({ start: k.start, end: k.end, text: p.text.slice(k.start, k.end) })),
      mentions: p.mentions.map((m) => ({
        id: m.id,
        kind: states.has(m.id) ? ('state' as const) : ('organization' as const),
        start: m.start,
        end: m.end,
        text: p.text.slice(m.start, m.end),
      })),
    })),
  };
  return new Summary(doc, directory);
}

/**
 * The search engine over the shipped summary, indexed when first needed (5–6 ms; the index is not shipped:
 * it would add 51 KB to each bundle for 4 ms saved once, off the activation path).
 */
export function loadShippedSearch(summary: Summary): SearchEngine {
  return SearchEngine.build(summary);
}

/** The support model over the shipped summary (reads its 37 paragraphs: build it on first use). */
export function loadShippedSupport(summary: Summary, bodies: OtherBodies, lexicon: Lexicon): SupportModel {
  return createSupportModel(summary, bodies, lexicon);
}
