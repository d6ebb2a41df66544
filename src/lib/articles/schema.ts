/**
 * The article contract as one schema.
 *
 * `FrontMatterSchema` validates what an editor writes; `ArticleSchema` joins
 * it with what the body yields and derives the record the site uses. The
 * `Article` type is derived from it: there is no hand-written twin.
 */
import { z } from 'zod';
import { isInstant, parseInstant, type Instant, type InstantError } from '../instant.ts';
import { isRemoteImage } from './images.ts';
import { isSlug, MAX_SLUG_LENGTH, pathToSlug, textToSlug } from './slug.ts';

/** Longest headline the contract allows. */
export const TITLE_MAX_LENGTH = 300;
/** Longest standfirst cut from the first paragraph when `summary` is missing. */
export const DERIVED_SUMMARY_MAX_LENGTH = 200;
/** Reading speed used for `readingMinutes`, in words a minute. */
export const WORDS_PER_MINUTE = 230;
/** Longest text of one correction or update. */
export const NOTE_TEXT_MAX_LENGTH = 1000;

/**
 * What sort of story an article is, in the order pages list them; `news`,
 * the first, is the default.
 */
export const ARTICLE_KINDS = [
  'news',
  'analysis',
  'interview',
  'opinion',
  'explainer',
  'obituary',
] as const;
/** One of `ARTICLE_KINDS`. */
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

/** The front matter keys that hold notes, and the type each note gets. */
const NOTE_KEYS = { corrections: 'correction', updates: 'update' } as const;

const INSTANT_MESSAGES: Record<InstantError, string> = {
  'not-a-date-time': 'is not an ISO 8601 date and time; write it as 2019-05-22T08:36:00+03:00',
  'no-time':
    'has a date but no time; write the time and its offset too, as 2019-05-22T08:36:00+03:00',
  'no-offset':
    'has no offset, so the moment is ambiguous; add the offset of the place it was filed, as 2019-05-22T08:36:00+03:00, or Z for UTC',
  'out-of-range': 'is not a real date and time (check the day, hour and offset)',
  'year-out-of-range':
    'is outside the years the site can write: addresses, sitemaps and feeds take four-digit years, so a date must lie between 1000-01-02 and 9999-12-30; check the year',
};

/** Text that must not be blank; runs of white space (YAML folding) become one space. */
const PlainText = z
  .string()
  // Only ASCII white space folds: a no-break space is meant (10\u00a0000).
  .transform((value) => value.replace(/[ \t\r\n]+/g, ' ').trim())
  .pipe(z.string().min(1));

/** An ISO 8601 date-time with an offset, kept as an `Instant`. */
const InstantText = z.string().transform((value, context) => {
  const instant = parseInstant(value);
  if (isInstant(instant)) return instant;
  context.addIssue({
    code: 'custom',
    message: INSTANT_MESSAGES[instant],
    params: { ruleId: `date-${instant}` },
  });
  return z.NEVER;
});

const Slug = z
  .string()
  .refine(isSlug, {
    message:
      'is not a valid slug: use lowercase ASCII letters, digits and single hyphens, as naryshkin-svr-contacts',
    params: { ruleId: 'slug-format' },
  })
  .pipe(z.string().max(MAX_SLUG_LENGTH));

/** A path relative to the article file, or an `https:` URL. */
const ImageSource = z
  .string()
  .min(1)
  .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) || isRemoteImage(value), {
    message: 'must be a path relative to the article file (./photo.jpg) or an https: URL',
    params: { ruleId: 'image-src' },
  })
  .refine((value) => !isRemoteImage(value) || !hasCredentials(value), {
    message:
      'holds a user name or password (https://user:password@…), which every reader would see; use an address without them',
    params: { ruleId: 'image-src-credentials' },
  })
  .refine((value) => !value.startsWith('/'), {
    message: 'must be relative to the article file, as ./photo.jpg, not start with /',
    params: { ruleId: 'image-src' },
  });

const ImageSchema = z.strictObject({
  /** A path relative to the article file, or an `https:` URL. @example ./chart.svg */
  src: ImageSource,
  /** Text that says what the image shows, for readers who cannot see it. */
  alt: PlainText,
  /** Shown under the image. */
  caption: PlainText.optional(),
  /** Who made the image. @example Photo: Jane Doe/Newsroom */
  credit: PlainText.optional(),
});

