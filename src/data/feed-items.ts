/**
 * Articles as feed items: the adapter between the content store and the pure
 * feed writers (`src/lib/feeds/`). It resolves what only the build knows:
 * each body's HTML, made into the full text a story page reads (dateline,
 * body, credit, corrections and updates; see `full-text.ts`), and the final
 * URL of a lead image that Astro processed into `/_astro/…`. Categories are
 * the section, the story's kind (any but news) and its tags; the credit is
 * the authors, else the source.
 *
 * Items are kept per article, so the site feed, the section feeds and the
 * three formats of each share the work of one build.
 */
import { getImage } from 'astro:assets';
import type { ArticleMeta } from '../lib/articles/schema.ts';
import type { StoredArticle } from '../lib/build-cache/stored-article.ts';
import { creditToParts } from '../lib/byline.ts';
import { datelineToParts } from '../lib/dates.ts';
import { articleToFeedAuthors } from '../lib/feeds/authors.ts';
import { storyToFullTextHtml } from '../lib/feeds/full-text.ts';
import type { FeedImage, FeedItem } from '../lib/feeds/model.ts';
import { kindToLabel } from '../lib/story-kind.ts';
import { notesToHtml } from '../lib/story-notes.ts';
import { articleToPath, pathToUrl } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';
import { resolveArticleImage } from './article-image.ts';
import { getArticleHtml } from './articles.ts';
import { feedPublisher } from './feed-publisher.ts';

const items = new Map<string, Promise<FeedItem>>();

/** An article as a feed item with its full text, computed once per build. */
export function articleToFeedItem(article: StoredArticle, site: URL): Promise<FeedItem> {
  let item = items.get(article.sourcePath);
  if (!item) {
    item = buildItem(article, site);
    items.set(article.sourcePath, item);
  }
  return item;
}

async function buildItem(article: StoredArticle, site: URL): Promise<FeedItem> {
  const link = pathToUrl(articleToPath(article, siteSettings.timeZone), site);
  const kind = kindToLabel(article.kind);
  const image = await leadImage(article, site);
  return {
    title: article.title,
    link,
    published: article.published,
    updated: article.updated,
    description: article.summary,
    contentHtml: storyToFullTextHtml({
      link,
      bodyHtml: await getArticleHtml(article),
      dateline: article.dateline
        ? datelineToParts(article.dateline, article.source, article.published)
        : undefined,
      credit: creditToParts(article),
      notesHtml: notesToHtml(article.notes, siteSettings.timeZone),
      image,
    }),
    categories: [article.section.name, ...(kind ? [kind] : []), ...article.tags],
    authors: articleToFeedAuthors(article, site, feedPublisher(site)),
    image,
  };
}

/**
 * The lead image with the URL it has in the built site: an `https:` source as
 * written, a file beside the article as Astro's processed copy.
 */
async function leadImage(article: ArticleMeta, site: URL): Promise<FeedImage | undefined> {
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
