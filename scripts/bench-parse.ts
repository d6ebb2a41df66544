/**
 * `npm run bench:parse -- N`: generates N synthetic articles in a temporary
 * folder, then loads them with the collection code (read, parse, check) and
 * prints the parser's throughput and the process's peak memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCollection } from '../src/lib/collection.ts';
import { createAdaptiveParser } from '../src/lib/parse-pool.ts';
import { writeSyntheticArticles } from './lib/synthetic-articles.ts';

const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  console.error('Usage: npm run bench:parse -- N   (N: how many articles, a whole number)');
  process.exit(2);
}

const root = await mkdtemp(join(tmpdir(), 'newsroom-bench-parse-'));
try {
  const contentDir = join(root, 'content');
  console.log(`Generating ${count} synthetic articles…`);
  await writeSyntheticArticles(contentDir, count);

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const parser = createAdaptiveParser();
  const collection = await loadCollection({
    rootDir: root,
    contentDir,
    now: Date.UTC(2027, 0, 1),
    includeUnpublished: false,
    parse: (file) => parser.parse(file),
  }).finally(() => parser.close());
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);

  if (collection.problems.length) {
    console.error(
      `The synthetic corpus has ${collection.problems.length} problems; first: ${collection.problems[0]?.message}`,
    );
    process.exitCode = 1;
  }
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(`articles:        ${collection.articles.length}`);
  console.log(`wall seconds:    ${seconds.toFixed(2)}`);
  console.log(`cpu seconds:     ${((cpu.user + cpu.system) / 1e6).toFixed(2)}`);
  console.log(`articles/s:      ${(collection.articles.length / seconds).toFixed(0)}`);
  console.log(`peak RSS (MiB):  ${peakRssMiB.toFixed(0)}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