/**
 * One correction or update: when it was made and what it says. Written in
 * the front matter as `{ at, text }`, under `corrections` or `updates`.
 */
const NoteSchema = z.strictObject({
  /** When the story was corrected or updated, with its offset; not before `published`. */
  at: InstantText,
  /**
   * Plain text: for a correction, what was wrong and what is right.
   * @example An earlier version of this story gave the wrong date for the meeting.
   */
  text: PlainText.pipe(z.string().max(NOTE_TEXT_MAX_LENGTH)),
});

/** A section: its display name and the URL name derived from it. */
const SectionSchema = PlainText.transform((name, context) => {
  const slug = textToSlug(name);
  if (!slug) {
    context.addIssue({
      code: 'custom',
      message: `has no Latin letters or digits to make a URL name from ("${name}"); use a name with some`,
      params: { ruleId: 'section-slug' },
    });
    return z.NEVER;
  }
  if (slug.length > MAX_SLUG_LENGTH) {
    context.addIssue({
      code: 'custom',
      message: `makes a URL name of ${slug.length} characters, and the limit is ${MAX_SLUG_LENGTH} (it names a folder of the site); use a shorter name`,
      params: { ruleId: 'section-slug-too-long' },
    });
    return z.NEVER;
  }
  return { name, slug };
});

/** Whether an address names a user or password before its host (`https://user:pass@host/`). */
function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    // Not a URL a browser would read; the authority part is checked as written.
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
  }
}

/** The keys an editor may write, each validated; unknown keys are errors. */
export const FrontMatterSchema = z
  .strictObject({
    /** Plain-text headline. @example Security chief does not rule out restoring contacts */
    title: PlainText.pipe(z.string().max(TITLE_MAX_LENGTH)),
    /** The section's display name. @example Russian Politics & Diplomacy */
    section: SectionSchema,
    /** When the story was filed, with its offset. @example 2019-05-22T08:36:00+03:00 */
    published: InstantText,
    /** When it was last corrected; not before `published`. */
    updated: InstantText.optional(),
    /** The standfirst. Missing: cut from the first paragraph. */
    summary: PlainText.optional(),
    /** Place of filing, in capitals by convention. @example DUSHANBE */
    dateline: PlainText.optional(),
    /** Agency or outlet credit. @example TASS */
    source: PlainText.optional(),
    /** A name or a list of names. */
    author: z.union([PlainText, z.array(PlainText).min(1)]).optional(),
    /** Topics. @example [Sergei Naryshkin, SVR, CIA] */
    tags: z.array(PlainText).optional(),
    /** Slugs of other articles; each must exist. */
    related: z.array(Slug).optional(),
    /** The lead image. */
    image: ImageSchema.optional(),
    /** Overrides the file's base name as the slug. */
    slug: Slug.optional(),
    /** `true` keeps the article out of production builds. */
    draft: z.boolean().optional(),
    /** What sort of story it is; missing: `news`. @example analysis */
    kind: z.enum(ARTICLE_KINDS).optional(),
    /** Errors put right after publication, each `{ at, text }`. */
    corrections: z.array(NoteSchema).optional(),
    /** New information added after publication, each `{ at, text }`. */
    updates: z.array(NoteSchema).optional(),
  })
  .superRefine((frontMatter, context) => {
    const { published, updated } = frontMatter;
    if (updated && updated.epochMs < published.epochMs) {
      context.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `is earlier than published (${published.iso}); a correction cannot come before the story`,
        params: { ruleId: 'updated-before-published' },
      });
    }
    let latest: { key: string; index: number; at: Instant } | undefined;
    for (const key of Object.keys(NOTE_KEYS) as (keyof typeof NOTE_KEYS)[]) {
      for (const [index, { at }] of (frontMatter[key] ?? []).entries()) {
        if (at.epochMs < published.epochMs) {
          context.addIssue({
            code: 'custom',
            path: [key, index, 'at'],
            message: `is earlier than published (${published.iso}); a story cannot be ${key === 'corrections' ? 'corrected' : 'updated'} before it is published`,
            params: { ruleId: 'note-before-published' },
          });
        }
        if (!latest || at.epochMs > latest.at.epochMs) latest = { key, index, at };
      }
    }
    if (updated && latest && updated.epochMs < latest.at.epochMs) {
      context.addIssue({
        code: 'custom',
        path: ['updated'],
        message: `is earlier than ${latest.key}[${latest.index}].at (${latest.at.iso}); "updated" is the last time the story changed, so make it that time or later, or remove it to take the latest correction or update`,
        params: { ruleId: 'updated-before-note' },
      });
    }
  });

