/**
 * `npm run build`: the production build, written to a staging folder and
 * moved into `dist/` only when the whole build succeeded. Whatever fails
 * (a bad article, a page that throws, the search index), `dist/` keeps the
 * last good site, never a half-written one.
 *
 * When the code is the code the site in `dist/` was built with, only the
 * content changed: a publish renders just the pages the change touches
 * (`lib/publish.ts`) and applies them to `dist/` in place, in one journaled
 * step once everything is rendered (`lib/apply-changes.ts`); it falls back
 * to a full build for what it cannot do the way a full build would.
 * `--full` asks for a full build.
 *
 * A full build is swapped in whole; before the swap, each file whose bytes
 * did not change becomes a hard link to the last `dist/`'s file, so it keeps
 * its modification time. Either way the deploy manifest `dist-changes.json`
 * lists what changed, so that a deploy uploads only that (see the README's
 * "Deploying").
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PAGE_WORK_FILE } from '../src/integrations/build-recorder.ts';
import { NEXT_RECORD_DIR, ROUTES_FILE, STATE_DIR } from '../src/lib/publish/state.ts';
import { leadImagesVersion } from './lib/code-version.ts';
import { applyChangeSet, finishInterruptedChanges } from './lib/apply-changes.ts';
import { linkUnchangedFiles, type OutputChanges } from './lib/output-changes.ts';
import {
  BUILD_FILE,
  buildIdentity,
  FullBuildNeeded,
  publishChanges,
  SITE_STAMP_FILE,
  siteStamp,
  type PublishWork,
} from './lib/publish.ts';

const root = process.cwd();
const PREVIOUS_PREFIX = 'previous-dist-';
const dist = join(root, 'dist');
const staging = join(root, '.astro', 'staging-dist');
/** The last site while the new one takes its place; each build its own, deleted in the background. */
const previous = join(root, '.astro', `${PREVIOUS_PREFIX}${process.pid}-${Date.now()}`);
const manifest = join(root, 'dist-changes.json');
const partialManifest = join(root, 'dist-changes.json.partial');
const cacheDir = join(root, '.astro', 'cache');
// The loader's ARTICLE_SYNC_WORK_FILE, named here since importing the
// loader would load the whole article pipeline for one name.
const articleSyncFile = join(cacheDir, 'article-sync.json');

const started = Date.now();
if (await finishInterruptedChanges(root, dist)) {
  console.log('The last publish was stopped while it updated dist/; its changes are now applied.');
}
// Last sites that a killed build or an unfinished background deletion left.
for (const name of await readdir(join(root, '.astro')).catch(() => [])) {
  if (name.startsWith(PREVIOUS_PREFIX)) removeInBackground(join(root, '.astro', name));
}
const args = process.argv.slice(2).filter((arg) => arg !== '--full');
const nextRecord = join(cacheDir, NEXT_RECORD_DIR);
await rm(staging, { recursive: true, force: true });
await rm(partialManifest, { force: true });
await rm(nextRecord, { recursive: true, force: true });

let published: PublishWork | undefined;
if (!process.argv.includes('--full') && existsSync(dist)) {
  try {
    published = await publishChanges({ root, dist, staging });
  } catch (error) {
    if (!(error instanceof FullBuildNeeded)) {
      // A content problem's message is the whole report; anything else is a fault with a stack.
      console.error(error instanceof Error ? error.stack || error.message : String(error));
      await fail(1);
    }
    console.log(`A full build, since ${(error as Error).message}.`);
    await rm(staging, { recursive: true, force: true });
    await rm(nextRecord, { recursive: true, force: true });
  }
}
if (!published) await fullBuild();

const [articles, pages] = published
  ? [published, published]
  : await Promise.all([
      readCounts(articleSyncFile, ['articleFiles', 'articlesRead', 'articlesParsed']),
      readCounts(join(cacheDir, PAGE_WORK_FILE), ['pagesRendered', 'pagesReused']),
    ]);
const work = {
  articleFiles: articles?.articleFiles ?? null,
  articlesRead: articles?.articlesRead ?? null,
  articlesParsed: articles?.articlesParsed ?? null,
  pagesRendered: pages?.pagesRendered ?? null,
  pagesReused: pages?.pagesReused ?? null,
};
const manifestText = (changes: OutputChanges) =>
  `${JSON.stringify({ format: 1, ...changes, work }, null, 2)}\n`;
const state = join(cacheDir, STATE_DIR);
const changes = published ? await applyPublish(published) : await swapInFullBuild();
// Which site in dist/ the record describes, so that a publish notices one
// that another build (a plain `astro build`) put there since.
await writeFile(join(state, SITE_STAMP_FILE), `${JSON.stringify(await siteStamp(dist))}\n`);

