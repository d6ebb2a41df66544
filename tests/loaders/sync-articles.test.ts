/**
 * Syncing articles into the content store, against a fake Astro context: an in-memory store, a
 * logger that records, and a real digest. The parser is wrapped in a spy so
 * that "parses nothing" is proven, not assumed.
 */
import { createHash } from 'node:crypto';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../../src/lib/articles/parse.ts';
import type { StoredArticle } from '../../src/lib/build-cache/stored-article.ts';
import { ArticleProblemsError, syncArticles } from '../../src/loaders/sync-articles.ts';

vi.mock(import('../../src/lib/articles/parse.ts'), async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, parseArticle: vi.fn(original.parseArticle) };
});

type Context = Pick<LoaderContext, 'store' | 'logger' | 'generateDigest'>;
type Store = LoaderContext['store'];
type Entry = NonNullable<ReturnType<Store['get']>>;

/** A store like Astro's, in memory, that records what the loader writes. */
function createStore() {
  const entries = new Map<string, Entry>();
  const writes: string[] = [];
  const deletes: string[] = [];
  const store: Store = {
    get: <T extends Record<string, unknown>>(key: string) =>
      entries.get(key) as (Entry & { data: T }) | undefined,
    entries: () => [...entries.entries()],
    set: (entry) => {
      writes.push(entry.id);
      entries.set(entry.id, structuredClone(entry));
      return true;
    },
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    delete: (key) => {
      deletes.push(key);
      entries.delete(key);
    },
    clear: () => entries.clear(),
    has: (key) => entries.has(key),
    addModuleImport: () => {},
  };
  return { store, entries, writes, deletes };
}

/** A logger that keeps every message by level. */
function createLogger() {
  const messages: { level: 'info' | 'warn' | 'error' | 'debug'; message: string }[] = [];
  const record = (level: (typeof messages)[number]['level']) => (message: string) => {
    messages.push({ level, message });
  };
  const logger = {
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
  };
  return { logger: logger as unknown as LoaderContext['logger'], messages };
}

function createContext() {
  const store = createStore();
  const log = createLogger();
  const context: Context = {
    store: store.store,
    logger: log.logger,
    generateDigest: (data) =>
      createHash('sha256')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
  };
  return { context, ...store, ...log };
}

const parseSpy = vi.mocked(parseArticle);

function article(title: string, published: string, extra = ''): string {
  return `---\ntitle: ${title}\nsection: World\npublished: ${published}\n${extra}---\nThe story of ${title.toLowerCase()}.\n`;
}

/** The build's clock of every sync. */
const CLOCK = Date.parse('2024-06-01T00:00:00Z');

let rootDir: string;
let contentDir: string;

async function writeArticle(path: string, text: string): Promise<void> {
  const full = join(rootDir, path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, text);
}

function sync(
  context: Context,
  options: {
    version?: string;
    production?: boolean;
    listFile?: string;
    stampsFile?: string;
    workFile?: string;
  } = {},
) {
  return syncArticles(context, {
    rootDir,
    contentDir,
    htmlDir: join(rootDir, 'cache', 'article-html'),
    version: options.version ?? 'v1',
    now: CLOCK,
    production: options.production ?? true,
    ...(options.listFile && { listFile: options.listFile }),
    ...(options.stampsFile && { stampsFile: options.stampsFile }),
    ...(options.workFile && { workFile: options.workFile }),
  });
}

/** The paths the parser was called with since the last reset. */
function parsedPaths(): string[] {
  return parseSpy.mock.calls.map(([path]) => path).sort();
}

beforeEach(async () => {
  rootDir = await mkdtemp(join(tmpdir(), 'articles-loader-'));
  contentDir = join(rootDir, 'content');
  await writeArticle(
    'content/2024/01/first-story.md',
    article('First story', '2024-01-10T10:00:00+03:00'),
  );
  await writeArticle(
    'content/2024/01/second-story.md',
    article('Second story', '2024-01-11T10:00:00+03:00', 'tags: [Harbor]\n'),
  );
  await writeArticle(
    'content/2024/02/third-story.md',
    article('Third story', '2024-02-01T10:00:00+03:00', 'related: [first-story]\n'),
  );
  parseSpy.mockClear();
});

afterEach(async () => {
  await rm(rootDir, { recursive: true, force: true });
});

