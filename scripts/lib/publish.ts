/**
 * A publish without a full build: what `npm run build` does when the code is
 * the code the site in `dist/` was built with. It syncs the articles (only
 * files whose stamps changed are read), lists every path of the site with
 * its cache key through the publish renderer (`src/renderer/entry.ts`),
 * renders only the paths whose key changed or that have none, and writes
 * them into a copy of `dist/` whose other files are hard links to the last
 * build's; search, the sitemaps and body images are brought up to date the
 * way a full build makes them. The result is byte for byte what a full
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
import { link, mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { articleSitemap } from '../../src/integrations/article-sitemap.ts';
import { copyBodyImages } from '../../src/integrations/body-images.ts';
import { buildSearchBundles } from '../../src/integrations/search/bundle-cache.ts';
import { writeSearchBundles } from '../../src/integrations/search/write-bundles.ts';
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
import { syncArticles, type SyncWork } from '../../src/loaders/sync-articles.ts';
import { articleToPath } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import { codeVersion, leadImagesVersion } from './code-version.ts';
import { SEARCH_BUNDLE_DIR } from '../../src/lib/pagefind-names.ts';

/** What the build recorded about the code a state was built with. */
export const BUILD_FILE = 'build.json';

/** The renderer's folder and its record, in the cache folder. */
const RENDERER_DIR = 'publish/renderer';
const RENDERER_FILE = 'renderer.json';

/** What a publish did, for the deploy manifest. */
export interface PublishWork extends SyncWork {
  pagesRendered: number;
  pagesReused: number;
  /**
   * The files and folders of the new site it wrote or removed (relative,
   * '/'-separated); every other file is a hard link to the last site's.
   */
  touched: string[];
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
  /** Where the new site is made. */
  staging: string;
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
 * Publishes the content's changes into `staging`: a copy of `dist/` with
 * what changed rendered anew. Leaves the new state in the next-record folder
 * for the caller to keep once the site is swapped in.
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

