/**
 * The publish renderer's server entry (see `src/integrations/publish-renderer.ts`):
 * the site's pages compiled as one on-demand bundle, which `npm run build`
 * loads to render only the pages a change touches.
 *
 * It lists every path a static build would write, with the cache key and
 * props its page's `getStaticPaths` gives it, and renders one path at a
 * time, passing those props in `locals` (`src/data/page-props.ts`). Images
 * are not processed here: a page asks Astro's image service for a URL, and
 * the renderer answers with the URL a full build gave the same request
 * (`src/lib/publish/image-urls.ts`); a request no full build made is
 * reported, and the publish falls back to a full build.
 */
import type { GetStaticPathsResult } from 'astro';
import { createApp } from 'astro/app/entrypoint';
import { imageCallKey, type ImageUrls } from '../lib/publish/image-urls.ts';

const app = createApp({ streaming: false });

type PageModule = { getStaticPaths?: (options: unknown) => Promise<GetStaticPathsResult> };
const pageModules = import.meta.glob<PageModule>('../pages/**/*.{astro,ts}');

/** A path the site writes, as a static build would. */
export interface RendererPath {
  /** The request path, e.g. `/2024/01/10/first-story/` or `/rss.xml`. */
  pathname: string;
  /** The page's source, e.g. `src/pages/[year]/index.astro`. */
  component: string;
  /** Whether it is a page (written as `index.html` in its folder) or an endpoint (written as named). */
  type: 'page' | 'endpoint';
  cacheKey?: string;
  props?: Record<string, unknown>;
}

/** Every path of the site, in the order of Astro's routes. */
export async function staticPaths(): Promise<RendererPath[]> {
  const paths: RendererPath[] = [];
  for (const { routeData: route } of app.manifest.routes) {
    if (route.type !== 'page' && route.type !== 'endpoint') continue;
    if (route.origin !== 'project') continue;
    const type = route.type;
    const component = route.component;
    const load = pageModules[`../${component.replace(/^src\//, '')}`];
    if (!load) throw new Error(`The publish renderer has no module for ${component}.`);
    if (route.params.length === 0) {
      // Astro lists a route without params under its own pathname.
      paths.push({ pathname: route.pathname ?? routePathname(route, {}), component, type });
      continue;
    }
    const module = await load();
    if (!module.getStaticPaths) continue;
    for (const entry of await module.getStaticPaths({})) {
      paths.push({
        pathname: routePathname(route, entry.params),
        component,
        type,
        ...(entry.cacheKey !== undefined && { cacheKey: String(entry.cacheKey) }),
        ...(entry.props && { props: entry.props }),
      });
    }
  }
  return paths;
}

type Route = (typeof app.manifest.routes)[number]['routeData'];

/**
 * A route's path for some params, as Astro's static build writes it: each
 * segment with its params in, `#` and `?` escaped, and the trailing slash
 * the site uses on every path but an endpoint's file name.
 */
function routePathname(route: Route, params: Record<string, string | number | undefined>): string {
  const escape = (text: string) => text.normalize().replace(/#/g, '%23').replace(/\?/g, '%3F');
  const segments = route.segments.map((segment) => {
    const text = segment
      .map((part) => {
        if (!part.dynamic) return escape(part.content);
        const name = part.spread ? part.content.slice(3) : part.content;
        const value = params[name];
        if (value === undefined && !part.spread) throw new TypeError(`Missing parameter: ${name}`);
        return escape(String(value ?? '').replace(/^\/+|\/+$/g, ''));
      })
      .join('');
    return text ? `/${text}` : '';
  });
  const isFile = route.type === 'endpoint' && /\.[a-z0-9]+$/i.test(route.route);
  const trailing = app.manifest.trailingSlash === 'always' && !isFile && segments.length ? '/' : '';
  return segments.join('').replace(/^\/\/+/, '/') + trailing || '/';
}

/** Image URLs a full build gave, and the requests this renderer could not answer. */
const imageUrls: ImageUrls = new Map();
const unansweredImages: string[] = [];

/** Takes the image URLs a full build recorded. */
export function useImageUrls(urls: ImageUrls): void {
  for (const [key, url] of urls) imageUrls.set(key, url);
}

/**
 * Renders one path with its props.
 *
 * @returns the body's bytes, or the reason it could not be rendered here
 */
export async function renderPath(
  site: URL,
  path: RendererPath,
): Promise<{ body: Uint8Array } | { unrenderable: string }> {
  unansweredImages.length = 0;
  // A page is requested as a static build requests it: with the trailing slash.
  const requested =
    path.type === 'page' && !path.pathname.endsWith('/') ? `${path.pathname}/` : path.pathname;
  const response = await app.render(new Request(new URL(requested, site)), {
    locals: path.props ? { staticProps: path.props } : {},
  });
  const body = new Uint8Array(await response.arrayBuffer());
  if (unansweredImages.length > 0) {
    return { unrenderable: `it shows an image no full build processed (${unansweredImages[0]})` };
  }
  const expected = path.component.endsWith('/404.astro') ? 404 : 200;
  if (response.status !== expected) {
    return { unrenderable: `it answered with status ${response.status}` };
  }
  return { body };
}

// Astro's image service asks this hook for each static image's URL in a
// build; here the answer comes from the full build's record.
const assets = ((globalThis as { astroAsset?: Record<string, unknown> }).astroAsset ??= {});
assets.addStaticImage = (options: unknown, hashProperties: string[]) => {
  const key = imageCallKey(options, hashProperties);
  const url = imageUrls.get(key);
  if (url !== undefined) return url;
  unansweredImages.push(key);
  return '/_image-not-processed';
};
