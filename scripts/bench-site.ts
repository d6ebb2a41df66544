/**
 * `npm run bench -- --articles N [--compare | --stock-only] [--stock-cold-only] [--no-verify | --verify-last]`
 *
 * Generates N deterministic synthetic articles and publishes them as an
 * editor does, with `npm run build` (every page, feed, sitemap and the
 * search index, staged and swapped into `dist/`, with the deploy manifest)
 * in a throwaway project; then applies one kind of publish after another to
 * the same project: nothing changed (the first publish after a full build,
 * which compiles the publish renderer), a story added, a body edited, a headline edited, a story
 * moved to another section, a story deleted, a correction added to an old story.
 * For each build it prints wall and CPU seconds, peak memory (RSS of the
 * largest process), pages written, pages per second and output size; for
 * each of ours, the work and changes `dist-changes.json` reports (articles
 * read and parsed, pages rendered and reused, files changed and removed),
 * and whether the output is identical to a clean build of the same content.
 *
 * `--compare` builds the same corpus and the same publishes with two stock
 * Astro sites (`astro build`), interleaved with ours so that machine drift
 * cancels, and prints the ratios: `stock`, beside this script, with Astro's
 * native Markdown processor, and `stock-remark`, the same site with its
 * remark processor. `--stock-only` builds the two stock sites alone, for
 * sizes where all three in one run take too long; `--stock-cold-only` builds
 * them cold only, and publishes ours alone. `--verify-last` compares only
 * the last publish with a clean build (it holds every change before it), for
 * archives where a clean build per step takes too long. Results are also written
 * as JSON under bench-results/, with each build's log beside them.
 * Peak memory and CPU come from GNU time (Debian's `time` package).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildEnvironment,
  createSiteProject,
  PROJECT_ROOT,
  run,
  snapshotProjectCode,
  type SiteProject,
} from './lib/site-project.ts';
import { differingFiles, hashFiles } from './lib/file-hashes.ts';
import { syntheticArticle, writeSyntheticArticles } from './lib/synthetic-articles.ts';

const STOCK_TEMPLATE = join(PROJECT_ROOT, 'scripts/bench/stock-site');
/** The remark variant's configuration, put over the stock site's own. */
const STOCK_REMARK_CONFIG = join(PROJECT_ROOT, 'scripts/bench/stock-remark-site/astro.config.mjs');
const TIME = '/usr/bin/time';
const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
/** The clock every build runs at, after every synthetic article. */
const CLOCK = '2026-11-02T00:00:00Z';
/** The deploy manifest `npm run build` writes in the project's root. */
const MANIFEST = 'dist-changes.json';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    compare: { type: 'boolean', default: false },
    'stock-only': { type: 'boolean', default: false },
    'stock-cold-only': { type: 'boolean', default: false },
    'no-verify': { type: 'boolean', default: false },
    'verify-last': { type: 'boolean', default: false },
  },
});
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 10) {
  console.error(
    'Usage: npm run bench -- --articles N [--compare | --stock-only] [--stock-cold-only] [--no-verify | --verify-last]   (N ≥ 10)',
  );
  process.exit(2);
}
if (!existsSync(TIME)) {
  console.error(
    `${TIME} is missing: install GNU time (Debian package "time") to measure CPU and memory.`,
  );
  process.exit(2);
}

type Site = 'ours' | 'stock' | 'stock-remark';

/**
 * What one of our publishes did, from its deploy manifest; null where the
 * manifest or the figure is missing.
 */
interface PublishChanges {
  articlesRead: number | null;
  articlesParsed: number | null;
  pagesRendered: number | null;
  pagesReused: number | null;
  filesChanged: number | null;
  changedBytes: number | null;
  filesRemoved: number | null;
}

