import type { SearchDoc, SearchEngine, SearchRequest, SearchResponse } from './engine';

/** What features need of the search engine: searching, and keeping their own documents (notes) in it. */
export interface SearchIndex {
  search(input: string, request?: SearchRequest): SearchResponse;
  upsert(doc: SearchDoc): void;
  remove(id: string): void;
}

/**
 * The search engine, loaded on first use so that loading the index is not on the extension's activation
 * path. Documents added or removed before then are applied, in order (the last change to an id wins),
 * when it loads.
 */
export class LazySearchEngine implements SearchIndex {
  private loaded: SearchEngine | undefined;
  private readonly pending = new Map<string, SearchDoc | null>();

  constructor(private readonly load: () => SearchEngine) {}

  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  get engine(): SearchEngine {
    if (!this.loaded) {
      const engine = this.load();
      for (const [id, doc] of this.pending) {
        if (doc) engine.upsert(doc);
        else engine.remove(id);
      }
      this.pending.clear();
      this.loaded = engine;
    }
    return this.loaded;
  }

  search(input: string, request?: SearchRequest): SearchResponse {
    return this.engine.search(input, request);
  }

  upsert(doc: SearchDoc): void {
    if (this.loaded) this.loaded.upsert(doc);
    else this.pending.set(doc.id, doc);
  }

  remove(id: string): void {
    if (this.loaded) this.loaded.remove(id);
    else this.pending.set(id, null);
  }
}
