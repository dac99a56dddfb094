import type * as vscode from 'vscode';
import { LazySearchEngine } from '../core/search/lazy';
import { loadShippedSearch, loadShippedSupport } from '../core/summary/shipped';
import type { Summary } from '../core/summary/summary';
import type { OtherBodies, Lexicon } from '../core/support';
import type { SupportModel } from '../core/support/model';
import type { Log } from './log';
import { once } from './timing';

/** When the search index is built if nobody searched before. */
const WARM_UP_MS = 1500;

/** The search index, built on first use or once start-up is over: not on the activation path. */
export function shippedSearchIndex(context: vscode.ExtensionContext, summary: Summary, log: Log): LazySearchEngine {
  const lazy = new LazySearchEngine(() => {
    const t0 = performance.now();
    const engine = loadShippedSearch(summary);
    log.info(`search index built in ${(performance.now() - t0).toFixed(1)} ms (${engine.documentCount} documents)`);
    return engine;
  });
  const warmUp = setTimeout(() => lazy.engine, WARM_UP_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
  return lazy;
}

/** The support model (what the support checks, Find Related and completion rank with), built on first use. */
export function shippedSupport(
  shipped: { summary: Summary; bodies: () => OtherBodies; lexicon: () => Lexicon },
  log: Log,
): () => SupportModel {
  return once(() => {
    const t0 = performance.now();
    const model = loadShippedSupport(shipped.summary, shipped.bodies(), shipped.lexicon());
    log.info(`support model built in ${(performance.now() - t0).toFixed(1)} ms`);
    return model;
  });
}