/** What one build cost and produced. */
interface BuildFigures {
  site: Site;
  step: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  pages: number;
  pagesPerSecond: number;
  outputMiB: number;
  /** For our builds: what the deploy manifest reports; null when the build wrote none. */
  changes?: PublishChanges | null | undefined;
  /** For our publishes after the cold build: whether the output equals a clean build of the same content. */
  identicalToClean?: boolean | undefined;
  /** The files that differ from the clean build, when some do. */
  differingFromClean?: string[] | undefined;
  /** Why the build failed, when it did: the error's first line. */
  failure?: string | undefined;
}

const results: BuildFigures[] = [];
const started = Date.now();
const RESULTS_DIR = join(PROJECT_ROOT, 'bench-results');
/** This run's build logs, for seeing where a build's time goes. */
const LOG_DIR = join(
  RESULTS_DIR,
  `bench-${count}-${new Date(started).toISOString().replace(/[:.]/g, '-')}-logs`,
);

/** A progress line: what runs now, and for how long the benchmark has run. */
function progress(message: string): void {
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`[${minutes} min] ${message}`);
}

/**
 * Builds one site under GNU time and measures its output: ours with
 * `npm run build` (scripts/build.ts), a stock site with `astro build`.
 */
async function measureBuild(project: SiteProject, site: Site, step: string): Promise<BuildFigures> {
  progress(`${site}: ${step}…`);
  const timeFile = join(project.root, '.time');
  const command = site === 'ours' ? [join(project.root, 'scripts/build.ts')] : [ASTRO, 'build'];
  const buildStarted = Date.now();
  const result = await run(
    TIME,
    ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, ...command],
    { cwd: project.root, env: { ...buildEnvironment(), SITE_CLOCK: CLOCK } },
  );
  await mkdir(LOG_DIR, { recursive: true });
  await writeFile(
    join(LOG_DIR, `${site}-${step.replace(/\W+/g, '-')}.log`),
    result.stdout + result.stderr,
  );
  const [wall, user, system, maxRssKiB] = (await readFile(timeFile, 'utf8'))
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number) as [number, number, number, number];
  const timing = {
    site,
    step,
    wallSeconds: wall,
    cpuSeconds: user + system,
    peakRssMiB: Math.round(maxRssKiB / 1024),
  };
  if (result.code !== 0) {
    // A stock build may fail at scale; that is a result, not the end of the run.
    const output = result.stdout + result.stderr;
    const failure =
      /Caused by:\s*\n\s*(.+)/.exec(output)?.[1] ??
      /^.*(?:Error|error).*$/m.exec(output)?.[0] ??
      `exit code ${result.code}`;
    progress(`${site}: ${step}: FAILED after ${wall.toFixed(1)} s: ${failure.trim()}`);
    return { ...timing, pages: 0, pagesPerSecond: 0, outputMiB: 0, failure: failure.trim() };
  }
  const { pages, bytes } = await measureOutput(project.distDir);
  const figures: BuildFigures = {
    ...timing,
    pages,
    pagesPerSecond: Math.round(pages / wall),
    outputMiB: Number((bytes / 2 ** 20).toFixed(1)),
  };
  if (site === 'ours') figures.changes = await readChanges(project.root, buildStarted);
  progress(
    `${site}: ${step}: ${figures.wallSeconds.toFixed(1)} s, ${figures.peakRssMiB} MiB, ${pages} pages`,
  );
  return figures;
}

/**
 * The figures of the deploy manifest a publish wrote; null when there is
 * none from this build (one older than the build is a past build's).
 */
async function readChanges(root: string, buildStarted: number): Promise<PublishChanges | null> {
  const path = join(root, MANIFEST);
  if (!existsSync(path) || (await stat(path)).mtimeMs < buildStarted - 1000) return null;
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return null;
  }
  const field = (holder: unknown, key: string): unknown =>
    typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>)[key] : null;
  const figure = (value: unknown) => (typeof value === 'number' ? value : null);
  const length = (value: unknown) => (Array.isArray(value) ? value.length : null);
  const work = field(manifest, 'work');
  return {
    articlesRead: figure(field(work, 'articlesRead')),
    articlesParsed: figure(field(work, 'articlesParsed')),
    pagesRendered: figure(field(work, 'pagesRendered')),
    pagesReused: figure(field(work, 'pagesReused')),
    filesChanged: length(field(manifest, 'changed')),
    changedBytes: figure(field(manifest, 'changedBytes')),
    filesRemoved: length(field(manifest, 'removed')),
  };
}

