import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';

export async function GET(context: APIContext) {
  const articles = (await getCollection('articles'))
    .sort((a, b) => b.data.published.getTime() - a.data.published.getTime())
    .slice(0, 50);
  return rss({
    title: 'Stock site',
    description: 'The newest stories',
    site: context.site ?? 'https://stock.example.test',
    items: articles.map((article) => ({
      title: article.data.title,
      pubDate: article.data.published,
      description: article.data.summary ?? '',
      link: `/story/${article.id}/`,
    })),
  });
}
