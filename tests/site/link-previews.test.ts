/**
 * Link previews and search-engine cards of the built fixture site: every
 * page offers an image (absolute URL, size and text alternative) and a
 * large Twitter card, and lets search engines show large image previews;
 * each image it names is a file of the built site of the size it states
 * (read with sharp); a story shows its lead image, or its section's card
 * when it has none or one too small; the icon, the logo and the cards are
 * there at their sizes; and each story's JSON-LD follows Google's Article
 * documentation (tests/helpers/google-article.ts), its images and its
 * publisher's logo files of the site.
 *
 * A second, small site is built for lead images the fixture does not have:
 * an SVG chart, a photo wider than 1,200 pixels and a remote image.
 */
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createSiteProject,
  PROJECT_ROOT,
  type RunResult,
  type SiteProject,
} from '../../scripts/lib/site-project.ts';
import type { ArticleMeta } from '../../src/lib/articles/schema.ts';
import { articleToPath } from '../../src/lib/urls.ts';
import { siteSettings } from '../../src/site.config.ts';
import { FIXTURE_SITE, loadFixtureArticles } from '../helpers/fixture-site.ts';
import {
  googleArticleProblems,
  markupImages,
  MIN_IMAGE_PIXELS,
  ratiosOf,
} from '../helpers/google-article.ts';

const siteDir = inject('siteDir');
const TIME_ZONE = siteSettings.timeZone;

/** The sizes this test expects, written out rather than read from the code. */
const CARD = { width: 1200, height: 630 };
const CARD_SHAPES = {
  card: CARD,
  'card-4x3': { width: 1200, height: 900 },
  'card-1x1': { width: 1200, height: 1200 },
};
const ICON = { width: 512, height: 512 };
const LOGO = { width: 600, height: 60 };

let articles: ArticleMeta[];
let pages: string[];

beforeAll(async () => {
  const collection = await loadFixtureArticles(siteDir);
  expect(collection.problems).toEqual([]);
  articles = collection.articles;
  pages = (await builtFiles(siteDir)).filter((file) => file.endsWith('.html'));
});

// ---------------------------------------------------------------- helpers

/** Every built file's path in the site, the search index left out. */
async function builtFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

async function readHtml(dir: string, file: string): Promise<HTMLElement> {
  return parse(await readFile(join(dir, file), 'utf8'), { comment: false });
}

/** The contents of every `<meta>` with the attribute and key, in order. */
function metas(page: HTMLElement, attribute: 'property' | 'name', key: string): string[] {
  return page
    .querySelectorAll(`meta[${attribute}="${key}"]`)
    .map((tag) => tag.getAttribute('content') ?? '');
}

/** The one content of a `<meta>`; fails when there is none or more than one. */
function meta(
  page: HTMLElement,
  attribute: 'property' | 'name',
  key: string,
  file: string,
): string {
  const found = metas(page, attribute, key);
  expect(found, `${file}: ${key}`).toHaveLength(1);
  return found[0]!;
}

/** The built file an absolute URL of the site names; fails for another host. */
function urlToFile(url: string, base: string): string {
  expect(url.startsWith(`${base}/`), `${url} is an absolute URL of the site`).toBe(true);
  return decodeURIComponent(new URL(url).pathname).slice(1);
}

/** The size and format of an image file of a built site, as sharp reads them. */
async function imageSize(dir: string, file: string) {
  const path = join(dir, file);
  expect((await stat(path)).isFile(), `${file} is a file of the built site`).toBe(true);
  const { width, height, format } = await sharp(path).metadata();
  return { width, height, format };
}

