/**
 * The site's search bundles, one per year (see src/integrations/pagefind.ts),
 * behind the one interface of a single Pagefind bundle. Each bundle is its
 * own module, loaded from its own folder.
 *
 * Pagefind's own `mergeIndex` re-sorts merged results by score, which breaks
 * a date order; here a date order takes the bundles newest year first (every
 * story of a later year is newer), and relevance merges by score.
 */
import { bundleModuleUrl, SEARCH_SORT, shardsUrl } from '../../lib/pagefind-names.ts';
import type { FilterCounts, PagefindApi, SearchOptions, SearchResponse } from './pagefind-api.ts';

/**
 * Loads every bundle listed in `<base>pagefind/shards.json` (`shardsUrl`).
 *
 * @param base the site's base path, ending in `/`
 * @throws when the list or a bundle cannot be loaded (no build, as under `astro dev`)
 */
export async function loadShardedPagefind(base: string): Promise<PagefindApi> {
  const response = await fetch(shardsUrl(base));
  if (!response.ok) throw new Error(`No search bundles (${response.status}).`);
  const years = (await response.json()) as string[];
  const shards = await Promise.all(
    years.map(
      async (year) => (await import(/* @vite-ignore */ bundleModuleUrl(base, year))) as PagefindApi,
    ),
  );
  return {
    filters: async () =>
      mergeFilterCounts(await Promise.all(shards.map((shard) => shard.filters()))),
    search: async (term, options = {}) => {
      const responses = await Promise.all(shards.map((shard) => shard.search(term, options)));
      return { results: mergeResults(responses, options) };
    },
  };
}

/** Adds up the counts of every bundle's filter values. */
function mergeFilterCounts(all: FilterCounts[]): FilterCounts {
  const merged: FilterCounts = {};
  for (const counts of all) {
    for (const [name, values] of Object.entries(counts)) {
      const target = (merged[name] ??= {});
      for (const [value, count] of Object.entries(values))
        target[value] = (target[value] ?? 0) + count;
    }
  }
  return merged;
}

/** One result list from every bundle's: by date when asked (bundles are by year), else by score. */
function mergeResults(
  responses: SearchResponse[],
  options: SearchOptions,
): SearchResponse['results'] {
  const dateOrder = options.sort?.[SEARCH_SORT.date];
  if (dateOrder === 'desc') return responses.flatMap((response) => response.results);
  if (dateOrder === 'asc') return responses.toReversed().flatMap((response) => response.results);
  return responses.flatMap((response) => response.results).sort((a, b) => b.score - a.score);
}
