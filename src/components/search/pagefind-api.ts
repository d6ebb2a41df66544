/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`) that the
 * search page uses. The module is written at build time and loaded at run
 * time, so its types are declared here rather than imported.
 * See https://pagefind.app/docs/api/ and https://pagefind.app/docs/multisite/.
 */

/** Counts of results under each value of each filter: `{ year: { '2025': 3 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** A filter's wanted value: one value, all of several, or any of several. */
export type FilterValue = string | string[] | { any: string[] };

/** Options for one search. */
export interface SearchOptions {
  filters?: Record<string, FilterValue>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** A page's loaded data. `excerpt` is escaped HTML with `<mark>` around hits; `meta` is raw text. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** One match, before its data is loaded. */
export interface SearchResult {
  /** How well the page matches; higher is better. */
  score: number;
  data(): Promise<ResultData>;
}

/** What a search returns: every match, data loaded on demand. */
export interface SearchResponse {
  results: SearchResult[];
  /** How many of the results each filter value holds. */
  filters: FilterCounts;
}

/** Options of one bundle of an instance. */
export interface BundleOptions {
  /** Filter values given to every page of the bundle. */
  mergeFilter?: Record<string, string>;
  /** What the bundle's scores are multiplied by when results of bundles are merged. */
  indexWeight?: number;
}

/** An instance: one bundle, and the bundles merged into it, searched together. */
export interface PagefindInstance {
  /** Adds the bundle in the folder `basePath` to the instance; resolves once it is loaded. */
  mergeIndex(basePath: string, options?: BundleOptions): Promise<void>;
  /** `term` null lists pages by filters alone. */
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
}

/** The module's exports that the page uses. */
export interface PagefindModule {
  /**
   * Opens the bundle in the folder `basePath`; `noWorker` runs searches on
   * the page's own thread rather than loading Pagefind's web worker.
   */
  createInstance(
    options: BundleOptions & { basePath: string; noWorker?: boolean },
  ): PagefindInstance;
}
