/**
 * The credit line of a story: who wrote it and for which agency. The story
 * page shows it under the standfirst, and search indexes it.
 */
import type { ArticleMeta } from './articles/schema.ts';

/** "A", "A and B", "A, B and C". */
function namesToText(names: readonly string[]): string {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "By A and B, TASS", "By A", "TASS", or "" for a story with neither. */
export function creditLine(article: Pick<ArticleMeta, 'authors' | 'source'>): string {
  return [article.authors.length ? `By ${namesToText(article.authors)}` : undefined, article.source]
    .filter(Boolean)
    .join(', ');
}
