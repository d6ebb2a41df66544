/**
 * Deterministic synthetic articles for benchmarks: valid under the article
 * contract, with varied Markdown (headings, lists, quotes, links, the odd
 * table), 12 sections, several years and offsets, tags, datelines and some
 * `related` links. The same count always gives the same files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

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
const SOURCES = ['TASS', 'Newsroom Wire', 'Sample Press'];
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
  const epochMs = Date.UTC(2026, 10, 1) - index * 2 * 3600_000 - Math.floor(random() * 3600_000);
  const offset = pick(OFFSETS);
  const offsetMinutes =
    offset === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const published = `${local}${offset}`;
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
    `source: ${pick(SOURCES)}`,
    random() < 0.6 ? `author: Reporter ${1 + Math.floor(random() * 40)}` : '',
    `tags: [${pick(COMMON_WORDS)}, ${pick(COMMON_WORDS)}]`,
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