console.log(
  [
    `Changed: ${count(changes.changed.length, 'file')} (${formatBytes(changes.changedBytes)}), ` +
      `${formatNumber(changes.removed.length)} removed, ${formatNumber(changes.unchangedCount)} unchanged.`,
    articles
      ? `Articles: ${count(articles.articleFiles, 'file')}, ${formatNumber(articles.articlesRead)} read, ` +
        `${formatNumber(articles.articlesParsed)} parsed.`
      : 'Articles: not counted.',
    pages
      ? `Pages: ${formatNumber(pages.pagesRendered)} rendered, ${formatNumber(pages.pagesReused)} reused.`
      : 'Pages: not counted.',
  ].join(' '),
);
console.log('The site is in dist/.');
// The build is done once the new site is in place: the last one (mostly
// hard links to the new site's files) is deleted after this process ends.
if (existsSync(previous)) removeInBackground(previous);

/**
 * Applies a publish's change set to dist/ in place, with the record of the
 * site (see `lib/apply-changes.ts`).
 */
async function applyPublish(publish: PublishWork): Promise<OutputChanges> {
  return applyChangeSet({
    root,
    dist,
    staging,
    removals: publish.removals,
    renames: [[join(nextRecord, ROUTES_FILE), join(state, ROUTES_FILE)]],
    manifest: { path: manifest, text: manifestText },
  }).catch((error: unknown) => {
    console.error(`Applying the publish to dist/ failed: ${String(error)}`);
    return fail(1);
  });
}

/**
 * Puts a full build's site in place of dist/: files whose bytes did not
 * change become links to the last site's, then two renames swap the sites,
 * so dist/ is missing only between them, never half-written.
 */
async function swapInFullBuild(): Promise<OutputChanges> {
  const changes = await linkUnchangedFiles(staging, dist).catch((error: unknown) => {
    console.error(`Comparing the new site with dist/ failed: ${String(error)}`);
    return fail(1);
  });
  await writeFile(partialManifest, manifestText(changes));
  if (existsSync(dist)) await rename(dist, previous);
  await rename(staging, dist);
  await rename(partialManifest, manifest);
  // What the next publish knows of the site now in dist/.
  await rm(state, { recursive: true, force: true });
  await rename(nextRecord, state);
  return changes;
}

/** Deletes a folder in a process of its own that outlives this one. */
function removeInBackground(folder: string): void {
  spawn('rm', ['-rf', '--', folder], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Runs Astro's build into the staging folder, with the build recorder's
 * record of it (and of the code it was built from) in the next-record
 * folder; exits when it fails.
 */
async function fullBuild(): Promise<void> {
  const identity = await buildIdentity(root);
  const code = await new Promise<number | null>((resolve) => {
    const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const child = spawn(process.execPath, [astro, 'build', '--outDir', staging, ...args], {
      stdio: 'inherit',
    });
    child.on('close', resolve);
  });
  if (code !== 0) await fail(code ?? 1);
  if (!existsSync(join(nextRecord, 'routes.json'))) {
    console.error('The build left no record of its pages; the next publish builds in full.');
  }
  await mkdir(nextRecord, { recursive: true });
  const leadImages = await leadImagesVersion(root);
  await writeFile(join(nextRecord, BUILD_FILE), `${JSON.stringify({ ...identity, leadImages })}\n`);
}

/** Drops the staging folder, says that dist/ is as it was, and exits with `exitCode`. */
async function fail(exitCode: number): Promise<never> {
  await rm(staging, { recursive: true, force: true });
  await rm(nextRecord, { recursive: true, force: true });
  console.error(
    existsSync(dist)
      ? 'The build failed; dist/ still holds the last good site.'
      : 'The build failed; nothing was written to dist/.',
  );
  process.exit(exitCode);
}

/**
 * The counts named `keys` from a JSON file that this build wrote into the
 * cache folder, or null when the file is missing, older than this build,
 * or lacks one of them.
 */
async function readCounts<Key extends string>(
  file: string,
  keys: Key[],
): Promise<Record<Key, number> | null> {
  let values: unknown;
  try {
    if ((await stat(file)).mtimeMs < started) return null;
    values = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof values !== 'object' || values === null) return null;
  const counts: Partial<Record<Key, number>> = {};
  for (const key of keys) {
    const value: unknown = (values as Record<string, unknown>)[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return null;
    counts[key] = value;
  }
  return counts as Record<Key, number>;
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-US');
}

function count(value: number, noun: string): string {
  return `${formatNumber(value)} ${noun}${value === 1 ? '' : 's'}`;
}

/** A size in bytes, kilobytes, megabytes or gigabytes (powers of 1,000), to one decimal. */
function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1000 ** 2) return `${(bytes / 1000).toFixed(1)} kB`;
  if (bytes < 1000 ** 3) return `${(bytes / 1000 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1000 ** 3).toFixed(1)} GB`;
}
