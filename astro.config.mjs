// @ts-check
import { defineConfig } from 'astro/config';
import { siteSettings } from './src/site.config.ts';
import { BUILD_CACHE_DIR } from './src/lib/build-cache/cache-dir.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { articleSitemap } from './src/integrations/article-sitemap.ts';
import { bodyImagesIntegration } from './src/integrations/body-images.ts';
import { buildRecorder } from './src/integrations/build-recorder.ts';
import { unfinishedBuildGuard } from './src/integrations/unfinished-build.ts';
import { publishRenderer } from './src/integrations/publish-renderer.ts';

// `NEWSROOM_RENDERER=1` compiles the publish renderer instead of the site
// (see src/integrations/publish-renderer.ts): every page on demand, into a
// folder and a cache of its own, with no content and no integrations.
const renderer = process.env.NEWSROOM_RENDERER === '1';

// SITE_URL overrides the base URL written in the settings, for deploys.
const site = process.env.SITE_URL || siteSettings.url;

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro's default, node_modules/.astro, is shared by every copy of the site
  // that links this node_modules (tests, benchmarks); each keeps its own. It
  // also holds the build's article list and body HTML files (see
  // src/lib/build-cache/) and the search bundles kept between builds.
  cacheDir: `./${BUILD_CACHE_DIR}`,
  ...(renderer && {
    output: 'server',
    adapter: publishRenderer(),
    cacheDir: './.astro/renderer-cache',
  }),
  experimental: {
    // Pages that return a cacheKey from getStaticPaths are copied from the
    // last build when neither their data nor their code changed; after a
    // build that did not finish, every page is rendered anew.
    incrementalBuild: !renderer,
  },
  integrations: renderer
    ? []
    : [
        // Indexes the stories for search from the build's article list while the
        // pages are written, then links the bundles into the output
        // (see src/integrations/pagefind.ts).
        pagefindIntegration(),
        // The sitemap index, with each article's lastmod (see src/integrations/article-sitemap.ts).
        articleSitemap(),
        // Each story's body images, copied beside its page (see src/integrations/body-images.ts).
        bodyImagesIntegration(),
        // Counts the pages rendered and those reused from the last build, for
        // the deploy manifest, and the paths and image URLs a publish reuses
        // (see src/integrations/build-recorder.ts).
        buildRecorder(),
        // A build that fails or is killed while writing pages leaves Astro's page
        // and image caches half-updated; the next build drops them
        // (see src/integrations/unfinished-build.ts). Last, so that it sees
        // every other integration finish.
        unfinishedBuildGuard(),
      ],
});
