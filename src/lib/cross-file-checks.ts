/**
 * Checks that span article files: slugs unique across the site, section
 * names, and the tags, authors and sources stories are filed under, that
 * do not collide once made URL names, `related` slugs that exist, and
 * image files that are where articles say and are what their names say. Each problem is placed where the parser found the value it is
 * about, so no article file is read or parsed again; what is at each image
 * path is found out beforehand (`imagePathsToInspect`) and passed in.
 */
import { posix } from 'node:path';
import { isIgnoredPath, type ImageFileState } from './article-files.ts';
import type { ArticlePlaces } from './articles/parse.ts';
import type { Place, Problem } from './articles/problems.ts';
import type { Article } from './articles/schema.ts';
import {
  bodyImagePath,
  hasImageExtension,
  isRemoteImage,
  resolveArticlePath,
  type ImageType,
} from './articles/images.ts';
import { MAX_SLUG_LENGTH, pathToSlug } from './articles/slug.ts';
import { articleToNames, nameToSlug, TAXONOMIES } from './taxonomy.ts';
import { taxonomyToPath, type Taxonomy } from './urls.ts';

/** The fields that cross-file checks and scheduling read. */
export type CheckedFields = Pick<
  Article,
  | 'slug'
  | 'section'
  | 'tags'
  | 'authors'
  | 'source'
  | 'related'
  | 'image'
  | 'bodyImages'
  | 'draft'
  | 'published'
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

/** The content folder, and what the file system holds at each image path articles name. */
export interface ImageFiles {
  /** The content folder, relative to the project root. @example content */
  contentPath: string;
  /** What is at a path `imagePathsToInspect` listed (`createImageInspector` tells). */
  stateOf(path: string): ImageFileState;
}

/**
 * Checks that span files.
 */
export function checkAcrossFiles(
  parsed: readonly ParsedFile<CheckedFields>[],
  images: ImageFiles,
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

  problems.push(...checkNames(parsed));

  for (const file of parsed) {
    const { path, article, places } = file;
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

    for (const image of localImages(file, images.contentPath)) {
      const problem =
        'problem' in image ? image.problem : fileProblem(image, images.stateOf(image.path));
      if (problem) problems.push({ path, place: image.place, ...problem });
    }
  }
  return problems;
}

/** How each name a story is filed under is written in the front matter, and called in problems. */
const NAME_KINDS = {
  topic: { what: 'tag', key: 'tags' },
  author: { what: 'author', key: 'author' },
  source: { what: 'source', key: 'source' },
} as const satisfies Record<Taxonomy, { what: string; key: string }>;

/** Places of another spelling listed in a problem before the rest are counted. */
const PLACES_LISTED = 3;

/** One name as one file writes it. */
interface NameUse {
  name: string;
  path: string;
  place: Place;
}

/**
 * The names stories are filed under (tags, authors, sources), checked
 * across the site: each must make a URL name of at most `MAX_SLUG_LENGTH`
 * characters, and two names that make the same URL name must be the same
 * name, for tags up to letter case (`Harbour City` and `harbour city` are
 * one topic). Every use of a name in the wrong gets a problem at its place,
 * and one that collides names where the other spellings are written.
 */
function checkNames(parsed: readonly ParsedFile<CheckedFields>[]): Problem[] {
  const problems: Problem[] = [];
  for (const taxonomy of TAXONOMIES) {
    const { what } = NAME_KINDS[taxonomy];
    /** Per URL name, its uses grouped by spelling (`nameKey`), in the order first seen. */
    const bySlug = new Map<string, Map<string, NameUse[]>>();
    for (const file of parsed) {
      const names = articleToNames(file.article, taxonomy);
      const places = namePlaces(file.places, taxonomy);
      names.forEach((name, index) => {
        const use = { name, path: file.path, place: places[index] ?? FIRST_LINE };
        const slug = nameToSlug(name);
        if (!slug) {
          problems.push({
            path: use.path,
            place: use.place,
            ruleId: `${what}-slug`,
            message: `the ${what} "${name}" has no Latin letters or digits to make a URL name from, so it can have no page; use a name with some`,
          });
          return;
        }
        if (slug.length > MAX_SLUG_LENGTH) {
          problems.push({
            path: use.path,
            place: use.place,
            ruleId: `${what}-slug-too-long`,
            message: `the ${what} "${name}" makes a URL name of ${slug.length} characters, and the limit is ${MAX_SLUG_LENGTH} (it names a folder of the site); use a shorter name`,
          });
          return;
        }
        let spellings = bySlug.get(slug);
        if (!spellings) bySlug.set(slug, (spellings = new Map()));
        const key = nameKey(name, taxonomy);
        const uses = spellings.get(key);
        if (uses) uses.push(use);
        else spellings.set(key, [use]);
      });
    }

    for (const [slug, spellings] of bySlug) {
      if (spellings.size < 2) continue;
      const groups = [...spellings.values()];
      for (const uses of groups) {
        const others = groups
          .filter((other) => other !== uses)
          .map((other) => `the ${what} "${other[0]!.name}" (${listPlaces(other)})`);
        for (const use of uses) {
          problems.push({
            path: use.path,
            place: use.place,
            ruleId: `${what}-collision`,
            message: `the ${what} "${use.name}" makes the URL name "${slug}" (${taxonomyToPath(taxonomy, slug)}), and so ${others.length > 1 ? 'do' : 'does'} ${joinAnd(others)}; they would share one page: write the name one way in every story${taxonomy === 'topic' ? ' (letter case may differ)' : ''}, or make the names differ in their letters or digits`,
          });
        }
      }
    }
  }
  return problems;
}

