/**
 * The site's feed and each section's, full text, as responses in RSS, Atom
 * and JSON Feed: each format's endpoint is one line around these, and the
 * three are written from one list of items (`feed-items.ts`) and one
 * description of the feed (`feed-specs.ts`), so they cannot drift apart.
 */
import type { APIContext } from 'astro';
import type { Section } from '../lib/articles/schema.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import type { FeedFormat } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';
import { getArticles, getSiteIndex } from './articles.ts';
import { articleToFeedItem } from './feed-items.ts';
import { feedResponse, sectionFeedSpec, siteFeedSpec } from './feed-specs.ts';
import { getPageKeys, sectionFeedKey } from './page-keys.ts';
import { pageProps } from './page-props.ts';
import { publicBase } from './public-base.ts';

/** The site feed in one format. */
export async function siteFeedResponse(format: FeedFormat, context: APIContext): Promise<Response> {
  const base = publicBase(context.site);
  const articles = (await getArticles()).slice(0, siteSettings.feedSize);
  const items = await Promise.all(articles.map((article) => articleToFeedItem(article, base)));
  return feedResponse(format, items, siteFeedSpec(), base);
}

/** Props of a section feed's route. */
export interface SectionFeedProps {
  section: Section;
  /** The section's newest articles, at most a feed's worth. */
  articles: StoredArticle[];
}

/**
 * One path per section that has articles in this build, for each format's
 * route, keyed by what the feed holds, so that a publish writes again only
 * the feeds of the sections whose stories changed.
 */
export async function sectionFeedRoutes() {
  const { sections } = await getSiteIndex();
  const keys = await getPageKeys();
  return sections.map(({ section, articles }) => {
    const newest = articles.slice(0, siteSettings.feedSize);
    return {
      params: { section: section.slug },
      props: { section, articles: newest } satisfies SectionFeedProps,
      cacheKey: sectionFeedKey(keys, section, newest),
    };
  });
}

/** A section's feed in one format. */
export async function sectionFeedResponse(
  format: FeedFormat,
  context: APIContext<SectionFeedProps>,
): Promise<Response> {
  const { section, articles } = pageProps(context);
  const base = publicBase(context.site);
  const items = await Promise.all(articles.map((article) => articleToFeedItem(article, base)));
  return feedResponse(format, items, sectionFeedSpec(section), base);
}