const ALL_PATHS = [
  'content/2024/01/first-story.md',
  'content/2024/01/second-story.md',
  'content/2024/02/third-story.md',
];

describe('syncArticles', () => {
  it('parses every file on the first sync and stores it without its body, the HTML in a file of its own', async () => {
    const { context, entries } = createContext();
    await sync(context);

    expect(parsedPaths()).toStrictEqual(ALL_PATHS);
    expect([...entries.keys()].sort()).toStrictEqual(ALL_PATHS);
    const entry = entries.get('content/2024/01/second-story.md');
    expect(entry).toMatchObject({
      id: 'content/2024/01/second-story.md',
      filePath: 'content/2024/01/second-story.md',
      data: {
        slug: 'second-story',
        title: 'Second story',
        tags: ['Harbor'],
        sourcePath: 'content/2024/01/second-story.md',
      },
    });
    expect(entry?.digest).toEqual(expect.any(String));
    expect(entry?.data).not.toHaveProperty('bodyHtml');
    expect(entry?.data).not.toHaveProperty('text');
    expect(entry?.rendered).toBeUndefined();
    const bodyHtmlFile = (entry?.data as StoredArticle).bodyHtmlFile;
    expect(bodyHtmlFile).toBe(join(rootDir, 'cache', 'article-html', `${entry?.digest}.html`));
    expect(await readFile(bodyHtmlFile, 'utf8')).toBe('<p>The story of second story.</p>');
  });

  it('parses again a cached article whose body file has gone, and deletes body files no entry uses', async () => {
    const { context, entries } = createContext();
    await sync(context);
    const htmlDir = join(rootDir, 'cache', 'article-html');
    const first = entries.get('content/2024/01/first-story.md')?.data as StoredArticle;
    await unlink(first.bodyHtmlFile);
    await writeFile(join(htmlDir, 'left-over.html'), '<p>Old.</p>');
    parseSpy.mockClear();

    await sync(context);

    expect(parsedPaths()).toStrictEqual(['content/2024/01/first-story.md']);
    expect(await readFile(first.bodyHtmlFile, 'utf8')).toBe('<p>The story of first story.</p>');
    expect((await readdir(htmlDir)).sort()).toStrictEqual(
      [...entries.values()].map((entry) => `${entry.digest}.html`).sort(),
    );
  });

  it('parses and writes nothing on a second sync with the same files and version', async () => {
    const { context, entries, writes, deletes, messages } = createContext();
    await sync(context);
    const before = structuredClone([...entries]);
    parseSpy.mockClear();
    writes.length = 0;

    await sync(context);

    expect(parseSpy).not.toHaveBeenCalled();
    expect(writes).toStrictEqual([]);
    expect(deletes).toStrictEqual([]);
    expect([...entries]).toStrictEqual(before);
    expect(messages.at(-1)?.message).toMatch(
      /^3 articles \(3 of 3 files read, 0 parsed, 3 from cache\)/,
    );
  });

  it('re-parses only the file that changed', async () => {
    const { context, entries, writes } = createContext();
    await sync(context);
    parseSpy.mockClear();
    writes.length = 0;

    await writeArticle(
      'content/2024/01/second-story.md',
      article('Second story, corrected', '2024-01-11T10:00:00+03:00'),
    );
    await sync(context);

    expect(parsedPaths()).toStrictEqual(['content/2024/01/second-story.md']);
    expect(writes).toStrictEqual(['content/2024/01/second-story.md']);
    expect(entries.get('content/2024/01/second-story.md')?.data).toMatchObject({
      title: 'Second story, corrected',
      tags: [],
    });
  });

  it('re-parses every file when the pipeline version changes', async () => {
    const { context, writes } = createContext();
    await sync(context, { version: 'v1' });
    parseSpy.mockClear();
    writes.length = 0;

    await sync(context, { version: 'v2' });

    expect(parsedPaths()).toStrictEqual(ALL_PATHS);
    expect(writes.sort()).toStrictEqual(ALL_PATHS);
  });

  it('removes the entry of a deleted file', async () => {
    const { context, entries } = createContext();
    await sync(context);

    await unlink(join(rootDir, 'content/2024/01/second-story.md'));
    await sync(context);

    expect([...entries.keys()].sort()).toStrictEqual([
      'content/2024/01/first-story.md',
      'content/2024/02/third-story.md',
    ]);
  });

  it('keeps drafts and scheduled articles out of the store in production, and in it in dev', async () => {
    await writeArticle(
      'content/2024/03/draft.md',
      article('Draft', '2024-03-01T10:00:00Z', 'draft: true\n'),
    );
    await writeArticle(
      'content/2024/07/scheduled.md',
      article('Scheduled', '2024-07-01T10:00:00Z'),
    );

    const production = createContext();
    await sync(production.context, { production: true });
    expect([...production.entries.keys()].sort()).toStrictEqual(ALL_PATHS);
    expect(production.messages.at(-1)?.message).toMatch(/left out: 1 drafts, 1 scheduled$/);

    const dev = createContext();
    await sync(dev.context, { production: false });
    expect([...dev.entries.keys()].sort()).toStrictEqual([
      ...ALL_PATHS,
      'content/2024/03/draft.md',
      'content/2024/07/scheduled.md',
    ]);
  });

  it('parses again an article whose lead image was replaced under the same name, and only then', async () => {
    await writeArticle(
      'content/2024/03/photo-story.md',
      article(
        'Photo story',
        '2024-03-01T10:00:00Z',
        'image:\n  src: ./photo.png\n  alt: A photo.\n',
      ),
    );
    await writeFile(
      join(contentDir, '2024/03/photo.png'),
      Buffer.from('\x89PNG\r\n\x1a\nfirst img', 'latin1'),
    );
    const { context, entries } = createContext();
    await sync(context);
    const stamp = (entries.get('content/2024/03/photo-story.md')?.data as StoredArticle).imageStamp;
    expect(stamp).toMatch(/^17:/);

    parseSpy.mockClear();
    await sync(context);
    expect(parsedPaths()).toStrictEqual([]);

    await writeFile(
      join(contentDir, '2024/03/photo.png'),
      Buffer.from('\x89PNG\r\n\x1a\na replacement', 'latin1'),
    );
    await sync(context);
    expect(parsedPaths()).toStrictEqual(['content/2024/03/photo-story.md']);
    const restamped = (entries.get('content/2024/03/photo-story.md')?.data as StoredArticle)
      .imageStamp;
    expect(restamped).toMatch(/^21:/);
  });

  it('writes the stored articles to the list file, one JSON record a line, newest first', async () => {
    const listFile = join(rootDir, 'cache', 'articles.jsonl');
    const { context, entries } = createContext();
    await sync(context, { listFile });
    const lines = (await readFile(listFile, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    const listed = lines.slice(0, -1).map((line) => JSON.parse(line) as StoredArticle);
    expect(listed.map((article) => article.sourcePath)).toStrictEqual([...ALL_PATHS].reverse());
    for (const article of listed) {
      expect(article).toStrictEqual(
        JSON.parse(JSON.stringify(entries.get(article.sourcePath)?.data)),
      );
    }

    await unlink(join(contentDir, '2024/02/third-story.md'));
    await sync(context, { listFile });
    expect(await readFile(listFile, 'utf8')).not.toContain('third-story');
    expect(await readdir(join(rootDir, 'cache'))).not.toContainEqual(
      expect.stringContaining('partial'),
    );
  });

  it('places a problem found across files in an article taken from the store, without parsing it', async () => {
    const { context, messages } = createContext();
    await sync(context, { production: false });
    parseSpy.mockClear();

    await unlink(join(contentDir, '2024/01/first-story.md'));
    await sync(context, { production: false });

    expect(parsedPaths()).toStrictEqual([]);
    expect(messages.find((message) => message.level === 'error')?.message).toContain(
      'content/2024/02/third-story.md:5:11: "related" names "first-story", but no article has that slug',
    );
  });

  describe('with problems', () => {
    /** Two bad files: one with problems of its own, one whose related slug does not exist. */
    async function writeBadArticles(): Promise<void> {
      await writeArticle(
        'content/2024/03/bad-keys.md',
        article('1984', '2024-03-01T10:00:00+03:00', 'sumary: typo\n'),
      );
      await writeArticle(
        'content/2024/03/bad-related.md',
        article('Bad related', '2024-03-02T10:00:00+03:00', 'related: [no-such-story]\n'),
      );
    }

    it('throws the report, without a stack, in production and leaves the store as it was', async () => {
      const { context, entries, writes, deletes } = createContext();
      await sync(context);
      const before = structuredClone([...entries]);
      writes.length = 0;

      await writeBadArticles();
      await writeArticle(
        'content/2024/01/first-story.md',
        article('First story, changed', '2024-01-10T10:00:00+03:00'),
      );
      await unlink(join(rootDir, 'content/2024/01/second-story.md'));
      const error: unknown = await sync(context).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );

      expect(error).toBeInstanceOf(ArticleProblemsError);
      if (!(error instanceof ArticleProblemsError)) return;
      expect(error.name).toBe('ArticleProblemsError');
      expect(error.message).toMatchInlineSnapshot(`
        "content/2024/03/bad-keys.md:2:8: "title" must be text, but YAML reads 1984 as a number; put it in quotes: "1984"
        content/2024/03/bad-keys.md:5:1: unknown key "sumary" — did you mean "summary"?
        content/2024/03/bad-related.md:5:11: "related" names "no-such-story", but no article has that slug
        3 problems in 2 article files.
        The build stopped before writing anything; the last good site is unchanged."
      `);
      expect(error.stack ?? '').not.toMatch(/^\s*at /m);
      expect(writes).toStrictEqual([]);
      expect(deletes).toStrictEqual([]);
      expect([...entries]).toStrictEqual(before);
    });

    it('logs the report in dev and stores the articles that parsed', async () => {
      await writeBadArticles();
      const { context, entries, messages } = createContext();
      await sync(context, { production: false });

      const errors = messages.filter((message) => message.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]?.message).toMatchInlineSnapshot(`
        "Some articles have problems; files that could not be read or parsed are not shown:
        content/2024/03/bad-keys.md:2:8: "title" must be text, but YAML reads 1984 as a number; put it in quotes: "1984"
        content/2024/03/bad-keys.md:5:1: unknown key "sumary" — did you mean "summary"?
        content/2024/03/bad-related.md:5:11: "related" names "no-such-story", but no article has that slug
        3 problems in 2 article files."
      `);
      expect([...entries.keys()].sort()).toStrictEqual([
        ...ALL_PATHS,
        'content/2024/03/bad-related.md',
      ]);
    });
  });
  describe('hostile files', () => {
    const HOSTILE = {
      'content/2024/03/deep-lists.md': article('Deep lists', '2024-03-01T10:00:00Z').replace(
        /\nThe story.*\n$/,
        `\n${'- '.repeat(5000)}x\n`,
      ),
      'content/2024/03/alias-bomb.md': article(
        'Alias bomb',
        '2024-03-01T10:00:00Z',
        'tags: &a [a, a, a, a, a, a, a, a]\nauthor: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nsource: [*b, *b, *b, *b, *b, *b, *b, *b]\n',
      ),
      'content/2024/03/forged.md': article(
        'Forged',
        '2024-03-01T10:00:00Z',
        '"x\\ncontent/2024/01/first-story.md:1:1: forged\\e[2J": 1\n',
      ),
      'content/2024/03/from-the-future.md': article(
        'From the future',
        '2024-03-01T10:00:00Z',
        'updated: 9999-01-01T00:00:00Z\n',
      ),
    };

    async function writeHostileArticles(): Promise<void> {
      for (const [path, text] of Object.entries(HOSTILE)) await writeArticle(path, text);
    }

    it('reports each in one line within seconds in dev, shows the others, and sees a later fix', async () => {
      await writeHostileArticles();
      const { context, entries, messages } = createContext();
      const started = performance.now();
      await sync(context, { production: false });
      expect(performance.now() - started).toBeLessThan(5000);

      const errors = messages.filter((message) => message.level === 'error');
      expect(errors.map((error) => error.message)).toMatchInlineSnapshot(`
        [
          "Some articles have problems; files that could not be read or parsed are not shown:
        content/2024/03/alias-bomb.md:7:18: the front matter uses more than 10 YAML aliases (*name); write the values out instead
        content/2024/03/deep-lists.md:6:65: this line opens more than 32 lists and block quotes inside one another; at most 32 levels are allowed
        content/2024/03/forged.md:5:1: unknown key "x\\ncontent/2024/01/first-story.md:1:1: forged\\u001b[2J"; the known keys are title, section, published, updated, summary, dateline, source, author, tags, related, image, slug, draft, kind, corrections, updates
        content/2024/03/from-the-future.md:5:10: "updated" (9999-01-01T00:00:00Z) is later than the build's clock (2024-06-01T00:00:00.000Z); an update cannot come from the future, and it would become every feed's date: write when the story last changed
        4 problems in 4 article files.",
        ]
      `);
      expect([...entries.keys()].sort()).toStrictEqual([
        ...ALL_PATHS,
        'content/2024/03/from-the-future.md',
      ]);

      await writeArticle(
        'content/2024/03/deep-lists.md',
        article('Deep lists', '2024-03-01T10:00:00Z'),
      );
      await sync(context, { production: false });
      expect(entries.has('content/2024/03/deep-lists.md')).toBe(true);
    });

    it('stops a production build with the report and no stack', async () => {
      await writeHostileArticles();
      const { context } = createContext();
      const error: unknown = await sync(context).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ArticleProblemsError);
      if (!(error instanceof ArticleProblemsError)) return;
      expect(error.message.split('\n')).toHaveLength(6);
      expect(error.stack ?? '').not.toMatch(/^\s*at /m);
    });
  });
});

