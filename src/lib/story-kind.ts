/**
 * How a story's kind is shown: the label readers see above its headline and
 * in feeds. News, the default, carries none.
 */
import type { ArticleKind } from './articles/schema.ts';

const KIND_LABELS: Record<ArticleKind, string | undefined> = {
  news: undefined,
  analysis: 'Analysis',
  interview: 'Interview',
  opinion: 'Opinion',
  explainer: 'Explainer',
  obituary: 'Obituary',
};

/**
 * The label of a story's kind, or undefined for news.
 *
 * @example kindToLabel('opinion') // 'Opinion'
 */
export function kindToLabel(kind: ArticleKind): string | undefined {
  return KIND_LABELS[kind];
}
