/**
 * What the newsroom asked each kind of story to carry, written out once for
 * the tests that read the built site: the label on pages and in feeds'
 * categories (news carries none), and the schema.org type in its JSON-LD.
 * The tests compare the site with this table rather than with the code that
 * makes it, so a wrong label in `src/lib/story-kind.ts` fails them.
 */
import type { ArticleKind } from '../../src/lib/articles/schema.ts';

/** The label each kind of story carries; news carries none. */
export const KIND_LABELS: Record<ArticleKind, string | undefined> = {
  news: undefined,
  analysis: 'Analysis',
  interview: 'Interview',
  opinion: 'Opinion',
  explainer: 'Explainer',
  obituary: 'Obituary',
};

/** The schema.org type of each kind's JSON-LD. */
export const KIND_TYPES: Record<ArticleKind, string> = {
  news: 'NewsArticle',
  analysis: 'AnalysisNewsArticle',
  interview: 'NewsArticle',
  opinion: 'OpinionNewsArticle',
  explainer: 'BackgroundNewsArticle',
  obituary: 'NewsArticle',
};
