/**
 * `npm run bench:search -- N`: writes N synthetic stories (an article list
 * and body HTML files, as the content loader writes them) into a temporary
 * folder, indexes them with the build's own search step
 * (`buildSearchBundles`), and prints the time, each bundle's time to index
 * (adding the stories, then Pagefind writing its files), the bundles' size
 * on disk and the peak memory of Node and of Pagefind's indexing process.
 * Then it corrects the headline of the oldest story, as a publish that
 * edits an old story does, and indexes again: only that story's bundle
 * should be made again.
 *
 * The words follow a Zipf-like law over a vocabulary of tens of thousands
 * of made-up words, with names, numbers, Cyrillic and accented words mixed
 * in, so the index grows as a real archive's would. The stories come one
 * every two hours (a busy wire), so a month's bundle holds about 360. The
 * same N always gives the same pages.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSearchBundles,
  type IndexedBundle,
  type SearchIndexOptions,
} from '../src/integrations/search/bundle-cache.ts';
import { writeSearchBundles } from '../src/integrations/search/write-bundles.ts';
import { ARTICLE_LIST_FILE, writeArticleList } from '../src/lib/build-cache/article-list.ts';
import { BODY_HTML_DIR, bodyHtmlFile, writeBodyHtml } from '../src/lib/build-cache/body-html.ts';
import type { StoredArticle } from '../src/lib/build-cache/stored-article.ts';
import { parseInstant } from '../src/lib/instant.ts';
import { SEARCH_BUNDLE_DIR } from '../src/lib/pagefind-names.ts';
import { escapeXml } from '../src/lib/xml.ts';
import { randomFrom } from './lib/synthetic-articles.ts';

const count = Number(process.argv[2] ?? 10_000);
if (!Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run bench:search -- N   (N: how many articles, a whole number)');
  process.exit(2);
}

/** Distinct made-up words; a year of a real newsroom's copy has some tens of thousands. */
const VOCABULARY_SIZE = 40_000;
const SECTIONS = ['World', 'Business & Economy', 'Science', 'Culture', 'Sport', 'Health'];
const EXTRA_WORDS = ['Zürich', 'café', 'São', 'Paulo', 'Kraków', 'Вечерний', 'вестник', 'газета'];

/** Pronounceable words from syllables, all different. */
function makeVocabulary(size: number): string[] {
  const random = randomFrom(7);
  const onsets = [
    'b',
    'br',
    'c',
    'ch',
    'd',
    'f',
    'g',
    'gr',
    'h',
    'k',
    'l',
    'm',
    'n',
    'p',
    'pr',
    'r',
    's',
    'st',
    't',
    'tr',
    'v',
    'w',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou'];
  const codas = ['', '', 'n', 'r', 's', 't', 'l', 'nd', 'st'];
  const pick = (items: string[]) => items[Math.floor(random() * items.length)]!;
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 1 + Math.floor(random() * 3.5);
    let word = '';
    for (let i = 0; i < syllables; i++) word += pick(onsets) + pick(vowels) + pick(codas);
    words.add(word);
  }
  return [...words];
}