/** Counts HTML pages and total bytes under a build's output folder. */
async function measureOutput(dir: string): Promise<{ pages: number; bytes: number }> {
  let pages = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    if (entry.name.endsWith('.html')) pages++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { pages, bytes };
}

/**
 * Publishes the same content from scratch and compares outputs; returns the
 * files that differ, and prints the first few.
 */
async function differencesFromCleanBuild(project: SiteProject): Promise<string[]> {
  progress('ours: clean build of the same content, to compare…');
  const clean = await createSiteProject(project.contentDir, code);
  try {
    const result = await clean.publish({ SITE_CLOCK: CLOCK });
    if (result.code !== 0)
      throw new Error(`The clean reference build failed:\n${result.stderr.slice(-2000)}`);
    const [published, reference] = await Promise.all([
      hashFiles(project.distDir),
      hashFiles(clean.distDir),
    ]);
    const differences = differingFiles(published, reference);
    if (differences.length) {
      progress(
        `STALE: ${differences.length} files differ from a clean build, e.g. ${differences.slice(0, 5).join(', ')}`,
      );
    }
    return differences;
  } finally {
    await clean.remove();
  }
}

/** The file of synthetic article `index` in a content folder. */
const articleFile = (contentDir: string, index: number) =>
  join(contentDir, syntheticArticle(index).path);

/** Rewrites a file's text. */
async function rewrite(path: string, change: (text: string) => string): Promise<void> {
  await writeFile(path, change(await readFile(path, 'utf8')));
}

/** The slugs a synthetic article names in `related`. */
function relatedSlugs(index: number): string[] {
  const list = /^related: \[(.*)\]$/m.exec(syntheticArticle(index).text)?.[1];
  return list ? list.split(', ') : [];
}

// The articles each publish touches: article 0 is the newest, N - 1 the oldest.
const EDITED_BODY = Math.floor(count / 2);
const EDITED_HEADLINE = Math.floor(count / 3);
const MOVED = Math.floor(count / 4);
const CORRECTED = count - 1;
/**
 * A mid-archive story that no other story names in `related`, so that
 * deleting it leaves a valid archive. The generator relates a story only to
 * one of the ten before it, so the ten after it are the ones to check (the
 * added story, number N, among them near the end).
 */
const DELETED = (() => {
  for (let index = Math.floor((2 * count) / 3); index < CORRECTED; index++) {
    const slug = syntheticArticle(index).slug;
    const namers = Array.from({ length: 10 }, (_, offset) => index + 1 + offset);
    if (!namers.some((namer) => relatedSlugs(namer).includes(slug))) return index;
  }
  throw new Error('No story in the second half of the archive can be deleted.');
})();