  const phases = phaseTimer();
  const listFile = join(cacheDir, ARTICLE_LIST_FILE);
  const previousArticles = await readArticlesBySource(listFile);
  const work = await syncContent(root, cacheDir, listFile, previousArticles);
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
  // Search is written anew below, from the bundles kept in the cache.
  await linkTree(dist, staging, [SEARCH_BUNDLE_DIR]);
  phases.end('linking the last site');
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
  const articles = await readArticlesBySource(listFile);
  const imageFolders = await updateBodyImages(root, staging, previousArticles, articles, toRender);
  for (const path of gone) await removeOutput(staging, pathToOutputFile(path));
  phases.end('pages');
  await updateSearch(cacheDir, listFile, staging);
  phases.end('search');
  const sitemaps = await updateSitemaps(root, cacheDir, staging, paths, site);
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
    touched: [
      ...[...toRender, ...gone].map(pathToOutputFile),
      ...imageFolders,
      ...sitemaps,
      SEARCH_BUNDLE_DIR,
    ],
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
): Promise<SyncWork> {
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
  await syncArticles(
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
  return JSON.parse(await readFile(workFile, 'utf8')) as SyncWork;
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

/**
 * Body images beside story pages, as a full build leaves them: a story that
 * is gone, moved or rendered anew loses the copies its folder had, and every
 * story's images are copied where a copy is missing or differs.
 */
async function updateBodyImages(
  root: string,
  staging: string,
  before: Map<string, StoredArticle>,
  after: Map<string, StoredArticle>,
  rendered: { pathname: string }[],
): Promise<string[]> {
  const renderedPaths = new Set(rendered.map((path) => path.pathname));
  const folderOf = (article: StoredArticle) => join(staging, articlePath(article));
  const touched: string[] = [];
  for (const article of before.values()) {
    if (article.bodyImages.length === 0) continue;
    const current = after.get(article.sourcePath);
    const same = current && articlePath(current) === articlePath(article);
    if (same && !renderedPaths.has(articlePath(current))) continue;
    await removeAllBut(folderOf(article), 'index.html');
    touched.push(articlePath(article).replace(/^\/|\/$/g, ''));
  }
  const inspect = createImageInspector(root, join(root, 'content'));
  for (const article of after.values()) {
    if (article.bodyImages.length === 0) continue;
    const folder = posix.dirname(article.sourcePath);
    const stale = await Promise.all(
      article.bodyImages.map(async (src) => {
        const file = bodyImagePath(article.sourcePath, src);
        if (!file?.startsWith(`${folder}/`)) return false;
        const copy = join(folderOf(article), file.slice(folder.length + 1));
        return !(await sameBytes(join(root, file), copy));
      }),
    );
    if (!stale.some(Boolean)) continue;
    await copyBodyImages(article, {
      rootDir: root,
      outDir: staging,
      inspect,
      warn: (message) => console.warn(message),
    });
    touched.push(articlePath(article).replace(/^\/|\/$/g, ''));
  }
  return touched;
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

/** Search as a full build makes it: only the periods whose stories changed are indexed. */
async function updateSearch(cacheDir: string, listFile: string, staging: string): Promise<void> {
  const bundles = await buildSearchBundles({
    listFile,
    cacheDir: join(cacheDir, 'search-bundles'),
    timeZone: siteSettings.timeZone,
    language: siteSettings.language,
  });
  await writeSearchBundles(bundles, staging);
}

/**
 * The sitemaps, written by the same integrations as in a full build, given
 * what a full build gives them: the configuration, and the pages in the
 * order the build writes them.
 */
async function updateSitemaps(
  root: string,
  cacheDir: string,
  staging: string,
  paths: RecordedPath[],
  site: URL,
): Promise<string[]> {
  const dir = pathToFileURL(`${staging}/`);
  const config = {
    site: site.href,
    base: '/',
    trailingSlash: 'always',
    build: { format: 'directory' },
    root: pathToFileURL(`${root}/`),
    cacheDir: pathToFileURL(`${cacheDir}/`),
    outDir: dir,
  };
  const pages = paths
    .filter((path) => path.type === 'page')
    .map((path) => ({ pathname: path.pathname.replace(/\/?$/, '/').replace(/^\//, '') }));
  const logger = {
    info: () => {},
    warn: (message: string) => console.warn(message),
    error: (message: string) => console.error(message),
  };
  const integrations: AstroIntegration[] = articleSitemap();
  type Hook = (options: Record<string, unknown>) => unknown;
  const call = async (name: string, options: Record<string, unknown>) => {
    for (const integration of integrations) {
      const hook = (integration.hooks as Record<string, Hook | undefined>)[name];
      await hook?.({ logger, ...options });
    }
  };
  await call('astro:config:done', { config });
  await call('astro:routes:resolved', { routes: [] });
  await call('astro:build:generated', { dir });
  const before = await sitemapFiles(staging);
  for (const name of before) await rm(join(staging, name));
  await call('astro:build:done', { dir, pages });
  return [...new Set([...before, ...(await sitemapFiles(staging))])];
}

/** The sitemap files a full build writes, by name in the output folder. */
async function sitemapFiles(staging: string): Promise<string[]> {
  return (await readdir(staging)).filter((name) => /^sitemap-.*\.xml$/.test(name));
}

/** Recreates `from` at `to` with every file hard-linked, but for the top-level folders named. */
async function linkTree(from: string, to: string, skip: readonly string[]): Promise<void> {
  const skipped = skip.map((name) => join(from, name));
  const entries = (await readdir(from, { recursive: true, withFileTypes: true })).filter(
    (entry) => {
      const path = join(entry.parentPath, entry.name);
      return !skipped.some((folder) => path === folder || path.startsWith(`${folder}/`));
    },
  );
  await mkdir(to, { recursive: true });
  const target = (entry: (typeof entries)[number]) =>
    join(to, relative(from, join(entry.parentPath, entry.name)));
  for (const entry of entries)
    if (entry.isDirectory()) await mkdir(target(entry), { recursive: true });
  const files = entries.filter((entry) => entry.isFile());
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const entry = files[next++]!;
      await link(join(entry.parentPath, entry.name), target(entry));
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
}

/** Writes a file beside its place and renames it in, so a hard link to the last site is replaced, never written through. */
async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, file);
}

/** Removes an output file, and the folders it leaves empty. */
async function removeOutput(staging: string, file: string): Promise<void> {
  const full = join(staging, file);
  await rm(full, { force: true });
  for (
    let folder = dirname(full);
    folder !== staging && folder.startsWith(staging);
    folder = dirname(folder)
  ) {
    try {
      await rmdir(folder);
    } catch {
      break; // Not empty: the folder holds other pages.
    }
  }
}

/** Deletes everything in a folder but the file named (its page). */
async function removeAllBut(folder: string, keep: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [])) {
    if (name !== keep) await rm(join(folder, name), { recursive: true, force: true });
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
