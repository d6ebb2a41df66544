/**
 * `npm run bench -- --articles N [--compare] [--no-verify]`
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
 * the ratios. Results are also written as JSON under bench-results/.
 * Peak memory and CPU come from GNU time (Debian's `time` package).
 */
import { createHash } from 'node:crypto';
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
} from '../tests/helpers/site-project.ts';
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
    'no-verify': { type: 'boolean', default: false },
  },
});
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 10) {
  console.error('Usage: npm run bench -- --articles N [--compare] [--no-verify]   (N ≥ 10)');
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
}

const results: BuildFigures[] = [];
const started = Date.now();

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
  if (result.code !== 0) {
    console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
    throw new Error(`The ${site} build failed at step "${step}".`);
  }
  const [wall, user, system, maxRssKiB] = (await readFile(timeFile, 'utf8'))
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number) as [number, number, number, number];
  const { pages, bytes } = await measureOutput(project.distDir);
  const figures: BuildFigures = {
    site,
    step,
    wallSeconds: wall,
    cpuSeconds: user + system,
    peakRssMiB: Math.round(maxRssKiB / 1024),
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

/** Every file under `dir` with a hash of its bytes. */
async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(
      path.slice(dir.length),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return hashes;
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
      hashTree(project.distDir),
      hashTree(clean.distDir),
    ]);
    const differences = [...new Set([...incremental.keys(), ...reference.keys()])].filter(
      (path) => incremental.get(path) !== reference.get(path),
    );
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
const ours = await createSiteProject(corpus, code);
const stock = values.compare ? await createSiteProject(corpus, STOCK_TEMPLATE) : undefined;
try {
  results.push(await measureBuild(ours, 'ours', 'cold build'));
  if (stock) results.push(await measureBuild(stock, 'stock', 'cold build'));
  for (const edit of EDITS) {
    await edit.apply(ours.contentDir);
    const figures = await measureBuild(ours, 'ours', edit.step);
    if (!values['no-verify']) figures.identicalToClean = await sameAsCleanBuild(ours);
    results.push(figures);
    if (stock) {
      await edit.apply(stock.contentDir);
      results.push(await measureBuild(stock, 'stock', edit.step));
    }
  }
} finally {
  await ours.remove();
  await stock?.remove();
  await rm(corpus, { recursive: true, force: true });
  await rm(code, { recursive: true, force: true });
}

printTable(results);
const outDir = join(PROJECT_ROOT, 'bench-results');
await mkdir(outDir, { recursive: true });
const outFile = join(
  outDir,
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
    console.log(
      `${row.site.padEnd(6)} ${row.step.padEnd(38)} ${row.wallSeconds.toFixed(1).padStart(6)} ${row.cpuSeconds.toFixed(1).padStart(7)} ${String(row.peakRssMiB).padStart(9)} ${String(row.pages).padStart(7)} ${String(row.pagesPerSecond).padStart(8)} ${row.outputMiB.toFixed(1).padStart(8)}  ${row.identicalToClean === undefined ? '' : row.identicalToClean ? 'yes' : 'NO'}`,
    );
  }
  const cold = rows.find((row) => row.site === 'ours' && row.step === 'cold build');
  const stockCold = rows.find((row) => row.site === 'stock' && row.step === 'cold build');
  if (!cold) return;
  console.log('\nratios');
  for (const row of rows.filter((candidate) => candidate.site === 'ours' && candidate !== cold)) {
    console.log(
      `ours ${row.step} / ours cold build: ${(row.wallSeconds / cold.wallSeconds).toFixed(2)}`,
    );
  }
  if (stockCold) {
    for (const row of rows.filter((candidate) => candidate.site === 'ours')) {
      const matching = rows.find(
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