describe('syncArticles with the source stamps of the last sync', () => {
  const stamped = () => ({
    stampsFile: join(rootDir, 'cache', 'source-stamps.json'),
    workFile: join(rootDir, 'cache', 'article-sync.json'),
  });
  const work = async () =>
    JSON.parse(await readFile(stamped().workFile, 'utf8')) as Record<string, number>;

  beforeEach(() => mkdir(join(rootDir, 'cache'), { recursive: true }));

  it('reads every file once, then none while nothing changes, and records how much it read', async () => {
    const { context } = createContext();
    await sync(context, stamped());
    expect(await work()).toStrictEqual({ articleFiles: 3, articlesRead: 3, articlesParsed: 3 });

    parseSpy.mockClear();
    await sync(context, stamped());
    expect(parsedPaths()).toStrictEqual([]);
    expect(await work()).toStrictEqual({ articleFiles: 3, articlesRead: 0, articlesParsed: 0 });
  });

  it('reads a file written again even when its size and modification time are put back', async () => {
    const { context, entries } = createContext();
    await sync(context, stamped());
    const path = 'content/2024/01/first-story.md';
    const before = await stat(join(rootDir, path));
    await writeArticle(path, article('First storY', '2024-01-10T10:00:00+03:00'));
    await utimes(join(rootDir, path), before.atime, before.mtime);
    parseSpy.mockClear();

    await sync(context, stamped());

    expect(parsedPaths()).toStrictEqual([path]);
    expect((entries.get(path)?.data as StoredArticle).title).toBe('First storY');
    expect(await work()).toMatchObject({ articlesRead: 1, articlesParsed: 1 });
  });

  it('reads every file again after the pipeline version changes, or when the stamps are unreadable', async () => {
    const { context } = createContext();
    await sync(context, stamped());
    parseSpy.mockClear();
    await sync(context, { ...stamped(), version: 'v2' });
    expect(parsedPaths()).toStrictEqual(ALL_PATHS);

    await writeFile(stamped().stampsFile, '{not json');
    parseSpy.mockClear();
    await sync(context, { ...stamped(), version: 'v2' });
    expect(await work()).toMatchObject({ articlesRead: 3, articlesParsed: 0 });
  });

  it('does not trust a stamp whose digest the store no longer holds', async () => {
    const first = createContext();
    await sync(first.context, stamped());
    // Another store (a cleared cache) with the same stamps file.
    const second = createContext();
    parseSpy.mockClear();
    await sync(second.context, stamped());
    expect(parsedPaths()).toStrictEqual(ALL_PATHS);
    expect([...second.entries.keys()].sort()).toStrictEqual(ALL_PATHS);
  });

  it('inspects an image again once its file is written again, and fails on what it finds', async () => {
    const { context } = createContext();
    const svg = (fill: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect fill="${fill}" width="10" height="10"/></svg>`;
    await writeArticle('content/2024/01/chart.svg', svg('#123456'));
    await writeArticle(
      'content/2024/01/first-story.md',
      article(
        'First story',
        '2024-01-10T10:00:00+03:00',
        'image:\n  src: ./chart.svg\n  alt: A chart\n',
      ),
    );
    await sync(context, stamped());
    await sync(context, stamped());

    // The same size, with a script where the colour was.
    await writeArticle(
      'content/2024/01/chart.svg',
      svg('#123456').replace('fill="#123456"', 'onload="a(12)"'),
    );
    await expect(sync(context, stamped())).rejects.toThrow(ArticleProblemsError);
  });
});
