/**
 * The integration that keeps a failed or killed build from poisoning the
 * next one: it marks a build unfinished when it starts writing pages and
 * clears the mark when every integration is done, and a build that finds
 * the mark drops the caches the last one may have left half-updated (see
 * `src/lib/build-cache/unfinished-build.ts`). It runs in every
 * `astro build`, not only in `npm run build`, so tests and benchmarks are
 * covered too. It must be the last integration, so that its `build:done`
 * runs after every other one's.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { finishBuild, startBuild } from '../lib/build-cache/unfinished-build.ts';

/** The Astro integration; put it last in the list. */
export function unfinishedBuildGuard(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'newsroom:unfinished-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      // Content problems stop a build before this hook; pages, images and
      // search bundles are written after it.
      'astro:build:start': async ({ logger }) => {
        if (!cacheDir) return;
        if (await startBuild(cacheDir)) {
          logger.warn(
            'The last build did not finish, so the pages and images it kept may not match ' +
              'its record of them; every page is rendered anew.',
          );
        }
      },
      'astro:build:done': async () => {
        if (cacheDir) await finishBuild(cacheDir);
      },
    },
  };
}
