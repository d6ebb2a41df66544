/**
 * Counts the pages a build renders and those it copies from the last
 * build's page cache, for the deploy manifest `npm run build` writes
 * (`scripts/build.ts`). It wraps Astro's own prerenderer, changing nothing
 * it does: with the incremental build, a page whose cache key did not
 * change is restored without a call to `render`, so the pages rendered are
 * the calls to `render` and the rest of the paths were reused. The counts
 * are written to `page-work.json` in the cache folder when the pages are
 * done.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The counts file's name in the cache folder. */
export const PAGE_WORK_FILE = 'page-work.json';

/** What `page-work.json` holds. */
export interface PageWork {
  /** Pages and endpoints Astro rendered. */
  pagesRendered: number;
  /** Pages and endpoints copied from the last build's page cache. */
  pagesReused: number;
}

/** The Astro integration. */
export function pageCounter(): AstroIntegration {
  let workFile: string | undefined;
  return {
    name: 'newsroom:page-counter',
    hooks: {
      'astro:config:done': ({ config }) => {
        workFile = fileURLToPath(new URL(PAGE_WORK_FILE, config.cacheDir));
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((defaultPrerenderer) =>
          countingPrerenderer(defaultPrerenderer, async (work) => {
            if (!workFile) return;
            await mkdir(dirname(workFile), { recursive: true });
            await writeFile(workFile, `${JSON.stringify(work)}\n`);
          }),
        );
      },
    },
  };
}

/**
 * A prerenderer that hands every call to `inner` and, after its teardown,
 * reports how many of the paths it listed were rendered.
 */
export function countingPrerenderer(
  inner: AstroPrerenderer,
  report: (work: PageWork) => Promise<void>,
): AstroPrerenderer {
  let paths = 0;
  let rendered = 0;
  const { setup, collectStaticImages, teardown } = inner;
  return {
    name: inner.name,
    ...(setup && { setup: () => setup.call(inner) }),
    getStaticPaths: async () => {
      const listed = await inner.getStaticPaths();
      paths = listed.length;
      return listed;
    },
    render: (request, options) => {
      rendered++;
      return inner.render(request, options);
    },
    ...(collectStaticImages && { collectStaticImages: () => collectStaticImages.call(inner) }),
    teardown: async () => {
      await teardown?.call(inner);
      await report({ pagesRendered: rendered, pagesReused: paths - rendered });
    },
  };
}