/** The keys the contract knows, for "did you mean" suggestions. */
export const FRONT_MATTER_KEYS = Object.keys(FrontMatterSchema.shape);

/** What the parser takes from the Markdown body. */
const BodySchema = z.object({
  /** Sanitised HTML, headings shifted below the page's `h1`. */
  html: z.string(),
  /** The body as plain text, paragraphs separated by blank lines. */
  text: z.string(),
  /** Plain text of the first paragraph, for a derived summary. */
  firstParagraph: z.string(),
  wordCount: z.number().int().nonnegative(),
  images: z.array(z.string()),
});

/**
 * A parsed article file: front matter and body joined into the record that
 * pages, feeds and search use.
 */
export const ArticleSchema = z
  .object({
    /** Path of the source file, relative to the project root. */
    sourcePath: z.string(),
    frontMatter: FrontMatterSchema,
    body: BodySchema,
  })
  .transform(({ sourcePath, frontMatter, body }) => {
    const notes = notesNewestFirst(frontMatter);
    return {
      slug: frontMatter.slug ?? pathToSlug(sourcePath),
      title: frontMatter.title,
      kind: frontMatter.kind ?? 'news',
      section: frontMatter.section,
      published: frontMatter.published,
      updated: frontMatter.updated ?? notes[0]?.at,
      summary: frontMatter.summary ?? cutAtWord(body.firstParagraph, DERIVED_SUMMARY_MAX_LENGTH),
      summaryGiven: frontMatter.summary !== undefined,
      dateline: frontMatter.dateline,
      source: frontMatter.source,
      authors: authorToList(frontMatter.author),
      tags: [...new Set(frontMatter.tags ?? [])],
      related: [...new Set(frontMatter.related ?? [])],
      notes,
      image: frontMatter.image,
      draft: frontMatter.draft ?? false,
      bodyHtml: body.html,
      text: body.text,
      bodyImages: body.images,
      wordCount: body.wordCount,
      readingMinutes: Math.max(1, Math.round(body.wordCount / WORDS_PER_MINUTE)),
      sourcePath,
    };
  });

/** A validated article, as pages, feeds and search see it. */
export type Article = z.output<typeof ArticleSchema>;
/** An article without its body: what list pages, indexes and the content store keep. */
export type ArticleMeta = Omit<Article, 'bodyHtml' | 'text'>;
/** An article's section: display name and URL name. */
export type Section = Article['section'];
/** An article's lead image, as written in its front matter. */
export type ArticleImage = NonNullable<Article['image']>;

/** A correction or update of a story, as the record keeps it: `{ type, at, text }`. */
export type ArticleNote = z.output<typeof NoteSchema> & {
  /** Which front matter list it came from: `corrections` or `updates`. */
  type: (typeof NOTE_KEYS)[keyof typeof NOTE_KEYS];
};

/**
 * The corrections and updates of a story in one list, newest first; at the
 * same moment corrections come before updates, and each keeps its order in
 * the file.
 */
function notesNewestFirst(frontMatter: {
  [key in keyof typeof NOTE_KEYS]?: z.output<typeof NoteSchema>[] | undefined;
}): ArticleNote[] {
  const notes: ArticleNote[] = [];
  for (const [key, type] of Object.entries(NOTE_KEYS) as [
    keyof typeof NOTE_KEYS,
    ArticleNote['type'],
  ][]) {
    for (const { at, text } of frontMatter[key] ?? []) notes.push({ type, at, text });
  }
  // A stable sort keeps corrections before updates, and file order, at equal times.
  return notes.sort((a, b) => b.at.epochMs - a.at.epochMs);
}

function authorToList(author: string | string[] | undefined): string[] {
  if (author === undefined) return [];
  return typeof author === 'string' ? [author] : author;
}

/**
 * Shortens text to at most `max` characters at a word boundary, adding an
 * ellipsis when anything was cut.
 */
export function cutAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const slice = clean.slice(0, max);
  const lastSpace = slice.lastIndexOf(' ');
  const cut = lastSpace > max / 2 ? slice.slice(0, lastSpace) : slice;
  return `${cut.replace(/[\s,;:.!?—–-]+$/u, '')}…`;
}
