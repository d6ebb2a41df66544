// @ts-check
import { defineConfig } from 'astro/config';
import { siteSettings } from './src/site.config.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

// SITE_URL overrides the base URL written in the settings, for deploys.
const site = process.env.SITE_URL || siteSettings.url;

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Builds the search index from the finished output (see src/integrations/pagefind.ts).
  integrations: [pagefindIntegration()],
});
