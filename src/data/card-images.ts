/**
 * The cards that stand for a section, or for the site, in link previews and
 * structured data: what each is drawn from (its publish key) and the image a
 * page names. Kept apart from the lead images of `link-previews.ts`, which go
 * through Astro's image pipeline: every page names a card, and a page whose
 * code imports that pipeline is seen by Astro's own incremental build as
 * changed whenever the build's images do, so a full build would render it
 * again instead of reusing it.
 */
import type { Section } from '../lib/articles/schema.ts';
import { isDrawable } from '../lib/card-render.ts';
import { keyOf } from '../lib/cache-keys.ts';
import {
  CARD_SHAPE_NAMES,
  cardText,
  cardToImage,
  type CardShape,
  type PreviewImage,
} from '../lib/link-cards.ts';
import { siteSettings } from '../site.config.ts';

/** What a card is drawn from: the site's title and description, and the section's name. */
export function cardKey(section: Section | undefined, shape: CardShape): string {
  return keyOf([
    'card',
    shape,
    siteSettings.title,
    section ? section.name : siteSettings.description,
  ]);
}

/** The card of a section, or of the site when `section` is undefined, as a preview image. */
export function cardImage(
  section: Section | undefined,
  base: URL,
  shape: CardShape = 'card',
): Required<PreviewImage> {
  const { alt } = cardText(siteSettings, section, isDrawable);
  return cardToImage(section?.slug, shape, alt, base);
}

/** Every shape of a card, for structured data: the wide one first. */
export function cardImages(section: Section | undefined, base: URL): Required<PreviewImage>[] {
  return CARD_SHAPE_NAMES.map((shape) => cardImage(section, base, shape));
}