/** The publishes, in order, each applied to a project's content folder after the last. */
const PUBLISHES: { step: string; apply(contentDir: string): Promise<void> }[] = [
  {
    // Ours compiles its publish renderer on the first publish after a full build.
    step: 'nothing changed (first publish)',
    apply: async () => {},
  },
  {
    step: 'one story added',
    apply: async (contentDir) => {
      const article = syntheticArticle(count);
      // The story is moved to the newest time; corrections and updates made
      // for its own, older time would come before it, which is refused.
      const text = article.text
        .replace(/^published: .*$/m, 'published: 2026-11-01T12:00:00+03:00')
        .replace(/^(?:corrections|updates):\n(?: {2}.*\n)*/gm, '');
      await mkdir(join(contentDir, '2026/11'), { recursive: true });
      await writeFile(join(contentDir, '2026/11', `${article.slug}.md`), text);
    },
  },
  {
    step: 'one body edited',
    apply: (contentDir) =>
      rewrite(articleFile(contentDir, EDITED_BODY), (text) =>
        text.replace(/\n$/, ' A corrected sentence.\n'),
      ),
  },
  {
    step: 'one headline edited',
    apply: (contentDir) =>
      rewrite(articleFile(contentDir, EDITED_HEADLINE), (text) =>
        text.replace(/^title: (.*)$/m, 'title: $1, corrected'),
      ),
  },
  {
    step: 'one story moved to another section',
    apply: async (contentDir) => {
      // The next article's section: the generator deals sections in turn, so it differs.
      const section = /^section: .*$/m.exec(syntheticArticle(MOVED + 1).text)![0];
      await rewrite(articleFile(contentDir, MOVED), (text) =>
        text.replace(/^section: .*$/m, section),
      );
    },
  },
  {
    step: 'one story deleted',
    apply: (contentDir) => rm(articleFile(contentDir, DELETED)),
  },
  {
    step: 'correction added to an old story',
    apply: (contentDir) => rewrite(articleFile(contentDir, CORRECTED), addCorrection),
  },
];

/** Adds a correction, made a day after the story, to an article file's `corrections`. */
function addCorrection(text: string): string {
  const published = /^published: (.*)$/m.exec(text)![1]!;
  const at = new Date(Date.parse(published) + 24 * 60 * 60 * 1000).toISOString();
  const entry = `  - at: ${at}\n    text: An earlier version of this story gave the wrong date for the vote.\n`;
  if (/^corrections:\n/m.test(text))
    return text.replace(/^corrections:\n/m, `corrections:\n${entry}`);
  const end = text.indexOf('\n---', 3);
  return `${text.slice(0, end + 1)}corrections:\n${entry}${text.slice(end + 1)}`;
}

const corpus = await mkdtemp(join(tmpdir(), 'newsroom-bench-corpus-'));
progress(`generating ${count} synthetic articles…`);
await writeSyntheticArticles(corpus, count);

// Every build of ours uses this copy of the code, even if the working tree changes meanwhile.
const code = await snapshotProjectCode();
const withStock = values.compare || values['stock-only'];
const projects = new Map<Site, SiteProject>();
if (!values['stock-only']) projects.set('ours', await createSiteProject(corpus, code));
if (withStock) {
  projects.set('stock', await createSiteProject(corpus, STOCK_TEMPLATE));
  const stockRemark = await createSiteProject(corpus, STOCK_TEMPLATE);
  await cp(STOCK_REMARK_CONFIG, join(stockRemark.root, 'astro.config.mjs'));
  projects.set('stock-remark', stockRemark);
}
/** Whether a site's build has failed in this run; its later steps are then skipped. */
const hasFailed = (site: Site) =>
  results.some((row) => row.site === site && row.failure !== undefined);
try {
  for (const [site, project] of projects) {
    results.push(await measureBuild(project, site, 'cold build'));
  }
  for (const publish of PUBLISHES) {
    for (const [site, project] of projects) {
      if (hasFailed(site)) continue;
      if (site !== 'ours' && values['stock-cold-only']) continue;
      await publish.apply(project.contentDir);
      const figures = await measureBuild(project, site, publish.step);
      const verified = values['verify-last'] ? publish === PUBLISHES.at(-1) : !values['no-verify'];
      if (site === 'ours' && verified && figures.failure === undefined) {
        const differences = await differencesFromCleanBuild(project);
        figures.identicalToClean = differences.length === 0;
        if (differences.length) figures.differingFromClean = differences;
      }
      results.push(figures);
    }
  }
} finally {
  for (const project of projects.values()) await project.remove();
  await rm(corpus, { recursive: true, force: true });
  await rm(code, { recursive: true, force: true });
}

