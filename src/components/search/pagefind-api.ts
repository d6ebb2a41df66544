/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`) that the
 * search page uses. The bundle is written at build time and loaded at run
 * time, so its types are declared here rather than imported.
 * See https://pagefind.app/docs/api/.
 */

/** Counts of pages under each value of each filter: `{ year: { '2025': 3 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Options for one search. */
export interface SearchOptions {
  filters?: Record<string, string | string[]>;
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
}

/** The module `/pagefind/pagefind.js` exports. */
export interface PagefindApi {
  filters(): Promise<FilterCounts>;
  /** `term` null lists pages by filters alone. */
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
}
