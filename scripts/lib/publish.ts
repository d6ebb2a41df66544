/**
 * A publish without a full build: what `npm run build` does when the code is
 * the code the site in `dist/` was built with. It syncs the articles (only
 * files whose stamps changed are read), lists every path of the site with
 * its cache key through the publish renderer (`src/renderer/entry.ts`),
 * renders only the paths whose key changed or that have none, and stages
 * them, with what search, the sitemaps and body images need changed, as a
 * change set: the files to write (in a staging folder, at their places in
 * the site) and the files to remove. `apply-changes.ts` then applies the set
 * to `dist/` in one journaled step. The result is byte for byte what a full
 * build of the same content writes, which the site tests check for every
 * kind of change.
 *
 * Whatever it cannot do the way a full build would (a page that shows an
 * image no full build processed, a new lead image, code changed since the
 * last full build, no record of it) it does not try: it says why, and the
 * caller runs a full build.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtPageToPath } from '../../src/integrations/article-sitemap.ts';
import { copyBodyImages } from '../../src/integrations/body-images.ts';
import { buildSearchBundles } from '../../src/integrations/search/bundle-cache.ts';
import { linkTree, writeBundleListing } from '../../src/integrations/search/write-bundles.ts';
import { createImageInspector } from '../../src/lib/article-files.ts';
import { bodyImagePath } from '../../src/lib/articles/images.ts';
import { ARTICLE_LIST_FILE, readArticleList } from '../../src/lib/build-cache/article-list.ts';
import { BODY_HTML_DIR } from '../../src/lib/build-cache/body-html.ts';
import type { StoredArticle } from '../../src/lib/build-cache/stored-article.ts';
import { UNFINISHED_BUILD_MARKER } from '../../src/lib/build-cache/unfinished-build.ts';
import { buildClock } from '../../src/lib/clock.ts';
import { readImageUrls, type RecordedPath } from '../../src/lib/publish/state.ts';
import {
  pathToOutputFile,
  readRecordedPaths,
  ROUTES_FILE,
  STATE_DIR,
  NEXT_RECORD_DIR,
} from '../../src/lib/publish/state.ts';
import { ARTICLE_SYNC_WORK_FILE } from '../../src/loaders/articles-loader.ts';
import { pipelineVersion } from '../../src/loaders/pipeline-version.ts';
import { loadSourceStamps, SOURCE_STAMPS_FILE } from '../../src/loaders/source-stamps.ts';
import { syncArticles, type SyncResult, type SyncWork } from '../../src/loaders/sync-articles.ts';
import { articlesToLastmods, buildSitemaps } from '../../src/lib/sitemaps.ts';
import { articleToPath } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import { codeVersion, leadImagesVersion } from './code-version.ts';
import { BUNDLE_ENTRY_FILE, SEARCH_BUNDLE_DIR } from '../../src/lib/pagefind-names.ts';

/** What the build recorded about the code a state was built with. */
export const BUILD_FILE = 'build.json';

/** The renderer's folder and its record, in the cache folder. */
const RENDERER_DIR = 'publish/renderer';
const RENDERER_FILE = 'renderer.json';

/** What a publish did, for the deploy manifest. */
export interface PublishWork extends SyncWork {
  pagesRendered: number;
  pagesReused: number;
  /** The site's files to remove (relative, '/'-separated); the files to write are in staging. */
  removals: string[];
}

/** Why a publish left the work to a full build. */
export class FullBuildNeeded extends Error {
  override name = 'FullBuildNeeded';
}

/** The folders a publish reads and writes. */
export interface PublishFolders {
  root: string;
  /** The last good site. */
  dist: string;
  /** Where the files to write are staged, at their places in the site. */
  staging: string;
}

/** The file, in the state folder, that names the site in `dist/` the record describes. */
export const SITE_STAMP_FILE = 'site.json';

/**
 * A stamp of the site in `dist/`: the inode and modification time of its
 * front page, which every build writes (a publish keeps the file only when
 * its bytes are unchanged), so another build's site has another stamp.
 */
export async function siteStamp(dist: string): Promise<string> {
  const page = await stat(join(dist, 'index.html'), { bigint: true }).catch(() => undefined);
  return page ? `${page.dev}:${page.ino}:${page.mtimeNs}` : '';
}

/** What a full build was made from besides the content, as its record keeps it. */
export interface BuildIdentity {
  /** The code's version (`codeVersion`). */
  code: string;
  /** The site's address. */
  site: string;
  /** The lead images' version once the build had synced them (`leadImagesVersion`). */
  leadImages?: string;
}

