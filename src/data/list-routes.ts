/**
 * The paths, props and cache keys of the list pages and feeds beside the
 * sections: each topic's, author's and source's pages and feed, the index
 * of each, and the corrections list and feed. The route files under
 * `src/pages/topic/`, `author/`, `source/` and `corrections/` are one line
 * each around these, so that the three taxonomies cannot drift apart.
 *
 * An index (`/topic/`, `/corrections/`) is a route with a rest parameter
 * that is always empty, and the corrections feed a route named `[feed].xml`:
 * only a route with parameters has `getStaticPaths`, and with it a cache key,
 * so a publish copies them from the last build when nothing they show changed.
 */
import type { APIContext } from 'astro';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { articleToSummaryItem, LIST_FEED_SIZE, noteToFeedItem } from '../lib/list-feed-items.ts';
import { correctionsFeedText, nameToFeedText } from '../lib/list-text.ts';
import { pageCount } from '../lib/pagination.ts';
import type { NameGroup } from '../lib/taxonomy.ts';
import {
  CORRECTIONS_FEED_PATH,
  correctionsToPath,
  taxonomyFeedPath,
  taxonomyToPath,
  type Taxonomy,
} from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';
import { getSiteIndex } from './articles.ts';
import { feedPublisher } from './feed-publisher.ts';
import { feedResponse, LIST_FEED_TTL_MINUTES } from './feed-specs.ts';
import {
  correctionsFeedKey,
  correctionsPageKey,
  getPageKeys,
  nameFeedKey,
  nameIndexKey,
  namePageKey,
} from './page-keys.ts';
import { pageProps } from './page-props.ts';
import { publicBase } from './public-base.ts';

/** Props of a page of a name's stories. */
export interface NamePageProps {
  /** The name's URL name. */
  slug: string;
  /** 1-based. */
  page: number;
}

/** Props of a page of the corrections list. */
export interface CorrectionsPageProps {
  /** 1-based. */
  page: number;
}

/** The one path of an index route: its rest parameter empty. */
export async function nameIndexPaths(taxonomy: Taxonomy) {
  const { taxonomies } = await getSiteIndex();
  const keys = await getPageKeys();
  return [
    {
      params: { index: undefined },
      cacheKey: nameIndexKey(keys, taxonomy, taxonomies[taxonomy].groups),
    },
  ];
}

/** The first page of each name's stories, at `/topic/<name>/`. */
export async function nameFirstPagePaths(taxonomy: Taxonomy) {
  const { taxonomies } = await getSiteIndex();
  const keys = await getPageKeys();
  return taxonomies[taxonomy].groups.map((group) => ({
    params: { name: group.slug },
    props: { slug: group.slug, page: 1 } satisfies NamePageProps,
    cacheKey: namePageKey(keys, taxonomy, group, 1),
  }));
}

/** Later pages of each name's stories, at `/topic/<name>/page/N/` from 2. */
export async function nameLaterPagePaths(taxonomy: Taxonomy) {
  const { taxonomies } = await getSiteIndex();
  const keys = await getPageKeys();
  return taxonomies[taxonomy].groups.flatMap((group) =>
    laterPages(group.articles.length).map((page) => ({
      params: { name: group.slug, page: String(page) },
      props: { slug: group.slug, page } satisfies NamePageProps,
      cacheKey: namePageKey(keys, taxonomy, group, page),
    })),
  );
}

/** Each name's feed, at `/topic/<name>/rss.xml`. */
export async function nameFeedPaths(taxonomy: Taxonomy) {
  const { taxonomies } = await getSiteIndex();
  const keys = await getPageKeys();
  return taxonomies[taxonomy].groups.map((group) => ({
    params: { name: group.slug },
    props: { slug: group.slug },
    cacheKey: nameFeedKey(keys, taxonomy, group),
  }));
}

/** A name's feed: its newest stories, standfirsts only. */
export async function nameFeedResponse(
  taxonomy: Taxonomy,
  context: APIContext<{ slug: string }>,
): Promise<Response> {
  const { slug } = pageProps(context);
  const group = await findNameGroup(taxonomy, slug);
  const base = publicBase(context.site);
  return feedResponse(
    'rss',
    group.articles
      .slice(0, LIST_FEED_SIZE)
      .map((article) =>
        articleToSummaryItem(article, base, siteSettings.timeZone, feedPublisher(base)),
      ),
    {
      text: nameToFeedText(taxonomy, group.name, siteSettings.title),
      pagePath: taxonomyToPath(taxonomy, group.slug),
      paths: { rss: taxonomyFeedPath(taxonomy, group.slug) },
      limit: LIST_FEED_SIZE,
      ttlMinutes: LIST_FEED_TTL_MINUTES,
    },
    base,
  );
}

/** A topic, author or source by its URL name; a missing one is a bug in the paths. */
export async function findNameGroup(
  taxonomy: Taxonomy,
  slug: string,
): Promise<NameGroup<StoredArticle>> {
  const group = (await getSiteIndex()).taxonomies[taxonomy].bySlug.get(slug);
  if (!group) throw new Error(`No ${taxonomy} has the URL name "${slug}".`);
  return group;
}

/** The one path of the corrections list's first page. */
export async function correctionsIndexPaths() {
  const { notes } = await getSiteIndex();
  const keys = await getPageKeys();
  return [{ params: { index: undefined }, cacheKey: correctionsPageKey(keys, notes, 1) }];
}

/** Later pages of the corrections list, at `/corrections/page/N/` from 2. */
export async function correctionsLaterPagePaths() {
  const { notes } = await getSiteIndex();
  const keys = await getPageKeys();
  return laterPages(notes.length).map((page) => ({
    params: { page: String(page) },
    props: { page } satisfies CorrectionsPageProps,
    cacheKey: correctionsPageKey(keys, notes, page),
  }));
}

/** The corrections feed's one path, `/corrections/rss.xml`. */
export async function correctionsFeedPaths() {
  const { notes } = await getSiteIndex();
  const keys = await getPageKeys();
  return [{ params: { feed: 'rss' }, cacheKey: correctionsFeedKey(keys, notes) }];
}

/** The corrections feed: the newest notes, each an item that links to its story. */
export async function correctionsFeedResponse(context: APIContext): Promise<Response> {
  const { notes } = await getSiteIndex();
  const base = publicBase(context.site);
  return feedResponse(
    'rss',
    notes
      .slice(0, siteSettings.feedSize)
      .map((entry) => noteToFeedItem(entry, base, siteSettings.timeZone)),
    {
      text: correctionsFeedText(siteSettings.title),
      pagePath: correctionsToPath(),
      paths: { rss: CORRECTIONS_FEED_PATH },
      limit: siteSettings.feedSize,
      ttlMinutes: LIST_FEED_TTL_MINUTES,
    },
    base,
  );
}

/** Page numbers from 2 to the last page of a list of `count` items. */
function laterPages(count: number): number[] {
  const total = pageCount(count, siteSettings.sectionPageSize);
  return Array.from({ length: total - 1 }, (_, index) => index + 2);
}
