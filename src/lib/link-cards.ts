/**
 * The site's link-preview cards: where each card lives, what it says and
 * how large it is, and which image a page offers link previews and
 * structured data. Values only; `card-render.ts` draws the cards and the
 * endpoints under `src/pages/` serve them.
 *
 * A card is an image made at build time from the site's name, a section's
 * name (or the site's description, on the site's card) and the site's
 * colours. Each comes in three shapes: the wide card link previews show,
 * and a 4:3 and a square one, since Google asks structured data for images
 * in several aspect ratios.
 */
import { isRemoteImage, leadImageCopyPath, resolveArticlePath } from './articles/images.ts';
import type { ArticleMeta, Section } from './articles/schema.ts';
import { articleToPath, pathToUrl, sectionToPath } from './urls.ts';

/** An image for link previews and structured data, by absolute URL. */
export interface PreviewImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  /** Width in pixels, when the build knows it (not for a remote lead image). */
  width?: number | undefined;
  height?: number | undefined;
}

/** The shapes of a card, by the name its file takes. */
export const CARD_SHAPES = {
  /** For link previews: 1.91:1, the size Open Graph and large Twitter cards ask for. */
  card: { width: 1200, height: 630 },
  /** For structured data, which asks for several aspect ratios. */
  'card-4x3': { width: 1200, height: 900 },
  'card-1x1': { width: 1200, height: 1200 },
} as const;

/** A card's shape by name: `card`, `card-4x3` or `card-1x1`. */
export type CardShape = keyof typeof CARD_SHAPES;

/** Every shape, the link-preview one first. */
export const CARD_SHAPE_NAMES = Object.keys(CARD_SHAPES) as CardShape[];

/**
 * The site path of a card: the site's at the root (`/card.png`), a
 * section's beside its front (`/section/world/card.png`).
 *
 * @param section the section's URL name, or undefined for the site's card
 */
export function cardPath(section: string | undefined, shape: CardShape = 'card'): string {
  return `${section === undefined ? '/' : sectionToPath(section)}${shape}.png`;
}

/**
 * The smallest image link previews and structured data are given as a
 * story's own picture: Google asks structured data for at least 50,000
 * pixels, a large Twitter card for at least 300 × 157 and Facebook for at
 * least 200 × 200. A smaller lead image (a thumbnail, an icon) is shown on
 * the page but gives way to the section's card in previews.
 */
export const MIN_PREVIEW = { width: 300, height: 200, pixels: 50_000 } as const;

/** Whether a raster image is large enough to stand for a story in previews. */
export function isPreviewSize(width: number, height: number): boolean {
  return (
    width >= MIN_PREVIEW.width &&
    height >= MIN_PREVIEW.height &&
    width * height >= MIN_PREVIEW.pixels
  );
}

/** The widest a link-preview image is made, as the large card formats want it. */
export const PREVIEW_WIDTH = 1200;

/**
 * What a card says: its heading (the section's name, or the site's
 * description on the site's card) and its text alternative, which says
 * what the picture shows.
 *
 * @param drawable whether the card's font can draw every character of a
 *   text; a heading it cannot draw is left off the card, and out of its
 *   alternative text
 */
export function cardText(
  site: { title: string; description: string },
  section: Pick<Section, 'name'> | undefined,
  drawable: (text: string) => boolean,
): { heading: string | undefined; alt: string } {
  const heading = section ? section.name : site.description;
  if (!drawable(heading)) return { heading: undefined, alt: site.title };
  return {
    heading,
    alt: section ? `${site.title}: ${section.name}` : `${site.title}: ${site.description}`,
  };
}

/** A card as a preview image: its absolute URL, its size and its text alternative. */
export function cardToImage(
  section: string | undefined,
  shape: CardShape,
  alt: string,
  base: URL | string,
): Required<PreviewImage> {
  return { url: pathToUrl(cardPath(section, shape), base), alt, ...CARD_SHAPES[shape] };
}

/** Whether a story's lead image is an SVG file beside it (not a remote image). */
export function isSvgLead(article: Pick<ArticleMeta, 'image'>): boolean {
  const src = article.image?.src;
  return src !== undefined && !isRemoteImage(src) && /\.svg$/i.test(src);
}

/** The loader's published copy of a story's lead image file, from the project's root. */
export function svgLeadFile(article: Pick<ArticleMeta, 'image' | 'sourcePath'>): string {
  if (!article.image) throw new Error(`${article.sourcePath} has no lead image.`);
  return leadImageCopyPath(resolveArticlePath(article.sourcePath, article.image.src));
}

/**
 * The site path of the PNG made of a story's SVG lead image for previews.
 *
 * @example svgPreviewPath(article, 'Europe/Moscow') // '/previews/2026/05/21/chart-lead.png'
 */
export function svgPreviewPath(
  article: Pick<ArticleMeta, 'slug' | 'published'>,
  timeZone: string,
): string {
  return `/previews${articleToPath(article, timeZone).replace(/\/$/, '')}.png`;
}
