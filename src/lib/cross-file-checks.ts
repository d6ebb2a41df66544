/**
 * Checks that span article files: slugs unique across the site, section
 * names that do not collide once made URL names, `related` slugs that
 * exist, and image files that exist where articles say. Each problem is
 * placed where the parser found the value it is about, so no file is read
 * or parsed again.
 */
import { posix } from 'node:path';
import type { ArticlePlaces } from './articles/parse.ts';
import type { Place, Problem } from './articles/problems.ts';
import type { Article } from './articles/schema.ts';
import {
  bodyImagePath,
  hasImageExtension,
  isRemoteImage,
  resolveArticlePath,
} from './articles/images.ts';
import { pathToSlug } from './articles/slug.ts';

/** The fields that cross-file checks and scheduling read. */
export type CheckedFields = Pick<
  Article,
  'slug' | 'section' | 'related' | 'image' | 'bodyImages' | 'draft' | 'published'
>;

/** A parsed article with the path of its file and the places of what is checked. */
export interface ParsedFile<T extends CheckedFields = Article> {
  /** The file's path, relative to the project root. */
  path: string;
  article: T;
  places: ArticlePlaces;
}

/** Where a problem about a value goes when the value is not written in the file. */
const FIRST_LINE: Place = { line: 1, column: 1 };

/**
 * Checks that span files.
 *
 * @param fileExists tells whether a path relative to the project root exists
 */
export function checkAcrossFiles(
  parsed: readonly ParsedFile<CheckedFields>[],
  fileExists: (path: string) => boolean,
): Problem[] {
  const problems: Problem[] = [];
  const bySlug = groupBy(parsed, ({ article }) => article.slug);

  for (const [slug, group] of bySlug) {
    if (group.length < 2) continue;
    for (const file of group) {
      const others = group.filter((other) => other !== file).map((other) => other.path);
      problems.push({
        path: file.path,
        // A slug taken from the file name is the file's as a whole.
        place: file.places.slug ?? FIRST_LINE,
        ruleId: 'slug-duplicate',
        message: `the slug "${slug}" is also used by ${others.join(', ')}; every article needs its own${file.article.slug === pathToSlug(file.path) ? ' (rename a file or add a "slug" key)' : ''}`,
      });
    }
  }

  const sectionNames = new Map<string, { name: string; path: string }>();
  for (const { path, article, places } of parsed) {
    const first = sectionNames.get(article.section.slug);
    if (!first) {
      sectionNames.set(article.section.slug, { name: article.section.name, path });
    } else if (first.name !== article.section.name) {
      problems.push({
        path,
        place: places.section,
        ruleId: 'section-collision',
        message: `the section "${article.section.name}" has the same URL name "${article.section.slug}" as "${first.name}" (in ${first.path}); write the section name one way`,
      });
    }
  }

  for (const { path, article, places } of parsed) {
    article.related.forEach((slug, index) => {
      const place = places.related[index] ?? FIRST_LINE;
      if (slug === article.slug) {
        problems.push({
          path,
          place,
          ruleId: 'related-self',
          message: `"related" lists the article itself ("${slug}"); remove it`,
        });
      } else if (!bySlug.has(slug)) {
        problems.push({
          path,
          place,
          ruleId: 'related-missing',
          message: `"related" names "${slug}", but no article has that slug`,
        });
      }
    });

    const src = article.image?.src;
    if (src && !isRemoteImage(src)) {
      const problem = leadImageProblem(path, src, fileExists);
      if (problem) problems.push({ path, place: places.imageSrc ?? FIRST_LINE, ...problem });
    }

    article.bodyImages.forEach((src, index) => {
      const problem = bodyImageProblem(path, src, fileExists);
      if (problem)
        problems.push({ path, place: places.bodyImages[index] ?? FIRST_LINE, ...problem });
    });
  }
  return problems;
}

/** What is wrong with a local lead image, if anything. */
function leadImageProblem(
  articlePath: string,
  src: string,
  fileExists: (path: string) => boolean,
): Omit<Problem, 'path' | 'place'> | undefined {
  if (!hasImageExtension(src)) {
    return {
      ruleId: 'image-type',
      message: `"image.src" (${src}) is not an image type the site can process; use JPEG, PNG, WebP, AVIF, GIF or SVG`,
    };
  }
  const imagePath = resolveArticlePath(articlePath, src);
  if (!fileExists(imagePath)) {
    return {
      ruleId: 'image-missing',
      message: `"image.src" names ${imagePath}, which does not exist; put the image beside the article or fix the path`,
    };
  }
  return undefined;
}

/**
 * What is wrong with an image the body shows from a file, if anything. The
 * build copies such files beside the article's page, so they must sit in the
 * article's folder or below it.
 */
function bodyImageProblem(
  articlePath: string,
  src: string,
  fileExists: (path: string) => boolean,
): Omit<Problem, 'path' | 'place'> | undefined {
  const imagePath = bodyImagePath(articlePath, src);
  if (!imagePath.startsWith(`${posix.dirname(articlePath)}/`)) {
    return {
      ruleId: 'body-image-outside',
      message: `the image ${src} lies outside the article's folder; put it beside the article (or in a folder below it)`,
    };
  }
  if (!hasImageExtension(imagePath)) {
    return {
      ruleId: 'body-image-type',
      message: `the image ${src} is not an image type the site can show; use JPEG, PNG, WebP, AVIF, GIF or SVG`,
    };
  }
  if (!fileExists(imagePath)) {
    return {
      ruleId: 'body-image-missing',
      message: `the image ${src} names ${imagePath}, which does not exist; put the image beside the article or fix the path`,
    };
  }
  return undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const value = key(item);
    const group = groups.get(value);
    if (group) group.push(item);
    else groups.set(value, [item]);
  }
  return groups;
}
