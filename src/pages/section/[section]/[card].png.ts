/**
 * `/section/<section>/card.png` (and `card-4x3.png`, `card-1x1.png`): the
 * section's card, which its pages and its stories without a lead image
 * offer link previews and structured data. Drawn at build time (see
 * `src/lib/card-render.ts`) once per section: the cache key covers the
 * section's name and the site's title, so a publish copies the cards from
 * the last build unless a section is new or renamed.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteIndex } from '../../../data/articles.ts';
import { cardKey } from '../../../data/card-images.ts';
import { pageProps } from '../../../data/page-props.ts';
import type { Section } from '../../../lib/articles/schema.ts';
import { isDrawable, renderCard } from '../../../lib/card-render.ts';
import {
  CARD_SHAPE_NAMES,
  CARD_SHAPES,
  cardText,
  type CardShape,
} from '../../../lib/link-cards.ts';
import { siteSettings } from '../../../site.config.ts';

type Props = { section: Section; shape: CardShape };

/** Each shape of each section's card. */
export const getStaticPaths = (async () => {
  const { sections } = await getSiteIndex();
  return sections.flatMap(({ section }) =>
    CARD_SHAPE_NAMES.map((shape) => ({
      params: { section: section.slug, card: shape },
      props: { section, shape } satisfies Props,
      cacheKey: cardKey(section, shape),
    })),
  );
}) satisfies GetStaticPaths;

/** The card's PNG bytes. */
export const GET: APIRoute<Props> = async (context) => {
  const { section, shape } = pageProps(context);
  const { heading } = cardText(siteSettings, section, isDrawable);
  const png = await renderCard({
    ...CARD_SHAPES[shape],
    siteTitle: siteSettings.title,
    heading,
    kind: 'section',
  });
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