/** The code's version and the site's address, which a state is built for. */
export async function buildIdentity(root: string): Promise<BuildIdentity> {
  return { code: await codeVersion(root), site: process.env.SITE_URL || siteSettings.url };
}

/**
 * Stages the content's changes: the files to write into `staging`, and the
 * list of files to remove. Leaves the new state in the next-record folder
 * for the caller to keep once the changes are applied.
 *
 * @throws FullBuildNeeded when the change needs a full build
 */
export async function publishChanges({
  root,
  dist,
  staging,
}: PublishFolders): Promise<PublishWork> {
  const cacheDir = join(root, '.astro', 'cache');
  const stateDir = join(cacheDir, STATE_DIR);
  const identity = await buildIdentity(root);
  const recordedBuild = await readJson<BuildIdentity>(join(stateDir, BUILD_FILE));
  const recorded = await readRecordedPaths(stateDir);
  if (!existsSync(dist) || !recorded || !recordedBuild) {
    throw new FullBuildNeeded('there is no record of the last build');
  }
  if (recordedBuild.code !== identity.code || recordedBuild.site !== identity.site) {
    throw new FullBuildNeeded('the code or the site address changed since the last full build');
  }
  if (existsSync(join(cacheDir, UNFINISHED_BUILD_MARKER))) {
    throw new FullBuildNeeded('the last build did not finish');
  }
  const recordedSite = await readJson<string>(join(stateDir, SITE_STAMP_FILE));
  if (recordedSite !== (await siteStamp(dist))) {
    throw new FullBuildNeeded('dist/ is not the site the last build left');
  }

  const phases = phaseTimer();
  const listFile = join(cacheDir, ARTICLE_LIST_FILE);
  const previousArticles = await readArticlesBySource(listFile);
  const { articles: published, work } = await syncContent(
    root,
    cacheDir,
    listFile,
    previousArticles,
  );
  phases.end('articles');
  // The pages' image pipeline compiles the lead images in: a new, changed
  // or dropped one changes which image files the site has.
  const leadImages = await leadImagesVersion(root);
  if (leadImages !== recordedBuild.leadImages) {
    throw new FullBuildNeeded('a lead image was added, replaced or dropped');
  }
  const renderer = await loadRenderer(root, cacheDir, identity.code, leadImages);
  renderer.useImageUrls(await readImageUrls(stateDir));
  phases.end('renderer');

  const paths = await renderer.staticPaths();
  phases.end('paths and keys');
  const before = new Map(recorded.map((path) => [path.pathname, path]));
  const now = new Set(paths.map((path) => path.pathname));
  const toRender = paths.filter(
    (path) => path.cacheKey === undefined || before.get(path.pathname)?.cacheKey !== path.cacheKey,
  );
  const gone = recorded.filter((path) => !now.has(path.pathname));

  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const removals = new Set<string>();
  const site = new URL(identity.site);
  console.log(`Rendering ${toRender.length} of ${paths.length} paths; the rest are as they were:`);
  for (const path of toRender) {
    const start = performance.now();
    const result = await renderer.renderPath(site, path);
    if ('unrenderable' in result) {
      throw new FullBuildNeeded(`${path.pathname} needs a full build: ${result.unrenderable}`);
    }
    await replaceFile(join(staging, pathToOutputFile(path)), result.body);
    // The lines Astro's build prints for each page it renders.
    console.log(`  ├─ /${pathToOutputFile(path)} (+${Math.round(performance.now() - start)}ms)`);
  }
  for (const path of gone) removals.add(pathToOutputFile(path));
  const articles = new Map(published.map((article) => [article.sourcePath, article]));
  const folders = { root, dist, staging, removals };
  await stageBodyImages(folders, previousArticles, articles, toRender);
  phases.end('pages');
  await stageSearch(folders, cacheDir, listFile);
  phases.end('search');
  await stageSitemaps(folders, published, paths, site);
  phases.end('sitemaps');
  console.log(`Published in ${phases.summary()}.`);

  const next = join(cacheDir, NEXT_RECORD_DIR);
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  const kept: RecordedPath[] = paths.map(({ pathname, component, type, cacheKey }) => ({
    pathname,
    component,
    type,
    ...(cacheKey !== undefined && { cacheKey }),
  }));
  await writeFile(join(next, ROUTES_FILE), `${JSON.stringify(kept)}\n`);
  return {
    ...work,
    pagesRendered: toRender.length,
    pagesReused: paths.length - toRender.length,
    removals: [...removals].sort(),
  };
}

/** Times the steps of a publish, for its log. */
function phaseTimer(): { end(name: string): void; summary(): string } {
  const times: string[] = [];
  let last = performance.now();
  return {
    end(name) {
      const now = performance.now();
      times.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
      last = now;
    },
    summary: () => times.join(', '),
  };
}