/**
 * What makes two spellings of a name one name: for tags, the same letters
 * in any case (`Harbour City`, `harbour city`); for authors and sources,
 * the same text. Either way, in one Unicode form (an accent written as its
 * own mark is the same accent).
 */
function nameKey(name: string, taxonomy: Taxonomy): string {
  const text = name.normalize('NFC');
  // Upper case first: `ß` and `SS` fold alike only that way.
  return taxonomy === 'topic' ? text.toUpperCase().toLowerCase() : text;
}

/** Where a file writes each of its names in a taxonomy, in the order the article lists them. */
function namePlaces(places: ArticlePlaces, taxonomy: Taxonomy): readonly Place[] {
  switch (taxonomy) {
    case 'topic':
      return places.tags;
    case 'author':
      return places.authors;
    case 'source':
      return places.source ? [places.source] : [];
  }
}

/** `content/a.md:4:9, content/b.md:5:7 and 12 more`. */
function listPlaces(uses: readonly NameUse[]): string {
  const listed = uses
    .slice(0, PLACES_LISTED)
    .map(({ path, place }) => `${path}:${place.line}:${place.column}`);
  const rest = uses.length - listed.length;
  return rest > 0 ? `${listed.join(', ')} and ${rest} more` : joinAnd(listed);
}

/** `a`, `a and b`, `a, b and c`. */
function joinAnd(items: readonly string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`
    : items.join('');
}

/**
 * The project-relative paths of the image files articles name, where the
 * path itself breaks no rule, each once: the files whose state
 * `checkAcrossFiles` needs.
 *
 * @param contentPath the content folder, relative to the project root
 */
export function imagePathsToInspect(
  parsed: readonly ParsedFile<CheckedFields>[],
  contentPath: string,
): string[] {
  const paths = new Set<string>();
  for (const file of parsed) {
    for (const image of localImages(file, contentPath)) {
      if ('path' in image) paths.add(image.path);
    }
  }
  return [...paths];
}

/** A problem before the article's path and the place are added. */
type Finding = Omit<Problem, 'path' | 'place'>;

/**
 * A local image an article names: the file it names, or what is wrong with
 * the path as written. `subject` opens every message about it.
 */
type LocalImage = { place: Place; subject: string; rule: string } & (
  { path: string } | { problem: Finding }
);

/** The article's local images (its lead image, then those of its body), each checked as a path. */
function localImages(
  { path: articlePath, article, places }: ParsedFile<CheckedFields>,
  contentPath: string,
): LocalImage[] {
  const images: LocalImage[] = [];
  const src = article.image?.src;
  if (src && !isRemoteImage(src)) {
    const image = { place: places.imageSrc ?? FIRST_LINE, subject: '"image.src"', rule: 'image' };
    images.push({ ...image, ...leadImagePath(articlePath, src, contentPath) });
  }
  article.bodyImages.forEach((src, index) => {
    const image = {
      place: places.bodyImages[index] ?? FIRST_LINE,
      subject: `the image ${src}`,
      rule: 'body-image',
    };
    images.push({ ...image, ...bodyImageFile(articlePath, src, contentPath) });
  });
  return images;
}

/** The file a lead image's `src` names, or what is wrong with the path. */
function leadImagePath(
  articlePath: string,
  src: string,
  contentPath: string,
): { path: string } | { problem: Finding } {
  if (!hasImageExtension(src)) {
    return {
      problem: {
        ruleId: 'image-type',
        message: `"image.src" (${src}) is not an image type the site can process; use JPEG, PNG, WebP, AVIF, GIF or SVG`,
      },
    };
  }
  const imagePath = resolveArticlePath(articlePath, src);
  if (!imagePath.startsWith(`${contentPath}/`)) {
    return {
      problem: {
        ruleId: 'image-outside',
        message: `"image.src" (${src}) points outside the content folder; put the image beside the article`,
      },
    };
  }
  if (isIgnoredPath(imagePath.slice(contentPath.length + 1))) {
    return {
      problem: {
        ruleId: 'image-ignored',
        message: `"image.src" names ${imagePath}, in a file or folder whose name starts with _ or ., which the site does not publish; put the image beside the article`,
      },
    };
  }
  return { path: imagePath };
}

/**
 * The file an image the body shows names, or what is wrong with the path.
 * The build copies such files beside the article's page, so they must sit
 * in the article's folder or below it.
 */
function bodyImageFile(
  articlePath: string,
  src: string,
  contentPath: string,
): { path: string } | { problem: Finding } {
  const imagePath = bodyImagePath(articlePath, src);
  if (imagePath === undefined) {
    return {
      problem: {
        ruleId: 'body-image-escape',
        message: `the image ${src} has a "%" escape that stands for no character (such as %FF), so it names no file; write a percent sign in a file name as %25`,
      },
    };
  }
  const folder = posix.dirname(articlePath);
  if (!imagePath.startsWith(`${folder}/`)) {
    return {
      problem: {
        ruleId: 'body-image-outside',
        message: `the image ${src} lies outside the article's folder; put it beside the article (or in a folder below it)`,
      },
    };
  }
  if (!hasImageExtension(imagePath)) {
    return {
      problem: {
        ruleId: 'body-image-type',
        message: `the image ${src} is not an image type the site can show; use JPEG, PNG, WebP, AVIF, GIF or SVG`,
      },
    };
  }
  if (isIgnoredPath(imagePath.slice(contentPath.length + 1))) {
    return {
      problem: {
        ruleId: 'body-image-ignored',
        message: `the image ${src} is in a file or folder whose name starts with _ or ., which the site does not publish; rename it`,
      },
    };
  }
  return { path: imagePath };
}

