/**
 * What the publish keeps about the site in `dist/`, in the cache folder
 * (`publish/current/`): every path the site has with its page's cache key,
 * and the image URLs full builds were given (`image-urls.ts`). A full build
 * records them into `publish/next/`, and `npm run build` moves that into
 * place only when the whole build has succeeded, so the state always
 * describes the site in `dist/`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMAGE_URLS_FILE, type ImageUrls } from './image-urls.ts';

/** The state of the site in `dist/`, relative to the cache folder. */
export const STATE_DIR = 'publish/current';

/** Where a full build records its state until the build has succeeded. */
export const NEXT_RECORD_DIR = 'publish/next';

/** The paths file's name in a state folder. */
export const ROUTES_FILE = 'routes.json';

/** A path the site writes. */
export interface RecordedPath {
  /** The request path, e.g. `/2024/01/10/first-story/` or `/rss.xml`. */
  pathname: string;
  /** The page's source, e.g. `src/pages/[year]/index.astro`. */
  component: string;
  type: 'page' | 'endpoint';
  /** The page's cache key; a page without one is rendered by every build. */
  cacheKey?: string;
}

/** The image URLs in a state folder, or none when it has no readable record. */
export async function readImageUrls(stateDir: string): Promise<ImageUrls> {
  try {
    const saved = JSON.parse(await readFile(join(stateDir, IMAGE_URLS_FILE), 'utf8')) as Record<
      string,
      string
    >;
    return new Map(Object.entries(saved));
  } catch {
    return new Map();
  }
}

/** The paths in a state folder, or undefined when it has no readable record. */
export async function readRecordedPaths(stateDir: string): Promise<RecordedPath[] | undefined> {
  try {
    return JSON.parse(await readFile(join(stateDir, ROUTES_FILE), 'utf8')) as RecordedPath[];
  } catch {
    return undefined;
  }
}

/**
 * The file a path is written to in the output, relative to it: a page's
 * `index.html` in its folder (the 404 page as `404.html`), an endpoint's
 * file as named.
 */
export function pathToOutputFile(path: Pick<RecordedPath, 'pathname' | 'type'>): string {
  const relative = path.pathname.replace(/^\//, '');
  if (path.type === 'endpoint') return relative;
  if (relative === '404' || relative === '404/') return '404.html';
  return `${relative}${relative === '' || relative.endsWith('/') ? '' : '/'}index.html`;
}
