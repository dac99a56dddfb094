import type { ActivationTimes } from '../activationClock';
import type { SearchEngine } from '../core/search/engine';
import type { Summary } from '../core/summary/summary';
import type { Drafts } from './drafts';
import type { Navigation } from './navigation';
import type { Notes } from './notes';
import type { Preview } from './preview';
import type { SearchFeature } from './search';
import type { SummaryStatus } from './status';

/**
 * The extension's parts, for its own integration tests only: returned as `testing` beside the public API
 * (src/api.d.ts) when VS Code runs the extension's tests (`ExtensionMode.Test`), never otherwise.
 */
export interface CndSummaryTesting {
  summary: Summary;
  navigation: Navigation;
  search: SearchFeature & { readonly engine: SearchEngine };
  drafts: Drafts;
  notes: Notes;
  status: SummaryStatus;
  preview: Preview;
  /** Printed by the integration runner. */
  activation: ActivationTimes;
}

/** The parts as the tests see them: the search feature with the engine of its index (built on first use). */
export function testingParts(
  parts: Omit<CndSummaryTesting, 'search'> & { search: SearchFeature; index: { readonly engine: SearchEngine } },
): CndSummaryTesting {
  const { index, search, ...rest } = parts;
  const withEngine = Object.defineProperties(
    { ...search },
    { engine: { get: () => index.engine } },
  ) as CndSummaryTesting['search'];
  return { ...rest, search: withEngine };
}
