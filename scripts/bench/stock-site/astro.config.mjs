// @ts-check
import { defineConfig } from 'astro/config';

// Its own cache folder: benchmark copies share one node_modules.
export default defineConfig({ site: 'https://stock.example.test', cacheDir: './.astro/cache' });