/** A page's link-preview image, checked whole: URL, size and text alternative. */
async function previewOf(dir: string, base: string, file: string) {
  const page = await readHtml(dir, file);
  const url = meta(page, 'property', 'og:image', file);
  const width = Number(meta(page, 'property', 'og:image:width', file));
  const height = Number(meta(page, 'property', 'og:image:height', file));
  const alt = meta(page, 'property', 'og:image:alt', file);
  expect(alt.trim(), `${file}: og:image:alt`).not.toBe('');
  expect(meta(page, 'name', 'twitter:card', file), file).toBe('summary_large_image');
  expect(meta(page, 'name', 'twitter:image', file), file).toBe(url);
  expect(meta(page, 'name', 'twitter:image:alt', file), file).toBe(alt);
  const image = urlToFile(url, base);
  const real = await imageSize(dir, image);
  expect({ width: real.width, height: real.height }, `${file}: ${image}`).toEqual({
    width,
    height,
  });
  expect(['png', 'jpeg'], `${file}: ${image} is a raster previews show`).toContain(real.format);
  return { page, url, image, width, height, alt };
}

/** A story page's JSON-LD. */
function jsonLdOf(page: HTMLElement, file: string): Record<string, unknown> {
  const scripts = page.querySelectorAll('script[type="application/ld+json"]');
  expect(scripts, file).toHaveLength(1);
  return JSON.parse(scripts[0]!.text) as Record<string, unknown>;
}

const storyFile = (article: Pick<ArticleMeta, 'slug' | 'published'>) =>
  `${articleToPath(article, TIME_ZONE).slice(1)}index.html`;

// ---------------------------------------------------------------- every page

describe('every page of the fixture site', () => {
  it('offers an image of the site at the size it states, with a text alternative and a large card', async () => {
    expect(pages.length).toBeGreaterThan(50);
    for (const file of pages) await previewOf(siteDir, FIXTURE_SITE.url, file);
  });

  it('lets search engines show large image previews, and keeps the 404 page out of their index', async () => {
    for (const file of pages) {
      const robots = metas(await readHtml(siteDir, file), 'name', 'robots');
      expect(robots, file).toEqual([
        file === '404.html' ? 'noindex, max-image-preview:large' : 'max-image-preview:large',
      ]);
    }
  });

  it("shows the section's card on a section's pages and the site's card on pages of no section", async () => {
    for (const file of pages) {
      const { image, alt } = await previewOf(siteDir, FIXTURE_SITE.url, file);
      const section = /^section\/([^/]+)\//.exec(file)?.[1];
      if (section) {
        const name = articles.find((article) => article.section.slug === section)!.section.name;
        expect(image, file).toBe(`section/${section}/card.png`);
        expect(alt, file).toBe(`${siteSettings.title}: ${name}`);
      } else if (!/^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(file)) {
        expect(image, file).toBe('card.png');
        expect(alt, file).toBe(`${siteSettings.title}: ${siteSettings.description}`);
      }
    }
  });
});

// ---------------------------------------------------------------- stories