/** Samples word ranks with weight 1/rank, as word frequencies in text roughly follow. */
function zipfSampler(size: number, random: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = total += 1 / (rank + 1);
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/**
 * Writes `n` stories under `dir`, as the loader writes them to the build
 * cache: their body HTML files and the article list. Returns the list file,
 * its records and the words written.
 */
async function writeArticles(
  dir: string,
  n: number,
): Promise<{ listFile: string; records: StoredArticle[]; words: number }> {
  const vocabulary = makeVocabulary(VOCABULARY_SIZE);
  const random = randomFrom(42);
  const rank = zipfSampler(vocabulary.length, random);
  const word = () => {
    const r = random();
    if (r < 0.01) return EXTRA_WORDS[Math.floor(random() * EXTRA_WORDS.length)]!;
    if (r < 0.03) return String(Math.floor(random() * 10_000));
    return vocabulary[rank()]!;
  };
  const sentence = (length: number) => {
    const words = Array.from({ length }, word);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return `${words.join(' ')}.`;
  };
  const bodyDir = join(dir, BODY_HTML_DIR);
  const records: StoredArticle[] = [];
  let totalWords = 0;
  for (let index = 0; index < n; index++) {
    // About one story every two hours, going back from 2026.
    const iso = new Date(Date.UTC(2026, 4, 1) - index * 2 * 3600_000).toISOString();
    const published = parseInstant(iso);
    if (typeof published === 'string') throw new Error(`${iso}: ${published}`);
    const sectionName = SECTIONS[index % SECTIONS.length]!;
    const title = sentence(6 + Math.floor(random() * 8)).slice(0, -1);
    const standfirst = sentence(16 + Math.floor(random() * 10));
    const paragraphs = Array.from({ length: 5 + Math.floor(random() * 6) }, () =>
      Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
        sentence(10 + Math.floor(random() * 16)),
      ).join(' '),
    );
    totalWords += [title, standfirst, ...paragraphs].join(' ').split(' ').length;

    const bodyFile = bodyHtmlFile(bodyDir, String(index));
    await writeBodyHtml(bodyFile, paragraphs.map((text) => `<p>${escapeXml(text)}</p>`).join(''));
    const slug = `story-${index}`;
    records.push({
      sourcePath: `content/${slug}.md`,
      slug,
      title,
      kind: 'news',
      section: { slug: sectionName.toLowerCase().replace(/\W+/g, '-'), name: sectionName },
      published,
      updated: undefined,
      summary: standfirst,
      summaryGiven: true,
      dateline: undefined,
      source: undefined,
      authors: [`Reporter ${index % 40}`],
      tags: [],
      related: [],
      notes: [],
      image: undefined,
      draft: false,
      bodyImages: [],
      wordCount: paragraphs.join(' ').split(' ').length,
      readingMinutes: 1,
      bodyHtmlFile: bodyFile,
      places: {
        section: { line: 3, column: 10 },
        related: [],
        tags: [],
        authors: [],
        bodyImages: [],
      },
    });
  }
  const listFile = join(dir, ARTICLE_LIST_FILE);
  await writeArticleList(listFile, records);
  return { listFile, records, words: totalWords };
}

/**
 * Watches the peak resident memory (VmHWM) of this process's child
 * processes, where Pagefind's Node API runs its indexer, by sampling /proc.
 * Linux only; elsewhere it reports nothing.
 */
function watchChildPeakRss(intervalMs = 20): { stop(): Promise<number | undefined> } {
  let peakKiB: number | undefined;
  let sampling: Promise<void> = Promise.resolve();
  const sample = async () => {
    const pids = await readdir('/proc').catch(() => []);
    for (const pid of pids) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      // Field 4, after the parenthesised command name, is the parent's pid.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      if (hwm) peakKiB = Math.max(peakKiB ?? 0, Number(hwm[1]));
    }
  };
  const timer = setInterval(() => (sampling = sampling.then(sample)), intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await sampling;
      return peakKiB;
    },
  };
}

