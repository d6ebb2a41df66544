// @ts-check
// The stock site's configuration with Astro's remark/rehype Markdown
// processor in place of its native default (Sätteri). The benchmark copies
// the stock site and puts this file over its own.
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';

// Its own cache folder: benchmark copies share one node_modules.
export default defineConfig({
  site: 'https://stock.example.test',
  cacheDir: './.astro/cache',
  markdown: { processor: unified() },
});
