/**
 * Records what a full build did, for `npm run build` (`scripts/build.ts`):
 * how many pages it rendered and how many it copied from the last build's
 * page cache (for the deploy manifest), and what a later publish needs to
 * render pages without a full build (see `scripts/lib/publish.ts`): every
 * path the build wrote with its cache key, and the URL Astro's image service
 * gave each image request.
 *
 * It wraps Astro's own prerenderer, changing nothing it does: with the
 * incremental build, a page whose cache key did not change is restored
 * without a call to `render`, so the pages rendered are the calls to
 * `render` and the rest of the paths were reused. What it records is
 * written into the cache folder when the pages are done; the build script
 * keeps the record only once the whole build has succeeded.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  NEXT_RECORD_DIR,
  ROUTES_FILE,
  readImageUrls,
  STATE_DIR,
  type RecordedPath,
} from '../lib/publish/state.ts';
import { IMAGE_URLS_FILE, imageCallKey } from '../lib/publish/image-urls.ts';

/** The counts file's name in the cache folder. */
export const PAGE_WORK_FILE = 'page-work.json';

/** What `page-work.json` holds. */
export interface PageWork {
  /** Pages and endpoints Astro rendered. */
  pagesRendered: number;
  /** Pages and endpoints copied from the last build's page cache. */
  pagesReused: number;
}

/** What one build recorded. */
export interface BuildRecord extends PageWork {
  paths: RecordedPath[];
  imageUrls: Map<string, string>;
}

/** The Astro integration. */
export function buildRecorder(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'newsroom:build-recorder',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((defaultPrerenderer) =>
          recordingPrerenderer(defaultPrerenderer, async (record) => {
            if (!cacheDir) return;
            const work: PageWork = {
              pagesRendered: record.pagesRendered,
              pagesReused: record.pagesReused,
            };
            await writeJson(join(cacheDir, PAGE_WORK_FILE), work);
            // Pages restored from the cache asked for no images this time:
            // the URLs the last build recorded still stand for them.
            const known = await readImageUrls(join(cacheDir, STATE_DIR));
            for (const [key, url] of record.imageUrls) known.set(key, url);
            const next = join(cacheDir, NEXT_RECORD_DIR);
            await writeJson(join(next, ROUTES_FILE), record.paths);
            await writeJson(join(next, IMAGE_URLS_FILE), Object.fromEntries(known));
          }),
        );
      },
    },
  };
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value)}\n`);
}

/** The hook Astro's image service calls for each static image in a build. */
type AddStaticImage = (options: unknown, hashProperties: string[], ...rest: unknown[]) => string;

/**
 * A prerenderer that hands every call to `inner` and, after its teardown,
 * reports the paths it listed, how many were rendered, and the image URLs
 * handed out meanwhile.
 */
export function recordingPrerenderer(
  inner: AstroPrerenderer,
  report: (record: BuildRecord) => Promise<void>,
): AstroPrerenderer {
  let paths: RecordedPath[] = [];
  let rendered = 0;
  const imageUrls = new Map<string, string>();
  // Astro's image plugin sets the hook when the build starts, before pages.
  const assets = (globalThis as { astroAsset?: { addStaticImage?: AddStaticImage } }).astroAsset;
  let original: AddStaticImage | undefined;
  const { setup, collectStaticImages, teardown } = inner;
  return {
    name: inner.name,
    setup: async () => {
      await setup?.call(inner);
      original = assets?.addStaticImage;
      if (assets && original) {
        const recorded = original;
        assets.addStaticImage = (options, hashProperties, ...rest) => {
          const url = recorded(options, hashProperties, ...rest);
          imageUrls.set(imageCallKey(options, hashProperties), url);
          return url;
        };
      }
    },
    getStaticPaths: async () => {
      const listed = await inner.getStaticPaths();
      paths = listed.map(({ pathname, route, cacheKey }) => ({
        pathname,
        component: route.component,
        type: route.type === 'endpoint' ? 'endpoint' : 'page',
        ...(cacheKey !== undefined && { cacheKey }),
      }));
      return listed;
    },
    render: (request, options) => {
      rendered++;
      return inner.render(request, options);
    },
    ...(collectStaticImages && { collectStaticImages: () => collectStaticImages.call(inner) }),
    teardown: async () => {
      if (assets && original) assets.addStaticImage = original;
      await teardown?.call(inner);
      await report({
        paths,
        imageUrls,
        pagesRendered: rendered,
        pagesReused: paths.length - rendered,
      });
    },
  };
}
