/**
 * The site's own images at its root: `/icon.png` (the square icon feeds
 * name), `/logo.png` (the publisher's logo structured data names) and the
 * site's cards (`/card.png`, `/card-4x3.png`, `/card-1x1.png`), which pages
 * that belong to no section offer link previews. Drawn at build time (see
 * `src/lib/card-render.ts`); each path's cache key covers what it is drawn
 * from, so a publish copies them from the last build instead of drawing
 * them again.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { cardKey } from '../data/card-images.ts';
import { pageProps } from '../data/page-props.ts';
import { isDrawable, renderCard, renderIcon, renderLogo } from '../lib/card-render.ts';
import { keyOf } from '../lib/cache-keys.ts';
import { CARD_SHAPE_NAMES, CARD_SHAPES, cardText, type CardShape } from '../lib/link-cards.ts';
import { SITE_ICON, SITE_LOGO } from '../lib/site-images.ts';
import { siteSettings } from '../site.config.ts';

type Props = { image: 'icon' | 'logo' | 'card'; shape?: CardShape };

/** The icon's and the logo's path name, from the one module that names them. */
const nameOf = (path: string) => path.replace(/^\//, '').replace(/\.png$/, '');

export const getStaticPaths = (() => [
  {
    params: { image: nameOf(SITE_ICON.path) },
    props: { image: 'icon' } satisfies Props,
    cacheKey: keyOf(['icon', SITE_ICON]),
  },
  {
    params: { image: nameOf(SITE_LOGO.path) },
    props: { image: 'logo' } satisfies Props,
    cacheKey: keyOf(['logo', SITE_LOGO, siteSettings.title]),
  },
  ...CARD_SHAPE_NAMES.map((shape) => ({
    params: { image: shape },
    props: { image: 'card', shape } satisfies Props,
    cacheKey: cardKey(undefined, shape),
  })),
]) satisfies GetStaticPaths;

/** The image's PNG bytes. */
export const GET: APIRoute<Props> = async (context) => {
  const props = pageProps(context);
  let png: Uint8Array<ArrayBuffer>;
  if (props.image === 'icon') png = await renderIcon();
  else if (props.image === 'logo') png = await renderLogo(siteSettings.title);
  else {
    const { heading } = cardText(siteSettings, undefined, isDrawable);
    png = await renderCard({
      ...CARD_SHAPES[props.shape ?? 'card'],
      siteTitle: siteSettings.title,
      heading,
      kind: 'site',
    });
  }
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
