/**
 * The site's own raster images, made at build time: the square icon that
 * feeds and feed readers show, and the publisher's logo that structured
 * data names. Their addresses and sizes live here so that the pages, the
 * feeds and the JSON-LD that refer to them, and the endpoints that make
 * them, cannot disagree.
 */

/** A raster image of the site, by its site path and its size in pixels. */
export interface SiteImage {
  path: string;
  width: number;
  height: number;
}

/** The site's icon: square, large enough for feed readers and JSON Feed's `icon`. */
export const SITE_ICON: SiteImage = { path: '/icon.png', width: 512, height: 512 };

/**
 * The publisher's logo: a wide wordmark, as Google asks of a news publisher's
 * logo (no wider than 600 px and no taller than 60 px).
 */
export const SITE_LOGO: SiteImage = { path: '/logo.png', width: 600, height: 60 };
