/**
 * What a page tells machines about itself: its title, Open Graph and Twitter
 * card tags, and on articles schema.org `NewsArticle` JSON-LD (or the
 * subtype of the story's kind).
 *
 * Values only: the layout writes them into `<head>`. Every URL passed in is
 * already absolute.
 */
import type { ArticleKind, ArticleMeta } from './articles/schema.ts';
import { instantToWallClock, pad } from './dates.ts';
import type { Instant } from './instant.ts';
import type { PreviewImage } from './link-cards.ts';
import type { SiteImage } from './site-images.ts';
import { nameToPath } from './story-links.ts';
import { pathToUrl } from './urls.ts';

/** An image for link previews and structured data. */
export type SocialImage = PreviewImage;

/** What a page says about itself in `<head>`. */
export interface PageMeta {
  /** The full document title, as `pageTitle` makes it. */
  title: string;
  description: string;
  /** The page's canonical absolute URL. */
  url: string;
  siteName: string;
  type: 'website' | 'article';
  image?: SocialImage | undefined;
  /** For articles: times as written, section and tags. */
  article?:
    | {
        publishedTime: string;
        modifiedTime?: string | undefined;
        section: string;
        tags: readonly string[];
      }
    | undefined;
}

/** One `<meta>` tag: Open Graph uses `property`, Twitter cards use `name`. */
export interface MetaTag {
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/**
 * The document title: the page's own title, then the site's; the site's
 * alone where the page has none (the front page).
 *
 * @example pageTitle('Section: World', 'Newsroom Wire') // 'Section: World | Newsroom Wire'
 */
export function pageTitle(title: string | undefined, siteTitle: string): string {
  return title ? `${title} | ${siteTitle}` : siteTitle;
}

/** Open Graph and Twitter card tags for a page, in the order they are written. */
export function pageMetaToTags(meta: PageMeta): MetaTag[] {
  const tags: MetaTag[] = [];
  const og = (key: string, content: string | number | undefined) => {
    if (content !== undefined && content !== '') {
      tags.push({ attribute: 'property', key: `og:${key}`, content: String(content) });
    }
  };
  const twitter = (key: string, content: string | undefined) => {
    if (content) tags.push({ attribute: 'name', key: `twitter:${key}`, content });
  };

  og('type', meta.type);
  og('site_name', meta.siteName);
  og('title', meta.title);
  og('description', meta.description);
  og('url', meta.url);
  if (meta.image) {
    og('image', meta.image.url);
    og('image:width', meta.image.width);
    og('image:height', meta.image.height);
    og('image:alt', meta.image.alt);
  }
  if (meta.article) {
    tags.push(
      { attribute: 'property', key: 'article:published_time', content: meta.article.publishedTime },
      ...(meta.article.modifiedTime
        ? [
            {
              attribute: 'property',
              key: 'article:modified_time',
              content: meta.article.modifiedTime,
            } as const,
          ]
        : []),
      { attribute: 'property', key: 'article:section', content: meta.article.section },
      ...meta.article.tags.map(
        (tag) => ({ attribute: 'property', key: 'article:tag', content: tag }) as const,
      ),
    );
  }
  twitter('card', meta.image ? 'summary_large_image' : 'summary');
  twitter('title', meta.title);
  twitter('description', meta.description);
  twitter('image', meta.image?.url);
  twitter('image:alt', meta.image?.alt);
  return tags;
}

/** What `articleToJsonLd` needs besides the article. */
export interface JsonLdContext {
  /** The article's canonical absolute URL. */
  url: string;
  /**
   * The story's images, absolute URLs: its lead image (in several aspect
   * ratios), or else its section's cards. Google asks for at least one.
   */
  images: readonly PreviewImage[];
  /** The site's base URL, against which the pages of authors and sources are made absolute. */
  siteUrl: string;
  /** The publisher, with its logo by site path (`SITE_LOGO`). */
  publisher: { name: string; url: string; logo: SiteImage };
  language: string;
}

/** An image as schema.org's `ImageObject`, its size where the build knows it. */
export interface ImageObjectJsonLd {
  '@type': 'ImageObject';
  url: string;
  width?: number;
  height?: number;
}

/** The publisher as an `Organization` with its logo, as Google asks of a publisher. */
export interface PublisherJsonLd {
  '@type': 'Organization';
  name: string;
  url: string;
  logo: ImageObjectJsonLd & { width: number; height: number };
}

/**
 * The schema.org type of each kind of story. schema.org has no type for an
 * interview or an obituary, so those stay `NewsArticle`.
 * See https://schema.org/NewsArticle (its subtypes).
 */
const KIND_TYPES = {
  news: 'NewsArticle',
  analysis: 'AnalysisNewsArticle',
  interview: 'NewsArticle',
  opinion: 'OpinionNewsArticle',
  explainer: 'BackgroundNewsArticle',
  obituary: 'NewsArticle',
} as const satisfies Record<ArticleKind, string>;

/** The schema.org type of a kind of story, `NewsArticle` or one of its subtypes. */
export function kindToSchemaType(kind: ArticleKind): NewsArticleJsonLd['@type'] {
  return KIND_TYPES[kind];
}

/** A person or organisation credited with a story, with its page on the site. */
export interface CreditJsonLd {
  '@type': 'Person' | 'Organization';
  name: string;
  /** The page of the author's or source's stories; the publisher's home page. */
  url?: string;
}

/** A correction as schema.org's `CorrectionComment`. */
export interface CorrectionJsonLd {
  '@type': 'CorrectionComment';
  text: string;
  datePublished: string;
}

/** A schema.org `NewsArticle` (or a subtype, by the story's kind) as JSON-LD. */
export interface NewsArticleJsonLd {
  '@context': 'https://schema.org';
  '@type': (typeof KIND_TYPES)[ArticleKind];
  headline: string;
  description: string;
  datePublished: string;
  /** The latest change: `updated`, or the latest correction or update, or else `datePublished`. */
  dateModified: string;
  author: CreditJsonLd[];
  /** The agency or outlet credited (`source`), when it is not the author already. */
  sourceOrganization?: CreditJsonLd;
  /** The lead image in several aspect ratios, or else the section's cards; never empty. */
  image: ImageObjectJsonLd[];
  articleSection: string;
  keywords?: string[];
  inLanguage: string;
  publisher: PublisherJsonLd;
  mainEntityOfPage: { '@type': 'WebPage'; '@id': string };
  url: string;
  /** Each correction, newest first (updates are not corrections and are left out). */
  correction?: CorrectionJsonLd[];
}

/**
 * schema.org `NewsArticle`, or the subtype of the story's kind, for an
 * article page. Times are written as the article wrote them, offsets and
 * all. Authors are people with their pages on the site; with no named
 * author, the credited source (or else the publisher) stands as an
 * organisation. Corrections are `CorrectionComment`s.
 */
export function articleToJsonLd(
  article: Pick<
    ArticleMeta,
    | 'kind'
    | 'title'
    | 'summary'
    | 'published'
    | 'updated'
    | 'notes'
    | 'authors'
    | 'source'
    | 'section'
    | 'tags'
  >,
  context: JsonLdContext,
): NewsArticleJsonLd {
  const credit = (
    type: CreditJsonLd['@type'],
    taxonomy: 'author' | 'source',
    name: string,
  ): CreditJsonLd => {
    const path = nameToPath(taxonomy, name);
    return { '@type': type, name, ...(path ? { url: pathToUrl(path, context.siteUrl) } : {}) };
  };
  const source = article.source && credit('Organization', 'source', article.source);
  const { name, url, logo } = context.publisher;
  const author = article.authors.length
    ? article.authors.map((author) => credit('Person', 'author', author))
    : [source || { '@type': 'Organization' as const, name, url }];
  if (context.images.length === 0) {
    throw new Error(`The story at ${context.url} was given no image for its structured data.`);
  }
  const corrections = article.notes
    .filter((note) => note.type === 'correction')
    .map((note) => ({
      '@type': 'CorrectionComment' as const,
      text: note.text,
      datePublished: note.at.iso,
    }));
  return {
    '@context': 'https://schema.org',
    '@type': kindToSchemaType(article.kind),
    headline: article.title,
    description: article.summary,
    datePublished: article.published.iso,
    dateModified: latestChange(article).iso,
    author,
    ...(source && article.authors.length ? { sourceOrganization: source } : {}),
    image: context.images.map(imageToJsonLd),
    articleSection: article.section.name,
    ...(article.tags.length ? { keywords: [...article.tags] } : {}),
    inLanguage: context.language,
    publisher: {
      '@type': 'Organization',
      name,
      url,
      logo: {
        '@type': 'ImageObject',
        url: pathToUrl(logo.path, context.siteUrl),
        width: logo.width,
        height: logo.height,
      },
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': context.url },
    url: context.url,
    ...(corrections.length ? { correction: corrections } : {}),
  };
}

/** An image as an `ImageObject`, with its size when it is known. */
function imageToJsonLd(image: PreviewImage): ImageObjectJsonLd {
  return {
    '@type': 'ImageObject',
    url: image.url,
    ...(image.width !== undefined && { width: image.width }),
    ...(image.height !== undefined && { height: image.height }),
  };
}

/** The latest of publication, `updated` and every note: when the story last changed. */
function latestChange(article: Pick<ArticleMeta, 'published' | 'updated' | 'notes'>): Instant {
  return [article.updated, ...article.notes.map((note) => note.at)].reduce<Instant>(
    (latest, moment) => (moment && moment.epochMs > latest.epochMs ? moment : latest),
    article.published,
  );
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are
 * escaped so that no text in it can close the script element, and the line
 * separators JavaScript once rejected are escaped too.
 */
export function jsonLdToScript(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A global date and time as HTML's `datetime` attribute accepts it. */
const HTML_DATETIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The value of a `<time datetime>` for an instant: the text as written when
 * HTML accepts it, else the same wall time and offset in the form HTML
 * wants (the contract also allows `+0300`, `+03` and nine-digit fractions).
 */
export function instantToDatetime(instant: Instant): string {
  if (HTML_DATETIME.test(instant.iso)) return instant.iso;
  const wall = instantToWallClock(instant);
  const fraction = wall.millisecond ? `.${String(wall.millisecond).padStart(3, '0')}` : '';
  return (
    `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}` +
    `T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${fraction}${instant.offset}`
  );
}