async function folderBytes(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = 0;
  let files = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** Seconds, from milliseconds. */
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** One line per bundle indexed: its period, pages, and the time to add and to write them. */
function printIndexed(indexed: IndexedBundle[]): void {
  console.log('  period    pages  adding s  writing s  total s');
  for (const { period, pageCount, adding, writing } of indexed) {
    console.log(
      `  ${period.padEnd(8)} ${String(pageCount).padStart(6)} ${seconds(adding).padStart(9)} ` +
        `${seconds(writing).padStart(10)} ${seconds(adding + writing).padStart(8)}`,
    );
  }
}

const root = await mkdtemp(join(tmpdir(), 'newsroom-bench-search-'));
try {
  console.log(`Generating ${count} synthetic stories…`);
  const generated = performance.now();
  const { listFile, records, words } = await writeArticles(root, count);
  const bodies = await folderBytes(join(root, BODY_HTML_DIR));
  console.log(
    `  ${words.toLocaleString('en')} words, ${(bodies.bytes / 1e6).toFixed(1)} MB of body HTML, in ${seconds(performance.now() - generated)}s`,
  );

  console.log('Indexing with Pagefind…');
  const options: SearchIndexOptions = {
    listFile,
    cacheDir: join(root, 'search-bundles'),
    timeZone: 'Europe/Moscow',
    language: 'en',
  };
  const watcher = watchChildPeakRss();
  const started = performance.now();
  const bundles = await buildSearchBundles(options);
  const indexingMs = performance.now() - started;
  const pagefindPeakKiB = await watcher.stop();
  printIndexed(bundles.indexed);
  await writeSearchBundles(bundles, join(root, 'site'));
  const outputPath = join(root, 'site', SEARCH_BUNDLE_DIR);
  const bundle = await folderBytes(outputPath);
  const searchData = { bytes: 0, files: 0 };
  const fragments = { bytes: 0, files: 0 };
  // What a search loads whole from each bundle it searches.
  const pageLists = { bytes: 0, files: 0 };
  for (const { period } of bundles.bundles) {
    for (const [part, total] of [
      ['index', searchData],
      ['fragment', fragments],
    ] as const) {
      const size = await folderBytes(join(outputPath, period, part));
      total.bytes += size.bytes;
      total.files += size.files;
    }
    for (const name of await readdir(join(outputPath, period))) {
      if (!name.endsWith('.pf_meta')) continue;
      pageLists.bytes += (await stat(join(outputPath, period, name))).size;
      pageLists.files++;
    }
  }

  // A correction to the oldest story's headline, as a publish would make it.
  const oldest = records.at(-1);
  if (!oldest) throw new Error('No stories were written.');
  records[records.length - 1] = { ...oldest, title: `${oldest.title}, corrected` };
  await writeArticleList(listFile, records);
  const editStarted = performance.now();
  const edited = await buildSearchBundles(options);
  const editMs = performance.now() - editStarted;
  console.log('One old headline corrected, indexing again…');
  printIndexed(edited.indexed);

  if (bundles.pageCount !== count || edited.pageCount !== count) {
    console.error(
      `Pagefind indexed ${bundles.pageCount} pages, then ${edited.pageCount}, not ${count}.`,
    );
    process.exitCode = 1;
  }
  if (edited.indexed.length !== 1) {
    console.error(`The edit indexed ${edited.indexed.length} bundles again, not 1.`);
    process.exitCode = 1;
  }
  const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
  const totals = bundles.indexed.map((indexed) => indexed.adding + indexed.writing);
  console.log(`articles:               ${bundles.pageCount}`);
  console.log(`bundles (months):       ${bundles.bundles.length}`);
  console.log(`indexing seconds:       ${seconds(indexingMs)}`);
  console.log(
    `  per bundle:           ${seconds(Math.min(...totals))} to ${seconds(Math.max(...totals))}`,
  );
  console.log(`after the edit:         ${seconds(editMs)}`);
  console.log(
    `index size (MB):        ${(bundle.bytes / 1e6).toFixed(1)} in ${bundle.files} files`,
  );
  console.log(
    `  word index (MB):      ${(searchData.bytes / 1e6).toFixed(1)} in ${searchData.files} chunks, ` +
      `${(searchData.bytes / searchData.files / 1e3).toFixed(1)} kB each (a search loads a word's chunk from each bundle)`,
  );
  console.log(
    `  page lists (kB):      ${(pageLists.bytes / 1e3).toFixed(1)} in ${pageLists.files} files (a search loads each bundle's)`,
  );
  console.log(
    `  fragments (MB):       ${(fragments.bytes / 1e6).toFixed(1)} in ${fragments.files} files`,
  );
  console.log(`peak RSS, Node:         ${mib(process.resourceUsage().maxRSS)}`);
  console.log(
    `peak RSS, Pagefind:     ${pagefindPeakKiB === undefined ? 'not measured' : mib(pagefindPeakKiB)}`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
