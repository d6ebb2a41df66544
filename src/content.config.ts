/**
 * Content collections: the articles, loaded by our own loader over the pure
 * collection code in `src/lib/`.
 */
import { defineCollection } from 'astro:content';
import { articlesLoader } from './loaders/articles-loader.ts';

export const collections = {
  articles: defineCollection({
    loader: articlesLoader({ contentDir: 'content', production: import.meta.env.PROD }),
  }),
};
