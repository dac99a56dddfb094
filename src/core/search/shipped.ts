import { hash, index } from 'cnd:search-index';
import type { Summary } from '../summary';
import { SearchEngine } from './engine';
import { dataFingerprint } from './prebuild';

/**
 * The search engine from the index built at build time (MiniSearch.loadJSON), or built afresh when
 * the shipped index does not match the data (a development build with edited data).
 */
export function loadShippedSearch(summary: Summary): { engine: SearchEngine; prebuilt: boolean } {
  if (hash === dataFingerprint()) {
    try {
      return { engine: SearchEngine.load(summary, index), prebuilt: true };
    } catch {
      // Fall through: an index we cannot load is rebuilt.
    }
  }
  return { engine: SearchEngine.build(summary), prebuilt: false };
}
