/**
 * A story read from wire copy as the text of an article file under the
 * article contract, and where in the output folder that file goes.
 */
import { Document } from 'yaml';
import { instantToWallClock, pad } from '../dates.ts';
import type { ArticleIndex } from './article-index.ts';
import { headlineToSlug } from './headline-to-slug.ts';
import type { WireStory } from './parse-wire-copy.ts';
import { plainTextToMarkdown } from './plain-text-to-markdown.ts';

/** An article made from wire copy, ready to check and write. */
export interface WireArticle {
  /** The article file's text: front matter, a blank line, the body. */
  markdown: string;
  slug: string;
  /** Where the file goes inside the output folder: `2019/05/<slug>.md`. */
  path: string;
  /** Slugs of the related stories whose headlines stood in the copy. */
  related: string[];
  /** Related headlines that match no article, kept in the body as "Also read" lines. */
  alsoRead: string[];
}

/**
 * Turns a story into an article file.
 *
 * Front matter keys come in the contract's order, and the `yaml` package
 * quotes whatever would not read back as the same text. A stand-alone
 * headline that names a known article becomes a `related` slug; one that
 * names none stays in the body as an "Also read" line, so nothing is lost.
 *
 * @param index the articles already known, for related headlines and the
 *   section's spelling
 */
export function wireToMarkdown(story: WireStory, index: ArticleIndex): WireArticle {
  const slug = headlineToSlug(story.headline);
  const related: string[] = [];
  const alsoRead: string[] = [];
  const body: string[] = [];
  for (const paragraph of story.paragraphs) {
    const relatedSlug = paragraph.isHeadline ? index.slugOfTitle(paragraph.text) : undefined;
    // Re-importing a story finds its own earlier version; it is not related to itself.
    if (relatedSlug !== undefined && relatedSlug !== slug) {
      if (!related.includes(relatedSlug)) related.push(relatedSlug);
    } else if (paragraph.isHeadline) {
      alsoRead.push(paragraph.text);
      body.push(`*Also read: ${plainTextToMarkdown(paragraph.text)}*`);
    } else {
      body.push(plainTextToMarkdown(paragraph.text));
    }
  }

  const frontMatter: Record<string, string | string[]> = {
    title: story.headline,
    section: index.sectionName(story.section),
    published: story.published.iso,
  };
  if (story.standfirst !== undefined) frontMatter['summary'] = story.standfirst;
  if (story.dateline) {
    frontMatter['dateline'] = story.dateline.place;
    if (story.dateline.source !== undefined) frontMatter['source'] = story.dateline.source;
  }
  if (related.length) frontMatter['related'] = related;
  // lineWidth 0: never fold a long headline or standfirst over several lines.
  const yaml = new Document(frontMatter).toString({ lineWidth: 0 });

  const { year, month } = instantToWallClock(story.published);
  return {
    markdown: `---\n${yaml}---\n\n${body.join('\n\n')}\n`,
    slug,
    path: `${year}/${pad(month)}/${slug}.md`,
    related,
    alsoRead,
  };
}
