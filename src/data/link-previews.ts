/**
 * The images pages offer link previews and structured data: a story's own
 * lead image, made into rasters of the sizes previews want, or else its
 * section's card; a section's pages their section's card; every other page
 * the site's card (`card-images.ts`). See `src/lib/link-cards.ts` for the cards and the rules,
 * and `src/pages/[image].png.ts` and `src/pages/section/[section]/[card].png.ts`
 * for the endpoints that draw them.
 */
import { getImage } from 'astro:assets';
import type { ArticleMeta } from '../lib/articles/schema.ts';
import { svgPreviewSize } from '../lib/card-render.ts';
import {
  isPreviewSize,
  PREVIEW_WIDTH,
  svgPreviewPath,
  type PreviewImage,
} from '../lib/link-cards.ts';
import { pathToUrl } from '../lib/urls.ts';
import { siteSettings } from '../site.config.ts';
import type { ResolvedImage } from './article-image.ts';
import { cardImage, cardImages } from './card-images.ts';

/** The crops of a lead image that structured data is given, by aspect ratio (width over height). */
const CROPS = [16 / 9, 4 / 3, 1] as const;

/** What a story offers link previews and structured data. */
export interface StoryPreview {
  /** For `og:image` and the Twitter card. */
  preview: PreviewImage;
  /** For the JSON-LD `image`: the lead's crops, or the section's cards. */
  structured: PreviewImage[];
}

/**
 * A story's preview images. A raster lead is made a JPEG of at most
 * `PREVIEW_WIDTH` pixels wide (its own width when smaller), with crops to
 * 16:9, 4:3 and 1:1 for structured data; an SVG lead is drawn as a PNG
 * `PREVIEW_WIDTH` wide from the vector (`src/pages/previews/`), uncropped,
 * since a chart cropped loses its axes; a remote lead is named as it is,
 * since the build fetches no other host.
 * A lead too small to stand for the story in previews (`isPreviewSize`),
 * and a story without one, get the section's cards.
 */
export async function storyPreview(
  article: Pick<ArticleMeta, 'section' | 'slug' | 'published'>,
  image: ResolvedImage | undefined,
  base: URL,
): Promise<StoryPreview> {
  const { section } = article;
  const cards = { preview: cardImage(section, base), structured: cardImages(section, base) };
  if (!image) return cards;
  if (image.kind === 'remote') {
    return {
      preview: { url: image.url, alt: image.alt },
      structured: [{ url: image.url, alt: image.alt }],
    };
  }
  const { metadata } = image;
  if (metadata.format === 'svg') {
    const size = svgPreviewSize(metadata, PREVIEW_WIDTH);
    if (!isPreviewSize(size.width, size.height)) return cards;
    const path = svgPreviewPath(article, siteSettings.timeZone);
    const preview = { url: pathToUrl(path, base), alt: image.alt, ...size };
    return { preview, structured: [preview] };
  }
  const width = Math.min(PREVIEW_WIDTH, metadata.width);
  const height = Math.round((metadata.height * width) / metadata.width);
  if (!isPreviewSize(width, height)) return cards;
  const made = async (options: { width: number; height?: number }): Promise<PreviewImage> => {
    const result = await getImage({
      src: metadata,
      format: 'jpeg',
      // JPEG has no transparency: a transparent PNG goes on white, not black.
      background: '#ffffff',
      ...options,
      ...(options.height !== undefined && { fit: 'cover' }),
    });
    return {
      url: pathToUrl(result.src, base),
      alt: image.alt,
      width: Number(result.attributes['width']),
      height: Number(result.attributes['height']),
    };
  };
  const preview = await made({ width });
  // Each crop as large as the image allows, and only where it keeps enough
  // pixels; the image itself where it already has the crop's shape.
  const crops = CROPS.map((ratio) => {
    const cropWidth = Math.min(width, Math.floor(height * ratio));
    return { width: cropWidth, height: Math.round(cropWidth / ratio) };
  }).filter((crop) => isPreviewSize(crop.width, crop.height));
  const structured = await Promise.all(
    crops.map((crop) =>
      Math.abs(crop.width - width) <= 1 && Math.abs(crop.height - height) <= 1
        ? preview
        : made(crop),
    ),
  );
  return { preview, structured: structured.length > 0 ? structured : [preview] };
}
