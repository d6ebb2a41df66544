import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/[^_]*.md', base: './content' }),
    schema: z.looseObject({
      title: z.string(),
      section: z.string(),
      published: z.coerce.date(),
      summary: z.string().optional(),
    }),
  }),
};
