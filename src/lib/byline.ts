/**
 * The credit line of a story: who wrote it and for which agency. The story
 * page shows it under the standfirst, each name linking to its page, and
 * search indexes it as text.
 */
import type { ArticleMeta } from './articles/schema.ts';

/** A piece of a credit line: text as it reads, or a name with the kind of page it has. */
export type CreditPart = { text: string } | { name: string; taxonomy: 'author' | 'source' };

/**
 * The credit line in pieces: "By ", each author ("A", "A and B", "A, B and
 * C"), ", " and the source; empty for a story with neither.
 */
export function creditToParts(article: Pick<ArticleMeta, 'authors' | 'source'>): CreditPart[] {
  const parts: CreditPart[] = [];
  const { authors, source } = article;
  authors.forEach((name, index) => {
    if (index === 0) parts.push({ text: 'By ' });
    else parts.push({ text: index === authors.length - 1 ? ' and ' : ', ' });
    parts.push({ name, taxonomy: 'author' });
  });
  if (source) {
    if (parts.length) parts.push({ text: ', ' });
    parts.push({ name: source, taxonomy: 'source' });
  }
  return parts;
}

/** "By A and B, TASS", "By A", "TASS", or "" for a story with neither. */
export function creditLine(article: Pick<ArticleMeta, 'authors' | 'source'>): string {
  return creditToParts(article)
    .map((part) => ('name' in part ? part.name : part.text))
    .join('');
}
