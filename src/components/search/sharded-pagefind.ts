/**
 * The site's search bundles, one per month (see src/integrations/pagefind.ts),
 * behind one search function, loaded as searches need them.
 *
 * Pagefind's browser module is loaded once, from the folder of the bundles.
 * The newest bundle is opened at once: its instance holds Pagefind's
 * WebAssembly, and every other bundle is merged into it (`mergeIndex`), so
 * none loads Pagefind again. A search loads the bundles it needs and no
 * others, all at once: every bundle for a search in every year, that year's
 * for a search in one year. Every page of a bundle carries the bundle's
 * period as a filter (`BUNDLE_FILTER`), which keeps a search to its own
 * bundles when others were loaded before and stands in for the year filter.
 *
 * Merged results are ranked by score. A date order cannot be: Pagefind
 * scores it by each story's place in its own bundle, so merged results
 * would interleave the months. A date order counts the results of each
 * bundle, then searches each bundle on its own, in order, when the results
 * shown first reach it.
 */
import {
  BUNDLE_FILTER,
  bundleModuleUrl,
  bundleUrl,
  periodYear,
  SEARCH_FILTER,
  SEARCH_SORT,
  shardsUrl,
  type BundleListing,
} from '../../lib/pagefind-names.ts';
import type {
  BundleOptions,
  FilterValue,
  PagefindModule,
  SearchOptions,
  SearchResponse,
  SearchResult,
} from './pagefind-api.ts';

/** A search's filters, each one value (as `stateToSearchOptions` gives them), and its order. */
export interface ShardedSearchOptions {
  filters?: Record<string, string>;
  sort?: SearchOptions['sort'];
}

/** The bundles, searched as one. */
export interface ShardedPagefind {
  /** Starts loading the bundles a search with these options needs, ahead of it. */
  prepare(options: ShardedSearchOptions): void;
  /** Searches the bundles the options need; a `year` filter keeps to that year's. */
  search(term: string | null, options: ShardedSearchOptions): Promise<SearchResponse>;
}

/**
 * Loads the list of bundles and Pagefind's module, and starts opening the
 * newest bundle.
 *
 * @param base the site's base path, ending in `/`
 * @throws when the list or the module cannot be loaded (no build, as under `astro dev`)
 */
export async function loadShardedPagefind(base: string): Promise<ShardedPagefind> {
  // Both at once; a site without stories has no module, and needs none.
  const loadingModule = import(/* @vite-ignore */ bundleModuleUrl(base)) as Promise<PagefindModule>;
  loadingModule.catch(() => {});
  const response = await fetch(shardsUrl(base));
  if (!response.ok) throw new Error(`No search bundles (${response.status}).`);
  const bundles = (await response.json()) as BundleListing[];
  const [newest] = bundles;
  if (!newest) return { prepare: () => {}, search: async () => ({ results: [], filters: {} }) };
  const { createInstance } = await loadingModule;

  const totalPages = bundles.reduce((sum, bundle) => sum + bundle.pageCount, 0);
  const optionsOf = (bundle: BundleListing): BundleOptions => ({
    mergeFilter: { [BUNDLE_FILTER]: bundle.period },
    indexWeight: bundleWeight(bundle.pageCount, totalPages),
  });
  const pagefind = createInstance({
    basePath: bundleUrl(base, newest.period),
    // Pagefind's web worker would be one more download before the first search.
    noWorker: true,
    ...optionsOf(newest),
  });
  const loaded = new Map<string, Promise<void>>([[newest.period, Promise.resolve()]]);
  const load = (scope: BundleListing[]) =>
    Promise.all(
      scope.map((bundle) => {
        let loading = loaded.get(bundle.period);
        if (!loading) {
          loading = pagefind.mergeIndex(bundleUrl(base, bundle.period), optionsOf(bundle));
          loaded.set(bundle.period, loading);
        }
        return loading;
      }),
    );

  return {
    prepare: (options) => void load(scopeOf(bundles, options).bundles).catch(() => {}),
    search: async (term, options) => {
      const scope = scopeOf(bundles, options);
      if (scope.bundles.length === 0) return { results: [], filters: {} };
      await load(scope.bundles);
      const inScope = { ...scope.filters, [BUNDLE_FILTER]: { any: scope.periods } };
      const counted = await pagefind.search(term, { filters: inScope });
      const { sort } = options;
      const dateOrder = sort?.[SEARCH_SORT.date];
      if (!sort || !dateOrder) return counted;

      const periods = dateOrder === 'desc' ? scope.periods : scope.periods.toReversed();
      const searches = new Map<string, Promise<SearchResult[]>>();
      const resultsOf = (period: string) => {
        let searching = searches.get(period);
        if (!searching) {
          const filters = { ...scope.filters, [BUNDLE_FILTER]: period };
          searching = pagefind.search(term, { filters, sort }).then((response) => response.results);
          searches.set(period, searching);
        }
        return searching;
      };
      const counts = counted.filters[BUNDLE_FILTER] ?? {};
      const results = periods.flatMap((period) =>
        Array.from({ length: counts[period] ?? 0 }, (_, position): SearchResult => ({
          score: 0,
          data: async () => {
            const result = (await resultsOf(period))[position];
            if (!result) throw new Error(`Result ${position} of ${period} went missing.`);
            return result.data();
          },
        })),
      );
      return { results, filters: counted.filters };
    },
  };
}

/**
 * The bundles a search needs, and its filters but the year: that year's
 * bundles stand for it.
 */
function scopeOf(
  bundles: BundleListing[],
  options: ShardedSearchOptions,
): { bundles: BundleListing[]; periods: string[]; filters: Record<string, FilterValue> } {
  const { [SEARCH_FILTER.year]: year, ...filters } = options.filters ?? {};
  const inScope = year ? bundles.filter((bundle) => periodYear(bundle.period) === year) : bundles;
  return { bundles: inScope, periods: inScope.map((bundle) => bundle.period), filters };
}

/**
 * What a bundle's scores are multiplied by when merged. Pagefind ranks by
 * BM25, where a word weighs more the fewer pages of its index hold it, out
 * of how many (its IDF): the same word on one page weighs 0.29 in a bundle of
 * one story and 5.5 in a bundle of 360, so a story alone in a quiet month
 * would rank below stray matches from a busy one. Scaling by this ratio
 * gives a word found on one page of the bundle the weight it would have in
 * one index of every story.
 *
 * @param pageCount the bundle's pages
 * @param totalPages the pages of every bundle
 */
export function bundleWeight(pageCount: number, totalPages: number): number {
  return idfOfOnePage(totalPages) / idfOfOnePage(pageCount);
}

/** Pagefind's IDF of a word found on one of `pages` pages. */
function idfOfOnePage(pages: number): number {
  return Math.log((pages - 1 + 0.5) / (1 + 0.5) + 1);
}