/** The extension to rename a file of each type to. */
const EXTENSION_OF_TYPE: Readonly<Record<ImageType, string>> = {
  JPEG: 'jpg',
  PNG: 'png',
  GIF: 'gif',
  WebP: 'webp',
  AVIF: 'avif',
  SVG: 'svg',
};

/** What is wrong with the file at an image's path, if anything. */
function fileProblem(
  { subject, rule, path }: { subject: string; rule: string; path: string },
  state: ImageFileState,
): Finding | undefined {
  const names = `${subject} names ${path}`;
  switch (state.kind) {
    case 'ok':
      return undefined;
    case 'missing':
      return {
        ruleId: `${rule}-missing`,
        message: `${names}, which does not exist; put the image beside the article or fix the path`,
      };
    case 'folder':
      return {
        ruleId: `${rule}-folder`,
        message: `${names}, which is a folder, not an image file; name the image file inside it, or rename the folder`,
      };
    case 'not-a-file':
      return {
        ruleId: `${rule}-not-a-file`,
        message: `${names}, which is not a regular file; put the image file itself there`,
      };
    case 'link-outside':
      return {
        ruleId: `${rule}-link-outside`,
        message: `${names}, a symbolic link to a file outside the content folder or in a part of it the site ignores; put the image file itself beside the article`,
      };
    case 'unreadable':
      return {
        ruleId: `${rule}-unreadable`,
        message: `${names}, which could not be read (${state.code}); check that you may read it`,
      };
    case 'content': {
      const { finding } = state;
      if (finding.kind === 'wrong-type') {
        const { expected, actual } = finding;
        return {
          ruleId: `${rule}-wrong-type`,
          message: actual
            ? `${names}, which is not a ${expected} file: its bytes are those of a ${actual} image; rename it to ${posix.basename(path).replace(/\.[^.]+$/, `.${EXTENSION_OF_TYPE[actual]}`)}, or save it again as ${expected}`
            : `${names}, which is not a ${expected} file: its bytes are not those of any image type the site takes; save it again as JPEG, PNG, WebP, AVIF, GIF or SVG`,
        };
      }
      const where = `line ${finding.place.line}, column ${finding.place.column}`;
      return finding.kind === 'malformed'
        ? {
            ruleId: `${rule}-svg-malformed`,
            message: `${names}, which is not a well-formed SVG file (${where}: ${finding.reason}); export it again from the program that made it`,
          }
        : {
            ruleId: `${rule}-svg-active`,
            message: `${names}, which holds ${finding.reason} (${where}); the site publishes only SVG files that can run no script and load no other file, so remove it, or export the image again as PNG`,
          };
    }
  }
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
