/**
 * Articles as feed items: the adapter between the content store and the pure
 * `buildRss`. It resolves what only the build knows: each body's HTML, made
 * absolute against the article's own URL and followed by the story's
 * corrections and updates, and the final URL of a lead image that Astro
 * processed into `/_astro/…`. Categories are the section, the story's kind
 * (any but news) and its tags.
 *
 * Items are kept per article, so the site feed and the section feeds of one
 * build share the work.
 */
import { getImage } from 'astro:assets';
import { absolutizeHtml } from '../lib/absolute-html.ts';
import type { ArticleMeta } from '../lib/articles/schema.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import type { RssImage, RssItem } from '../lib/feed.ts';
import { kindToLabel } from '../lib/story-kind.ts';
import { notesToHtml } from '../lib/story-notes.ts';
import { articleToPath, pathToUrl } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';
import { resolveArticleImage } from './article-image.ts';
import { getArticleHtml } from './articles.ts';

const items = new Map<string, Promise<RssItem>>();

/** An article as a feed item, computed once per build. */
export function articleToRssItem(article: StoredArticle, site: URL): Promise<RssItem> {
  let item = items.get(article.sourcePath);
  if (!item) {
    item = buildItem(article, site);
    items.set(article.sourcePath, item);
  }
  return item;
}

async function buildItem(article: StoredArticle, site: URL): Promise<RssItem> {
  const link = pathToUrl(articleToPath(article, siteSettings.timeZone), site);
  const kind = kindToLabel(article.kind);
  return {
    title: article.title,
    link,
    published: article.published,
    updated: article.updated,
    description: article.summary,
    contentHtml:
      absolutizeHtml(await getArticleHtml(article), link) +
      notesToHtml(article.notes, siteSettings.timeZone),
    categories: [article.section.name, ...(kind ? [kind] : []), ...article.tags],
    creators: article.authors,
    image: await leadImage(article, site),
  };
}

/**
 * The lead image with the URL it has in the built site: an `https:` source as
 * written, a file beside the article as Astro's processed copy.
 */
async function leadImage(article: ArticleMeta, site: URL): Promise<RssImage | undefined> {
  const image = await resolveArticleImage(article);
  if (!image) return undefined;
  const described = { alt: image.alt, caption: image.caption, credit: image.credit };
  if (image.kind === 'remote') return { url: image.url, ...described };
  // getImage registers this copy with the build, so the URL is never dangling.
  const processed = await getImage({ src: image.metadata });
  const format = processed.options.format;
  return {
    url: pathToUrl(processed.src, site),
    ...described,
    type: format ? formatToMime(format) : undefined,
  };
}

function formatToMime(format: string): string {
  if (format === 'svg') return 'image/svg+xml';
  if (format === 'jpg') return 'image/jpeg';
  return `image/${format}`;
}