describe('a story', () => {
  it('shows its lead image, made a JPEG of its own width when narrower than 1,200 pixels', async () => {
    const article = articles.find((story) => story.slug === 'harbour-lights-festival')!;
    const { url, width, height, alt } = await previewOf(
      siteDir,
      FIXTURE_SITE.url,
      storyFile(article),
    );
    expect(url).toMatch(new RegExp(`^${FIXTURE_SITE.url}/_astro/harbour-lights\\.[\\w-]+\\.jpeg$`));
    expect({ width, height }).toEqual({ width: 960, height: 540 });
    expect(alt).toBe(article.image!.alt);
  });

  it("without a lead image, or with one too small for a preview, shows its section's card", async () => {
    const without = articles.filter((article) => !article.image);
    const tiny = articles.find((article) => article.slug === 'velmora-observers-report')!;
    expect(tiny.image, 'the fixture story with an 80 × 48 lead image').toBeDefined();
    for (const article of [...without, tiny]) {
      const { image, width, height, alt } = await previewOf(
        siteDir,
        FIXTURE_SITE.url,
        storyFile(article),
      );
      expect(image, article.slug).toBe(`section/${article.section.slug}/card.png`);
      expect({ width, height }).toEqual(CARD);
      expect(alt).toBe(`${siteSettings.title}: ${article.section.name}`);
    }
  });

  it("has JSON-LD that follows Google's Article documentation, its images and logo files of the site", async () => {
    for (const article of articles) {
      const file = storyFile(article);
      const data = jsonLdOf(await readHtml(siteDir, file), file);
      expect(googleArticleProblems(data), file).toEqual([]);
      const images = markupImages(data);
      for (const image of images) {
        const real = await imageSize(siteDir, urlToFile(image.url, FIXTURE_SITE.url));
        expect({ width: real.width, height: real.height }, `${file}: ${image.url}`).toEqual({
          width: image.width,
          height: image.height,
        });
        expect(real.width! * real.height!, image.url).toBeGreaterThanOrEqual(MIN_IMAGE_PIXELS);
      }
      const logo = (data['publisher'] as { logo: { url: string; width: number; height: number } })
        .logo;
      expect(logo).toEqual({
        '@type': 'ImageObject',
        url: `${FIXTURE_SITE.url}/logo.png`,
        ...LOGO,
      });
      for (const author of data['author'] as { url: string }[]) {
        const page = urlToFile(author.url, FIXTURE_SITE.url);
        expect((await stat(join(siteDir, page, 'index.html'))).isFile(), author.url).toBe(true);
      }
    }
  });

  it("gives structured data its lead image in 16:9, 4:3 and 1:1, or its section's cards", async () => {
    const lead = articles.find((story) => story.slug === 'harbour-lights-festival')!;
    const leadImages = markupImages(jsonLdOf(await readHtml(siteDir, storyFile(lead)), lead.slug));
    expect(ratiosOf(leadImages)).toEqual(['16:9', '4:3', '1:1']);
    expect(leadImages.every((image) => /\/_astro\/harbour-lights\./.test(image.url))).toBe(true);

    const plain = articles.find((story) => !story.image)!;
    const cards = markupImages(jsonLdOf(await readHtml(siteDir, storyFile(plain)), plain.slug));
    expect(cards.map((image) => image.url)).toEqual(
      Object.keys(CARD_SHAPES).map(
        (shape) => `${FIXTURE_SITE.url}/section/${plain.section.slug}/${shape}.png`,
      ),
    );
  });
});

// ---------------------------------------------------------------- the images

describe("the site's images", () => {
  it('has the icon and the logo at their sizes', async () => {
    expect(await imageSize(siteDir, 'icon.png')).toEqual({ format: 'png', ...ICON });
    expect(await imageSize(siteDir, 'logo.png')).toEqual({ format: 'png', ...LOGO });
  });

  it("has the site's cards and each section's, in each shape, and no card of a section it has not", async () => {
    const sections = [...new Set(articles.map((article) => article.section.slug))];
    for (const [shape, size] of Object.entries(CARD_SHAPES)) {
      expect(await imageSize(siteDir, `${shape}.png`)).toEqual({ format: 'png', ...size });
      for (const section of sections) {
        expect(await imageSize(siteDir, `section/${section}/${shape}.png`), section).toEqual({
          format: 'png',
          ...size,
        });
      }
    }
    const cards = (await builtFiles(siteDir)).filter((file) => /^section\/[^/]+\/card/.test(file));
    expect(cards).toHaveLength(sections.length * Object.keys(CARD_SHAPES).length);
  });

  it('draws each section its own card', async () => {
    const sections = [...new Set(articles.map((article) => article.section.slug))];
    const bytes = await Promise.all(
      sections.map((section) => readFile(join(siteDir, `section/${section}/card.png`))),
    );
    expect(new Set(bytes.map((file) => file.toString('base64'))).size).toBe(sections.length);
  });
});

// ---------------------------------------------------------------- other lead images

/** A build of a few stories takes seconds, and CI runs other files beside this one. */
const BUILD_TIMEOUT = 300_000;
const SMALL_SITE_URL = 'https://previews.example.test';

/** An article file's text. */
function article(title: string, published: string, image: string): string {
  return `---\ntitle: ${title}\nsection: Markets\npublished: ${published}\nimage:\n${image}---\nThe story.\n`;
}

