/**
 * Deterministic synthetic articles for benchmarks: valid under the article
 * contract, with varied Markdown (headings, lists, quotes, links, the odd
 * table), 12 sections, several years and offsets, datelines and some
 * `related` links, and names in the numbers a newsroom has: tags from a
 * vocabulary of 3,000 used as in real archives (a few topics on thousands
 * of stories, most on a handful), a few hundred authors, a handful of
 * agencies, about one story in ten of a kind other than news and one in
 * fifty corrected or updated. The same count always gives the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleKind } from '../../src/lib/articles/schema.ts';
import { textToSlug } from '../../src/lib/articles/slug.ts';

const SECTIONS = [
  'World',
  'Business & Economy',
  'Russian Politics & Diplomacy',
  'Science & Technology',
  'Sport',
  'Culture',
  'Environment',
  'Health',
  'Energy',
  'Transport',
  'Education',
  'Society',
];
const OFFSETS = ['+03:00', 'Z', '-05:00', '+05:30', '+09:00', '+01:00'];
const PLACES = [
  'DUSHANBE',
  'NAIROBI',
  'LIMA',
  'OSLO',
  'HANOI',
  'QUITO',
  'RIGA',
  'ACCRA',
  'NEW YORK',
];
const SOURCES = ['TASS', 'Newsroom Wire', 'Sample Press', 'Interfax', 'Global Press Service'];
const COMMON_WORDS = (
  'council minister agreement budget report harbour grain market vote policy energy river ' +
  'school hospital bridge festival research satellite league season forecast inflation ' +
  'export import delegation summit treaty railway airport storm drought harvest museum ' +
  'library orchestra premiere stadium coach striker tariff investor pension reform ' +
  'election district mayor governor ministry scientist laboratory vaccine clinic patient'
).split(' ');
/**
 * A newsroom's archive has tens of thousands of distinct words, and the
 * search index grows with them: made-up words from syllables stand in.
 */
const RARE_WORDS = (() => {
  const syllables = [
    'ka',
    'lo',
    'mir',
    'sen',
    'ta',
    'vo',
    'dri',
    'pel',
    'gu',
    'ran',
    'os',
    'te',
    'bu',
    'zha',
    'ny',
    'ko',
  ];
  const words: string[] = [];
  for (let index = 0; words.length < 20_000; index++) {
    let word = '';
    for (
      let rest = index;
      word.length < 3 || rest > 0;
      rest = Math.floor(rest / syllables.length)
    ) {
      word += syllables[rest % syllables.length];
    }
    words.push(word);
  }
  return words;
})();

/** Distinct tags in the archive. */
const TAG_COUNT = 3000;
/**
 * How often each tag is used: the tag of rank r in proportion to
 * 1 / (r + 5) (Zipf–Mandelbrot), so that at 200,000 stories the first tags
 * are on about 12,000 stories each, the hundredth on about 700, and the
 * last thousand on a few dozen each; at 10,000 stories, the first on about
 * 600 and most on a handful or none.
 */
const TAG_RANK_OFFSET = 5;
/** How many tags a story has: the chance of 0, 1, … 5. */
const TAG_COUNT_WEIGHTS = [0.1, 0.2, 0.3, 0.2, 0.12, 0.08];
/** The share of a tag's uses written in lower case (`harbour reform` for `Harbour Reform`): one topic. */
const LOWER_CASE_SHARE = 0.03;
/** The share of stories from an agency, credited with `source` and no author. */
const WIRE_SHARE = 0.25;
/** The share of staff stories written by two authors. */
const TWO_AUTHORS_SHARE = 0.12;
/** The share of staff stories that also credit an agency. */
const STAFF_WITH_SOURCE_SHARE = 0.05;
/** Kinds other than news, each with its share of staff stories (about a tenth of all stories). */
const KIND_SHARES: readonly [kind: ArticleKind, share: number][] = [
  ['analysis', 0.04],
  ['opinion', 0.04],
  ['interview', 0.02],
  ['explainer', 0.02],
  ['obituary', 0.013],
];
/** The share of stories with a correction or an update (a few have both). */
const NOTES_SHARE = 0.02;
/**
 * The newest story's time, about: stories go back from here, two hours
 * apart. Stories of the last three days get no notes, so that no note is
 * later than it (benchmarks build at a clock just after it).
 */
const NEWEST_MS = Date.UTC(2026, 10, 1);
const NOTES_AFTER_MS = NEWEST_MS - 3 * 24 * 3600_000;

