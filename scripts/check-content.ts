/**
 * `npm run check:content`: validates every article under content/ (and the
 * image files articles use) without building the site, and prints each
 * problem as `path:line:column: message`, after a warning for each file left
 * out that may have been meant as an article. Exits 1 when there are problems.
 */
import { join } from 'node:path';
import { formatProblemReport, plural, problemToString } from '../src/lib/articles/problems.ts';
import { readClock } from '../src/lib/clock.ts';
import { loadCollection } from '../src/lib/collection.ts';
import { createAdaptiveParser } from '../src/lib/parse-pool.ts';

const rootDir = process.cwd();
const started = performance.now();
try {
  const parser = createAdaptiveParser();
  const collection = await loadCollection({
    rootDir,
    contentDir: join(rootDir, 'content'),
    now: readClock(process.env),
    includeUnpublished: false,
    parse: (file) => parser.parse(file),
  }).finally(() => parser.close());
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  for (const warning of collection.warnings) console.warn(problemToString(warning));
  if (collection.problems.length) {
    console.error(formatProblemReport(collection.problems));
    process.exitCode = 1;
  } else {
    console.log(
      `${plural(collection.fileCount, 'article file')} checked in ${seconds} s: no problems. ` +
        `${collection.articles.length} published, ${plural(collection.left.drafts, 'draft')}, ${collection.left.scheduled} scheduled.` +
        (collection.warnings.length
          ? ` ${plural(collection.warnings.length, 'file')} left out (see above).`
          : ''),
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
