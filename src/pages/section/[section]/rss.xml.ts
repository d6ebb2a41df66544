/**
 * `/section/<section>/rss.xml`: the newest stories of one section, full text.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../../../data/articles.ts';
import { articleToRssItem } from '../../../data/feed-items.ts';
import { pageProps } from '../../../data/page-props.ts';
import { publicBase } from '../../../data/public-base.ts';
import type { Section } from '../../../lib/articles/schema.ts';
import type { StoredArticle } from '../../../lib/build-cache/stored-article.ts';
import { buildRss } from '../../../lib/feed.ts';
import { sectionToFeedText } from '../../../lib/section-feed.ts';
import { pathToUrl, sectionFeedPath, sectionToPath } from '../../../lib/urls.ts';
import { siteSettings } from '../../../site.config.ts';

type Props = {
  section: Section;
  /** The section's newest articles, at most a feed's worth. */
  articles: StoredArticle[];
};

/** One feed per section that has articles in this build. */
export const getStaticPaths = (async () => {
  const { sections } = await getSiteIndex();
  return sections.map(({ section, articles }) => ({
    params: { section: section.slug },
    props: { section, articles: articles.slice(0, siteSettings.feedSize) } satisfies Props,
  }));
}) satisfies GetStaticPaths;

/** A section's feed. */
export const GET: APIRoute<Props> = async (context) => {
  const { section, articles } = pageProps(context);
  const base = publicBase(context.site);
  const items = await Promise.all(articles.map((article) => articleToRssItem(article, base)));
  const { title, description } = sectionToFeedText(section, siteSettings.title);
  const xml = buildRss(items, {
    title,
    link: pathToUrl(sectionToPath(section.slug), base),
    description,
    language: siteSettings.language,
    selfUrl: pathToUrl(sectionFeedPath(section.slug), base),
    limit: siteSettings.feedSize,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