describe('lead images the fixture does not have', () => {
  let project: SiteProject;
  let build: RunResult;

  beforeAll(async () => {
    project = await createSiteProject(async (contentDir) => {
      const folder = join(contentDir, '2026/05');
      await mkdir(folder, { recursive: true });
      // A chart exported small (120 × 60): a vector, drawn 1,200 wide.
      await cp(
        join(
          PROJECT_ROOT,
          'tests/fixtures/collections/hostile-images/content/2019/05/safe-chart.svg',
        ),
        join(folder, 'chart.svg'),
      );
      // A photo wider than previews want.
      await writeFile(
        join(folder, 'wide.png'),
        await sharp({
          create: { width: 2000, height: 1000, channels: 3, background: '#336699' },
        })
          .png()
          .toBuffer(),
      );
      await writeFile(
        join(folder, 'chart-lead.md'),
        article(
          'A chart as the lead image',
          '2026-05-21T09:00:00+03:00',
          '  src: ./chart.svg\n  alt: A rising line\n',
        ),
      );
      await writeFile(
        join(folder, 'wide-photo.md'),
        article(
          'A wide photo',
          '2026-05-22T09:00:00+03:00',
          '  src: ./wide.png\n  alt: A blue wall\n',
        ),
      );
      await writeFile(
        join(folder, 'remote-photo.md'),
        article(
          'A photo from another host',
          '2026-05-23T09:00:00+03:00',
          '  src: https://images.example.org/harbour.jpg\n  alt: The harbour\n',
        ),
      );
    });
    build = await project.build({ SITE_CLOCK: '2026-06-01T00:00:00Z', SITE_URL: SMALL_SITE_URL });
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await project?.remove();
  });

  it('builds', () => {
    expect(build.code, build.stdout + build.stderr).toBe(0);
  });

  it('draws an SVG lead image as a PNG 1,200 pixels wide for previews and structured data', async () => {
    const file = '2026/05/21/chart-lead/index.html';
    const { image, width, height, alt, page } = await previewOf(
      project.distDir,
      SMALL_SITE_URL,
      file,
    );
    expect(image).toBe('previews/2026/05/21/chart-lead.png');
    expect({ width, height }).toEqual({ width: 1200, height: 600 });
    expect(alt).toBe('A rising line');
    const data = jsonLdOf(page, file);
    expect(googleArticleProblems(data)).toEqual([]);
    expect(markupImages(data)).toEqual([{ url: `${SMALL_SITE_URL}/${image}`, width, height }]);
  });

  it('makes a wide photo 1,200 pixels wide, and crops it to 16:9, 4:3 and 1:1 for structured data', async () => {
    const file = '2026/05/22/wide-photo/index.html';
    const { image, width, height, page } = await previewOf(project.distDir, SMALL_SITE_URL, file);
    expect(image).toMatch(/^_astro\/wide\.[\w-]+\.jpeg$/);
    expect({ width, height }).toEqual({ width: 1200, height: 600 });
    const images = markupImages(jsonLdOf(page, file));
    expect(ratiosOf(images)).toEqual(['16:9', '4:3', '1:1']);
    for (const markup of images) {
      const real = await imageSize(project.distDir, urlToFile(markup.url, SMALL_SITE_URL));
      expect({ width: real.width, height: real.height }).toEqual({
        width: markup.width,
        height: markup.height,
      });
    }
  });

  it('names a remote lead image as it is, without a size, since the build fetches no other host', async () => {
    const file = '2026/05/23/remote-photo/index.html';
    const page = await readHtml(project.distDir, file);
    expect(metas(page, 'property', 'og:image')).toEqual(['https://images.example.org/harbour.jpg']);
    expect(metas(page, 'property', 'og:image:width')).toEqual([]);
    expect(metas(page, 'property', 'og:image:alt')).toEqual(['The harbour']);
    expect(metas(page, 'name', 'twitter:card')).toEqual(['summary_large_image']);
    expect(markupImages(jsonLdOf(page, file))).toEqual([
      { url: 'https://images.example.org/harbour.jpg' },
    ]);
  });
});
