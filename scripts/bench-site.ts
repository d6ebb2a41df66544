/**
 * `npm run bench -- --articles N [--compare | --stock-only] [--no-verify]`
 *
 * Generates N deterministic synthetic articles, runs the full production
 * build on them (every page, feed, sitemap and the search index) in a
 * throwaway project, then rebuilds after editing one body, editing one
 * headline and adding one article. For each build it prints wall and CPU
 * seconds, peak memory (RSS of the largest process), pages written, pages per
 * second and output size, and checks that each rebuild's output is identical
 * to a clean build of the same content.
 *
 * `--compare` builds the same corpus with the stock Astro site beside this
 * script, interleaved with ours so that machine drift cancels, and prints
 * the ratios. `--stock-only` builds the stock site alone, for sizes where
 * both in one run take too long. Results are also written as JSON under
 * bench-results/, with each build's log beside them.
 * Peak memory and CPU come from GNU time (Debian's `time` package).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
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
const TIME = '/usr/bin/time';
const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
/** The clock every build runs at, after every synthetic article. */
const CLOCK = '2026-11-02T00:00:00Z';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    compare: { type: 'boolean', default: false },
    'stock-only': { type: 'boolean', default: false },
    'no-verify': { type: 'boolean', default: false },
  },
});
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 10) {
  console.error(
    'Usage: npm run bench -- --articles N [--compare | --stock-only] [--no-verify]   (N ≥ 10)',
  );
  process.exit(2);
}
if (!existsSync(TIME)) {
  console.error(
    `${TIME} is missing: install GNU time (Debian package "time") to measure CPU and memory.`,
  );
  process.exit(2);
}

