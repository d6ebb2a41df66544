/**
 * Google's Article structured-data documentation, field by field, as a
 * check: https://developers.google.com/search/docs/appearance/structured-data/article
 * (the properties it recommends for `Article`, `NewsArticle` and
 * `BlogPosting`, and its guidelines for images, dates and authors).
 *
 * Written from the documentation, not from the site's code, so that the
 * unit tests of `articleToJsonLd` and the built pages are held to it alike.
 * It returns every problem found, each naming the field, so a failure says
 * what to fix.
 */

/** The types Google reads as articles: its three and schema.org's subtypes of NewsArticle. */
const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'BlogPosting',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
]);

/** ISO 8601 with a time and a time zone, which Google asks for ("add timezone information"). */
const DATE_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Google: "Images must be at least 50K pixels when multiplying width and height." */
export const MIN_IMAGE_PIXELS = 50_000;

/** A property's value as a list: JSON-LD allows one value or several. */
const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isAbsoluteUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** An image of the markup: a URL, or an ImageObject with `url` (or `contentUrl`). */
export interface MarkupImage {
  url: string;
  width?: number;
  height?: number;
}

/** The images of a markup's `image`, as URLs with their stated sizes. */
export function markupImages(data: Record<string, unknown>): MarkupImage[] {
  return list(data['image']).flatMap((image): MarkupImage[] => {
    if (typeof image === 'string') return [{ url: image }];
    if (!isRecord(image)) return [];
    const url = image['url'] ?? image['contentUrl'];
    if (typeof url !== 'string') return [];
    return [
      {
        url,
        ...(typeof image['width'] === 'number' && { width: image['width'] }),
        ...(typeof image['height'] === 'number' && { height: image['height'] }),
      },
    ];
  });
}

/**
 * The problems of an article's JSON-LD against Google's documentation;
 * empty when it follows it.
 */
export function googleArticleProblems(data: unknown): string[] {
  if (!isRecord(data)) return ['the markup is not an object'];
  const problems: string[] = [];
  const problem = (field: string, text: string) => problems.push(`${field}: ${text}`);

  if (data['@context'] !== 'https://schema.org') problem('@context', 'is not https://schema.org');
  if (!ARTICLE_TYPES.has(String(data['@type']))) {
    problem('@type', `${String(data['@type'])} is not an article type Google reads`);
  }

  // headline: the article's title, text.
  if (typeof data['headline'] !== 'string' || data['headline'].trim() === '') {
    problem('headline', 'is missing or empty');
  }

  // image: recommended; URLs that crawlers can fetch, of at least 50K pixels,
  // ideally in 16:9, 4:3 and 1:1.
  const images = markupImages(data);
  if (images.length === 0) problem('image', 'is missing');
  if (images.length !== list(data['image']).length) {
    problem('image', 'holds something that is neither a URL nor an ImageObject with a url');
  }
  for (const image of images) {
    if (!isAbsoluteUrl(image.url)) problem('image', `${image.url} is not an absolute URL`);
    if (image.width !== undefined && image.height !== undefined) {
      if (image.width * image.height < MIN_IMAGE_PIXELS) {
        problem(
          'image',
          `${image.url} has ${image.width * image.height} pixels, fewer than 50,000`,
        );
      }
    }
  }

  // datePublished and dateModified: ISO 8601 with the time zone.
  for (const field of ['datePublished', 'dateModified']) {
    const value = data[field];
    if (typeof value !== 'string' || !DATE_WITH_ZONE.test(value)) {
      problem(field, `${String(value)} is not an ISO 8601 date and time with a time zone`);
    }
  }
  if (
    typeof data['datePublished'] === 'string' &&
    typeof data['dateModified'] === 'string' &&
    Date.parse(data['dateModified']) < Date.parse(data['datePublished'])
  ) {
    problem('dateModified', 'is earlier than datePublished');
  }

  // author: each a Person or Organization with its name alone, and a url
  // (or sameAs) that identifies it.
  const authors = list(data['author']);
  if (authors.length === 0) problem('author', 'is missing');
  for (const author of authors) {
    if (!isRecord(author)) {
      problem('author', 'is not a Person or Organization object');
      continue;
    }
    const name = author['name'];
    if (author['@type'] !== 'Person' && author['@type'] !== 'Organization') {
      problem('author', `${String(name)} is typed ${String(author['@type'])}`);
    }
    if (typeof name !== 'string' || name.trim() === '') {
      problem('author.name', 'is missing');
    } else if (/^by\s/i.test(name) || /[,;]/.test(name)) {
      problem('author.name', `"${name}" is not one name alone (no "By", no list, no title)`);
    }
    if (!isAbsoluteUrl(author['url']) && !isAbsoluteUrl(author['sameAs'])) {
      problem('author.url', `${String(name)} has no absolute url identifying it`);
    }
  }

  // publisher: the organisation, with its name, url and logo.
  const publisher = data['publisher'];
  if (!isRecord(publisher) || publisher['@type'] !== 'Organization') {
    problem('publisher', 'is not an Organization');
  } else {
    if (typeof publisher['name'] !== 'string' || publisher['name'] === '') {
      problem('publisher.name', 'is missing');
    }
    if (!isAbsoluteUrl(publisher['url'])) problem('publisher.url', 'is not an absolute URL');
    const logo = publisher['logo'];
    if (!isRecord(logo) || logo['@type'] !== 'ImageObject') {
      problem('publisher.logo', 'is not an ImageObject');
    } else {
      if (!isAbsoluteUrl(logo['url'])) problem('publisher.logo.url', 'is not an absolute URL');
      for (const side of ['width', 'height']) {
        const value = logo[side];
        if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
          problem(`publisher.logo.${side}`, 'is not a positive whole number of pixels');
        }
      }
    }
  }
  return problems;
}

/** The aspect ratios Google asks images in, by name, within a pixel of rounding. */
export const RECOMMENDED_RATIOS = { '16:9': 16 / 9, '4:3': 4 / 3, '1:1': 1 } as const;

/** The recommended ratios an image list covers. */
export function ratiosOf(images: readonly MarkupImage[]): string[] {
  return Object.entries(RECOMMENDED_RATIOS)
    .filter(([, ratio]) =>
      images.some(
        (image) =>
          image.width !== undefined &&
          image.height !== undefined &&
          Math.abs(image.width - image.height * ratio) <= ratio,
      ),
    )
    .map(([name]) => name);
}