/** Title case: `harbour reform` → `Harbour Reform`. */
function titleCase(text: string): string {
  return text.replace(
    /(^| )(\p{Ll})/gu,
    (_, space: string, letter: string) => space + letter.toUpperCase(),
  );
}

/**
 * The tag vocabulary, most used first: the common words as topics
 * (`inflation`), then places and organisations made of syllables
 * (`Kalomir`) and two-word topics (`Harbour Reform`), mixed. No two tags
 * make the same URL name, so the archive is valid however tags combine.
 */
const TAGS: readonly string[] = (() => {
  const random = randomFrom(0x7a95);
  const tags: string[] = [];
  const slugs = new Set<string>();
  const add = (tag: string) => {
    const slug = textToSlug(tag);
    if (slug && !slugs.has(slug)) {
      slugs.add(slug);
      tags.push(tag);
    }
  };
  for (const word of COMMON_WORDS) add(word);
  let rare = 0;
  while (tags.length < TAG_COUNT) {
    if (random() < 0.5) add(titleCase(RARE_WORDS[rare++]!));
    else {
      const first = COMMON_WORDS[Math.floor(random() * COMMON_WORDS.length)]!;
      const second = COMMON_WORDS[Math.floor(random() * COMMON_WORDS.length)]!;
      if (first !== second) add(titleCase(`${first} ${second}`));
    }
  }
  return tags;
})();

/** `cumulative[r]`: the chance that a tag use falls on one of the first r + 1 tags. */
const TAG_CUMULATIVE: Float64Array = (() => {
  const weights = TAGS.map((_, rank) => 1 / (rank + 1 + TAG_RANK_OFFSET));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, rank) => (cumulative[rank] = sum += weight / total));
  return cumulative;
})();

/** The tag whose share of uses covers `chance` (0 ≤ chance < 1): a binary search. */
function tagAt(chance: number): string {
  let low = 0;
  let high = TAG_CUMULATIVE.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (TAG_CUMULATIVE[middle]! > chance) high = middle;
    else low = middle + 1;
  }
  return TAGS[low]!;
}

/** 300 reporters, each name its own URL name. */
const AUTHORS: readonly string[] = (() => {
  const first = (
    'Anna Ben Chloe Dmitri Elena Farid Grace Haruto Ines Javier Kavya Lena Marco Nadia Oskar ' +
    'Priya Rafael Sofia Tobias Yui'
  ).split(' ');
  const last = (
    'Petrova Okafor Wendt Sidorov Lindqvist Mercer Caldera Nishimaki Vetrova Esteves Renner ' +
    'Ashdown Halvorsen Menon Kalinov'
  ).split(' ');
  return first.flatMap((given) => last.map((family) => `${given} ${family}`));
})();

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One synthetic article: its path under the content folder and its text. */
export interface SyntheticArticle {
  path: string;
  slug: string;
  text: string;
}