/** What one build cost and produced. */
interface BuildFigures {
  site: 'ours' | 'stock';
  step: string;
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  pages: number;
  pagesPerSecond: number;
  outputMiB: number;
  /** For our rebuilds: whether the output equals a clean build of the same content. */
  identicalToClean?: boolean | undefined;
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

/** Runs one production build under GNU time and measures its output. */
async function measureBuild(
  project: SiteProject,
  site: 'ours' | 'stock',
  step: string,
): Promise<BuildFigures> {
  progress(`${site}: ${step}…`);
  const timeFile = join(project.root, '.time');
  const result = await run(
    TIME,
    ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, ASTRO, 'build'],
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
  progress(
    `${site}: ${step}: ${figures.wallSeconds.toFixed(1)} s, ${figures.peakRssMiB} MiB, ${pages} pages`,
  );
  return figures;
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

/** Builds the same content from scratch and compares outputs; prints the first differences. */
async function sameAsCleanBuild(project: SiteProject): Promise<boolean> {
  progress('ours: clean build of the same content, to compare…');
  const clean = await createSiteProject(project.contentDir, code);
  try {
    const result = await run(process.execPath, [ASTRO, 'build'], {
      cwd: clean.root,
      env: { ...buildEnvironment(), SITE_CLOCK: CLOCK },
    });
    if (result.code !== 0)
      throw new Error(`The clean reference build failed:\n${result.stderr.slice(-2000)}`);
    const [incremental, reference] = await Promise.all([
      hashFiles(project.distDir),
      hashFiles(clean.distDir),
    ]);
    const differences = differingFiles(incremental, reference);
    if (differences.length) {
      progress(
        `STALE: ${differences.length} files differ from a clean build, e.g. ${differences.slice(0, 5).join(', ')}`,
      );
    }
    return differences.length === 0;
  } finally {
    await clean.remove();
  }
}

/** The three edits, applied to a project's content folder. */
const EDITS: { step: string; apply(contentDir: string): Promise<void> }[] = [
  {
    step: 'rebuild after editing one body',
    apply: async (contentDir) => {
      const article = syntheticArticle(Math.floor(count / 2));
      const path = join(contentDir, article.path);
      await writeFile(
        path,
        (await readFile(path, 'utf8')).replace(/\n$/, ' A corrected sentence.\n'),
      );
    },
  },
  {
    step: 'rebuild after editing one headline',
    apply: async (contentDir) => {
      const article = syntheticArticle(Math.floor(count / 3));
      const path = join(contentDir, article.path);
      await writeFile(
        path,
        (await readFile(path, 'utf8')).replace(/^title: (.*)$/m, 'title: $1, corrected'),
      );
    },
  },
  {
    step: 'rebuild after adding one article',
    apply: async (contentDir) => {
      const article = syntheticArticle(count);
      const text = article.text.replace(/^published: .*$/m, 'published: 2026-11-01T12:00:00+03:00');
      await mkdir(join(contentDir, '2026/11'), { recursive: true });
      await writeFile(join(contentDir, '2026/11', `${article.slug}.md`), text);
    },
  },
];

const corpus = await mkdtemp(join(tmpdir(), 'newsroom-bench-corpus-'));
progress(`generating ${count} synthetic articles…`);
await writeSyntheticArticles(corpus, count);

// Every build of ours uses this copy of the code, even if the working tree changes meanwhile.
const code = await snapshotProjectCode();
const ours = values['stock-only'] ? undefined : await createSiteProject(corpus, code);
const stock =
  values.compare || values['stock-only']
    ? await createSiteProject(corpus, STOCK_TEMPLATE)
    : undefined;
/** Whether a site's build has failed in this run; its later steps are then skipped. */
const hasFailed = (site: BuildFigures['site']) =>
  results.some((row) => row.site === site && row.failure !== undefined);
try {
  if (ours) results.push(await measureBuild(ours, 'ours', 'cold build'));
  if (stock) results.push(await measureBuild(stock, 'stock', 'cold build'));
  for (const edit of EDITS) {
    if (ours && !hasFailed('ours')) {
      await edit.apply(ours.contentDir);
      const figures = await measureBuild(ours, 'ours', edit.step);
      if (!values['no-verify'] && figures.failure === undefined) {
        figures.identicalToClean = await sameAsCleanBuild(ours);
      }
      results.push(figures);
    }
    if (stock && !hasFailed('stock')) {
      await edit.apply(stock.contentDir);
      results.push(await measureBuild(stock, 'stock', edit.step));
    }
  }
} finally {
  await ours?.remove();
  await stock?.remove();
  await rm(corpus, { recursive: true, force: true });
  await rm(code, { recursive: true, force: true });
}

printTable(results);
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

function printTable(rows: BuildFigures[]): void {
  console.log(`\n${count} articles`);
  console.log(
    'site   step                                   wall s   cpu s  peak MiB   pages  pages/s  out MiB  same as clean',
  );
  for (const row of rows) {
    if (row.failure !== undefined) {
      console.log(
        `${row.site.padEnd(6)} ${row.step.padEnd(38)} ${row.wallSeconds.toFixed(1).padStart(6)} ${row.cpuSeconds.toFixed(1).padStart(7)} ${String(row.peakRssMiB).padStart(9)}  FAILED: ${row.failure}`,
      );
      continue;
    }
    console.log(
      `${row.site.padEnd(6)} ${row.step.padEnd(38)} ${row.wallSeconds.toFixed(1).padStart(6)} ${row.cpuSeconds.toFixed(1).padStart(7)} ${String(row.peakRssMiB).padStart(9)} ${String(row.pages).padStart(7)} ${String(row.pagesPerSecond).padStart(8)} ${row.outputMiB.toFixed(1).padStart(8)}  ${row.identicalToClean === undefined ? '' : row.identicalToClean ? 'yes' : 'NO'}`,
    );
  }
  const built = rows.filter((row) => row.failure === undefined);
  const cold = built.find((row) => row.site === 'ours' && row.step === 'cold build');
  const stockCold = built.find((row) => row.site === 'stock' && row.step === 'cold build');
  if (!cold) return;
  console.log('\nratios');
  for (const row of built.filter((candidate) => candidate.site === 'ours' && candidate !== cold)) {
    console.log(
      `ours ${row.step} / ours cold build: ${(row.wallSeconds / cold.wallSeconds).toFixed(2)}`,
    );
  }
  if (stockCold) {
    for (const row of built.filter((candidate) => candidate.site === 'ours')) {
      const matching = built.find(
        (candidate) => candidate.site === 'stock' && candidate.step === row.step,
      );
      if (matching) {
        console.log(
          `ours/stock ${row.step}: wall ${(row.wallSeconds / matching.wallSeconds).toFixed(2)}, peak memory ${(row.peakRssMiB / matching.peakRssMiB).toFixed(2)}`,
        );
      }
    }
  }
}