/** The articles of a list by source path, or none when there is no list. */
async function readArticlesBySource(listFile: string): Promise<Map<string, StoredArticle>> {
  const articles = new Map<string, StoredArticle>();
  if (!existsSync(listFile)) return articles;
  for await (const article of readArticleList(listFile)) articles.set(article.sourcePath, article);
  return articles;
}

/**
 * Syncs the articles as the loader does in a build, over a store made of
 * the last list: an unchanged file is taken from it unread.
 */
async function syncContent(
  root: string,
  cacheDir: string,
  listFile: string,
  previous: Map<string, StoredArticle>,
): Promise<SyncResult> {
  const stamps = await loadSourceStamps(join(cacheDir, SOURCE_STAMPS_FILE));
  const entries = new Map<string, { id: string; data: StoredArticle; digest?: string }>();
  for (const [path, article] of previous) {
    const digest = stamps.articles.get(path)?.digest;
    entries.set(path, { id: path, data: article, ...(digest && { digest }) });
  }
  const store = {
    get: (key: string) => entries.get(key),
    set: (entry: { id: string; data: StoredArticle; digest?: string }) => {
      entries.set(entry.id, entry);
      return true;
    },
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    delete: (key: string) => void entries.delete(key),
  };
  const logger = {
    info: (message: string) => console.log(`[articles] ${message}`),
    warn: (message: string) => console.warn(`[articles] ${message}`),
    error: (message: string) => console.error(`[articles] ${message}`),
  };
  const workFile = join(cacheDir, ARTICLE_SYNC_WORK_FILE);
  const result = await syncArticles(
    {
      store: store as never,
      logger: logger as never,
      generateDigest: (data) =>
        createHash('sha256')
          .update(typeof data === 'string' ? data : JSON.stringify(data))
          .digest('hex')
          .slice(0, 16),
    },
    {
      rootDir: root,
      contentDir: join(root, 'content'),
      htmlDir: join(cacheDir, BODY_HTML_DIR),
      version: pipelineVersion(root),
      now: buildClock(),
      production: true,
      listFile,
      stampsFile: join(cacheDir, SOURCE_STAMPS_FILE),
      workFile,
    },
  );
  return result;
}

/** The renderer module's interface (`src/renderer/entry.ts`). */
type Renderer = typeof import('../../src/renderer/entry.ts');

/**
 * The publish renderer for this code and these lead images, compiled anew
 * when either changed since it was last compiled.
 */
async function loadRenderer(
  root: string,
  cacheDir: string,
  code: string,
  leadImages: string,
): Promise<Renderer> {
  const dir = join(cacheDir, RENDERER_DIR);
  const version = `${code}:${leadImages}`;
  const compiled = await readJson<{ version: string }>(join(dir, RENDERER_FILE));
  if (compiled?.version !== version) {
    console.log('Compiling the publish renderer for this code…');
    await rm(dir, { recursive: true, force: true });
    await compileRenderer(root, dir);
    await writeFile(join(dir, RENDERER_FILE), `${JSON.stringify({ version })}\n`);
  }
  return (await import(pathToFileURL(join(dir, 'server', 'entry.mjs')).href)) as Renderer;
}

async function compileRenderer(root: string, outDir: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, NEWSROOM_RENDERER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new FullBuildNeeded(
      `the publish renderer could not be compiled:\n${output.join('').slice(-2000)}`,
    );
  }
}

/** Where a change set is staged, and the removals it gathers. */
interface ChangeSet {
  root: string;
  dist: string;
  staging: string;
  removals: Set<string>;
}

/**
 * Body images beside story pages, as a full build leaves them: a story that
 * is gone, moved or rendered anew loses the copies its folder had, and every
 * story's images are staged where the site's copy is missing or differs.
 */