printTables(results);
if (hasFailed('ours')) process.exitCode = 1;
await mkdir(RESULTS_DIR, { recursive: true });
const outFile = join(
  RESULTS_DIR,
  `bench-${count}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
);
await writeFile(
  outFile,
  `${JSON.stringify({ articles: count, clock: CLOCK, results }, null, 2)}\n`,
);
console.log(`\nResults written to ${outFile.slice(PROJECT_ROOT.length + 1)}`);

function printTables(rows: BuildFigures[]): void {
  const STEP_WIDTH = 40;
  const number = (value: number | null | undefined, width: number) =>
    (value === null || value === undefined ? 'n/a' : value.toLocaleString('en-US')).padStart(width);

  console.log(`\n${count} articles: time and memory`);
  console.log(
    `site         ${'step'.padEnd(STEP_WIDTH)}  wall s   cpu s  peak MiB   pages  pages/s  out MiB  same as clean`,
  );
  for (const row of rows) {
    const timing = `${row.site.padEnd(12)} ${row.step.padEnd(STEP_WIDTH)} ${row.wallSeconds.toFixed(1).padStart(6)} ${row.cpuSeconds.toFixed(1).padStart(7)} ${String(row.peakRssMiB).padStart(9)}`;
    if (row.failure !== undefined) {
      console.log(`${timing}  FAILED: ${row.failure}`);
      continue;
    }
    const same =
      row.identicalToClean === undefined
        ? ''
        : row.identicalToClean
          ? 'yes'
          : `NO (${row.differingFromClean?.length} files)`;
    console.log(
      `${timing} ${String(row.pages).padStart(7)} ${String(row.pagesPerSecond).padStart(8)} ${row.outputMiB.toFixed(1).padStart(8)}  ${same}`,
    );
  }

  const ourBuilds = rows.filter((row) => row.site === 'ours' && row.failure === undefined);
  if (ourBuilds.length) {
    console.log(`\n${count} articles: our publishes, from ${MANIFEST}`);
    console.log(
      `${'step'.padEnd(STEP_WIDTH)}     read   parsed  rendered   reused  changed files  changed KiB  removed`,
    );
    for (const row of ourBuilds) {
      const changes = row.changes;
      const kib =
        changes?.changedBytes === null || changes?.changedBytes === undefined
          ? null
          : Math.round(changes.changedBytes / 1024);
      console.log(
        `${row.step.padEnd(STEP_WIDTH)} ${number(changes?.articlesRead, 8)} ${number(changes?.articlesParsed, 8)} ${number(changes?.pagesRendered, 9)} ${number(changes?.pagesReused, 8)} ${number(changes?.filesChanged, 14)} ${number(kib, 12)} ${number(changes?.filesRemoved, 8)}`,
      );
    }
  }

  const built = rows.filter((row) => row.failure === undefined);
  const find = (site: Site, step: string) =>
    built.find((row) => row.site === site && row.step === step);
  /** Wall time and peak memory of one build over another's, or blank when either is missing. */
  const ratio = (a: BuildFigures | undefined, b: BuildFigures | undefined) =>
    a && b
      ? `${(a.wallSeconds / b.wallSeconds).toFixed(2)} / ${(a.peakRssMiB / b.peakRssMiB).toFixed(2)}`
      : '';
  const steps = [...new Set(built.map((row) => row.step))];
  if (!steps.length) return;
  console.log('\nratios: wall / peak memory');
  console.log(
    `${'step'.padEnd(STEP_WIDTH)}   ours/stock  ours/stock-remark  stock-remark/stock  ours/our cold`,
  );
  const ourCold = find('ours', 'cold build');
  for (const step of steps) {
    const ours = find('ours', step);
    const stock = find('stock', step);
    const stockRemark = find('stock-remark', step);
    const overCold =
      ours && ourCold && ours !== ourCold
        ? (ours.wallSeconds / ourCold.wallSeconds).toFixed(2)
        : '';
    console.log(
      `${step.padEnd(STEP_WIDTH)}  ${ratio(ours, stock).padStart(11)}  ${ratio(ours, stockRemark).padStart(17)}  ${ratio(stockRemark, stock).padStart(18)}  ${overCold.padStart(13)}`,
    );
  }
}