/** Builds article number `index` (0-based) of a corpus. */
export function syntheticArticle(index: number): SyntheticArticle {
  const random = randomFrom(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Mostly common words; the rest skewed towards the start of the rare list, as in real text.
  const word = () =>
    random() < 0.7
      ? pick(COMMON_WORDS)
      : RARE_WORDS[Math.floor(RARE_WORDS.length * random() ** 3)]!;
  const sentence = (length: number) => {
    const words = Array.from({ length }, word);
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () =>
    Array.from({ length: 4 + Math.floor(random() * 3) }, () =>
      sentence(12 + Math.floor(random() * 8)),
    ).join(' ');

  // Spread over 2019–2026, about one story every 2 hours going back from 2026-11-01.
  const epochMs = NEWEST_MS - index * 2 * 3600_000 - Math.floor(random() * 3600_000);
  const offset = pick(OFFSETS);
  const published = instantText(epochMs, offset);
  const slug = `story-${index}-${pick(COMMON_WORDS)}-${pick(COMMON_WORDS)}`;
  const section = SECTIONS[index % SECTIONS.length]!;
  const related =
    index > 10 && random() < 0.3 ? [syntheticSlug(index - 1 - Math.floor(random() * 10))] : [];

  const body: string[] = [paragraph(), paragraph()];
  body.push(`## ${sentence(5).slice(0, -1)}`, paragraph());
  body.push(Array.from({ length: 4 }, () => `- ${sentence(7)}`).join('\n'));
  body.push(`> ${sentence(14)}`, paragraph());
  body.push(
    `Read more at [the ${pick(COMMON_WORDS)} page](https://example.org/${pick(COMMON_WORDS)}) or *${pick(COMMON_WORDS)}* **${pick(COMMON_WORDS)}**.`,
  );
  if (index % 7 === 0) {
    body.push('| Region | Share |\n| --- | ---: |\n| North | 41% |\n| South | 59% |');
  }
  body.push(
    `### ${sentence(4).slice(0, -1)}`,
    paragraph(),
    paragraph(),
    paragraph(),
    paragraph(),
    paragraph(),
  );

  const frontMatter = [
    '---',
    `title: ${sentence(9).slice(0, -1)}`,
    `section: ${section}`,
    `published: ${published}`,
    random() < 0.5 ? `summary: ${sentence(18)}` : '',
    `dateline: ${pick(PLACES)}`,
    ...namesOf(random, epochMs, offset),
    related.length ? `related: [${related.join(', ')}]` : '',
    '---',
  ].filter(Boolean);
  const year = published.slice(0, 4);
  const month = published.slice(5, 7);
  return {
    path: `${year}/${month}/${slug}.md`,
    slug,
    text: `${frontMatter.join('\n')}\n${body.join('\n\n')}\n`,
  };
}

/**
 * The front matter lines of a story's names, kind and notes: an agency's
 * story credits its `source` and no author; a staff story has one author
 * (some two, a few an agency too) and may be of another kind than news.
 * Notes come an hour to two days after publication, in the story's offset.
 * Drawn from `random` after everything else, so the rest of the story does
 * not depend on them.
 */
function namesOf(random: () => number, publishedMs: number, offset: string): string[] {
  const lines: string[] = [];
  // Skewed: the busiest reporter files about 2% of the stories, most a few per thousand.
  const authorAt = () => AUTHORS[Math.floor(AUTHORS.length * random() ** 1.5)]!;
  if (random() < WIRE_SHARE) {
    lines.push(`source: ${SOURCES[Math.floor(random() * SOURCES.length)]!}`);
  } else {
    const first = authorAt();
    const second = random() < TWO_AUTHORS_SHARE ? authorAt() : first;
    lines.push(second === first ? `author: ${first}` : `author: [${first}, ${second}]`);
    if (random() < STAFF_WITH_SOURCE_SHARE) {
      lines.push(`source: ${SOURCES[Math.floor(random() * SOURCES.length)]!}`);
    }
    let chance = random();
    for (const [kind, share] of KIND_SHARES) {
      if (chance < share) {
        lines.push(`kind: ${kind}`);
        break;
      }
      chance -= share;
    }
  }

  let tagCount = 0;
  for (let chance = random(); tagCount < TAG_COUNT_WEIGHTS.length - 1; tagCount++) {
    chance -= TAG_COUNT_WEIGHTS[tagCount]!;
    if (chance < 0) break;
  }
  const tags = new Set<string>();
  while (tags.size < tagCount) tags.add(tagAt(random()));
  if (tags.size) {
    const written = [...tags].map((tag) => (random() < LOWER_CASE_SHARE ? tag.toLowerCase() : tag));
    lines.push(`tags: [${written.join(', ')}]`);
  }

  if (random() < NOTES_SHARE && publishedMs < NOTES_AFTER_MS) {
    const at = (hours: number) => instantText(publishedMs + hours * 3600_000, offset);
    const first = 1 + Math.floor(random() * 24);
    const type = random() < 0.5 ? 'corrections' : 'updates';
    lines.push(
      `${type}:`,
      `  - at: ${at(first)}`,
      `    text: ${type === 'corrections' ? 'An earlier version of this story gave the wrong figure for the' : 'Adds the reaction of the'} ${COMMON_WORDS[Math.floor(random() * COMMON_WORDS.length)]!}.`,
    );
    if (random() < 0.3) {
      lines.push(
        `${type === 'corrections' ? 'updates' : 'corrections'}:`,
        `  - at: ${at(first + 1 + Math.floor(random() * 24))}`,
        '    text: Adds details from the official statement.',
      );
    }
  }
  return lines;
}

/** An instant written in the given offset: `2026-05-22T08:36:00+03:00`. */
function instantText(epochMs: number, offset: string): string {
  const offsetMinutes =
    offset === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  return `${new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19)}${offset}`;
}

/** The slug of article number `index`, without building the whole article. */
export function syntheticSlug(index: number): string {
  return syntheticArticle(index).slug;
}

/** Writes articles 0 to `count - 1` under `dir`. */
export async function writeSyntheticArticles(dir: string, count: number): Promise<void> {
  const folders = new Set<string>();
  for (let index = 0; index < count; index++) {
    const article = syntheticArticle(index);
    const folder = join(dir, article.path, '..');
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(join(dir, article.path), article.text);
  }
}