async function stageBodyImages(
  { root, dist, staging, removals }: ChangeSet,
  before: Map<string, StoredArticle>,
  after: Map<string, StoredArticle>,
  rendered: { pathname: string }[],
): Promise<void> {
  const renderedPaths = new Set(rendered.map((path) => path.pathname));
  const folderOf = (article: StoredArticle) => articlePath(article).replace(/^\/|\/$/g, '');
  for (const article of before.values()) {
    if (article.bodyImages.length === 0) continue;
    const current = after.get(article.sourcePath);
    const same = current && articlePath(current) === articlePath(article);
    if (same && !renderedPaths.has(articlePath(current))) continue;
    for (const file of await filesUnder(join(dist, folderOf(article)))) {
      if (file !== 'index.html') removals.add(`${folderOf(article)}/${file}`);
    }
  }
  const inspect = createImageInspector(root, join(root, 'content'));
  for (const article of after.values()) {
    if (article.bodyImages.length === 0) continue;
    const folder = posix.dirname(article.sourcePath);
    const copies = article.bodyImages.flatMap((src) => {
      const file = bodyImagePath(article.sourcePath, src);
      return file?.startsWith(`${folder}/`)
        ? [{ file, copy: `${folderOf(article)}/${file.slice(folder.length + 1)}` }]
        : [];
    });
    const current = await Promise.all(
      copies.map(
        async ({ file, copy }) =>
          !removals.has(copy) && (await sameBytes(join(root, file), join(dist, copy))),
      ),
    );
    if (current.every(Boolean)) continue;
    await copyBodyImages(article, {
      rootDir: root,
      outDir: staging,
      inspect,
      warn: (message) => console.warn(message),
    });
    for (const { copy } of copies) removals.delete(copy);
  }
}

/** The files under a folder, relative to it, '/'-separated (none when it is missing). */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Whether two files hold the same bytes (false when either is missing). */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [first, second] = await Promise.all([
    readFile(a).catch(() => null),
    readFile(b).catch(() => null),
  ]);
  return first !== null && second !== null && first.equals(second);
}

/** An article's page path, as the site links it. */
function articlePath(article: StoredArticle): string {
  return articleToPath(article, siteSettings.timeZone);
}

/**
 * Search as a full build makes it: only the periods whose stories changed
 * are indexed, and only the bundles whose entry differs from the site's are
 * staged; bundles of periods gone are removed.
 */
async function stageSearch(
  { dist, staging, removals }: ChangeSet,
  cacheDir: string,
  listFile: string,
): Promise<void> {
  const bundles = await buildSearchBundles({
    listFile,
    cacheDir: join(cacheDir, 'search-bundles'),
    timeZone: siteSettings.timeZone,
    language: siteSettings.language,
  });
  const searchDir = join(dist, SEARCH_BUNDLE_DIR);
  const periods = new Set(bundles.bundles.map((bundle) => bundle.period));
  for (const bundle of bundles.bundles) {
    const entry = join(searchDir, bundle.period, BUNDLE_ENTRY_FILE);
    if (await sameBundleEntry(entry, join(bundle.dir, BUNDLE_ENTRY_FILE))) continue;
    const kept = new Set(await filesUnder(bundle.dir));
    for (const file of await filesUnder(join(searchDir, bundle.period))) {
      if (!kept.has(file)) removals.add(`${SEARCH_BUNDLE_DIR}/${bundle.period}/${file}`);
    }
    await linkTree(bundle.dir, join(staging, SEARCH_BUNDLE_DIR, bundle.period));
  }
  for (const name of await readdir(searchDir).catch(() => [])) {
    const folder = join(searchDir, name);
    if (periods.has(name) || !(await stat(folder)).isDirectory()) continue;
    for (const file of await filesUnder(folder))
      removals.add(`${SEARCH_BUNDLE_DIR}/${name}/${file}`);
  }
  await writeBundleListing(bundles.bundles, join(staging, SEARCH_BUNDLE_DIR));
}

/**
 * Whether the site's bundle entry is the cache's: the same file (a hard link
 * of it), or the same bytes, as after a full build that kept the last
 * site's unchanged files. The entry names its index by a hash of the
 * index, whose files name the pages by their hashes, so equal entries are
 * equal bundles.
 */
async function sameBundleEntry(site: string, cache: string): Promise<boolean> {
  const [first, second] = await Promise.all([stat(site).catch(() => null), stat(cache)]);
  if (!first) return false;
  return (first.ino === second.ino && first.dev === second.dev) || sameBytes(site, cache);
}

/**
 * The sitemaps, made as a full build makes them from the pages it wrote;
 * sitemap files the site has and they no longer need are removed.
 */
async function stageSitemaps(
  { dist, staging, removals }: ChangeSet,
  articles: Iterable<StoredArticle>,
  paths: RecordedPath[],
  site: URL,
): Promise<void> {
  const lastmods = articlesToLastmods(articles, siteSettings.timeZone);
  const pages = paths
    .filter((path) => path.type === 'page')
    .map((path) => builtPageToPath(path.pathname.replace(/^\//, '')));
  const sitemaps = buildSitemaps(pages, lastmods, site);
  for (const [name, text] of sitemaps) await writeFile(join(staging, name), text);
  for (const name of await readdir(dist)) {
    if (/^sitemap-.*\.xml$/.test(name) && !sitemaps.has(name)) removals.add(name);
  }
}

/** Writes a staged file beside its place and renames it in, so none is ever half-written. */
async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, file);
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
