/**
 * What the importer needs to know about the articles already in the output
 * folder: their titles (to turn related headlines into slugs), their slugs
 * (which must stay unique) and their sections' spelling.
 */
import type { Article } from '../articles/schema.ts';
import { textToSlug } from '../articles/slug.ts';

/** What the index keeps of an article. */
export type ArticleIndexEntry = Pick<Article, 'slug' | 'title' | 'section' | 'sourcePath'>;

/**
 * A headline reduced to what identifies it: case, white space and the style
 * of quotes and apostrophes do not matter.
 *
 * @example titleToKey('Putin sees “prospects”') === titleToKey("putin  sees \"Prospects\"")
 */
export function titleToKey(title: string): string {
  return title
    .normalize('NFKC')
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Articles by title, slug and section, filled from the output folder and each import. */
export class ArticleIndex {
  #slugByTitle = new Map<string, string>();
  #pathBySlug = new Map<string, string>();
  #sectionBySlug = new Map<string, string>();

  /**
   * Adds an article. When two share a title, the first added keeps it, so
   * adding in a sorted order gives the same links every time.
   */
  add(article: ArticleIndexEntry): void {
    const key = titleToKey(article.title);
    if (!this.#slugByTitle.has(key)) this.#slugByTitle.set(key, article.slug);
    if (!this.#pathBySlug.has(article.slug)) this.#pathBySlug.set(article.slug, article.sourcePath);
    if (!this.#sectionBySlug.has(article.section.slug)) {
      this.#sectionBySlug.set(article.section.slug, article.section.name);
    }
  }

  /** The slug of the article with this title, if there is one. */
  slugOfTitle(title: string): string | undefined {
    return this.#slugByTitle.get(titleToKey(title));
  }

  /** The path of the article with this slug, if there is one. */
  pathOfSlug(slug: string): string | undefined {
    return this.#pathBySlug.get(slug);
  }

  /**
   * A section's name as the site already spells it (`World` for `WORLD`),
   * since two spellings with one URL name are an error; else the name as given.
   */
  sectionName(name: string): string {
    return this.#sectionBySlug.get(textToSlug(name)) ?? name;
  }
}
