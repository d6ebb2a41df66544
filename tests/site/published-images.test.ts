/**
 * What a build publishes of the image files under content/: only those a
 * published story uses, each what its name says, and no SVG that can run a
 * script. A small site is built in a throwaway project, since its content is
 * hostile and would change the shared fixture site's pages: a story with a
 * lead image whose extension is in capitals, a lead SVG and body images
 * (one named `100%.png`), beside an unused SVG with a script, a draft's
 * image, and images in `_drafts/` and a dot folder. Then hostile files are
 * added, and `npm run check:content` and the build must refuse each one the
 * same way, before anything is written.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFiles } from '../../scripts/lib/file-hashes.ts';
import {
  buildEnvironment,
  createSiteProject,
  PROJECT_ROOT,
  run,
  type RunResult,
  type SiteProject,
} from '../../scripts/lib/site-project.ts';
import { checkSvg } from '../../src/lib/articles/svg-check.ts';

/** The images the stories use and the hostile files beside them. */
const IMAGES = join(PROJECT_ROOT, 'tests/fixtures/collections/hostile-images/content/2019/05');

/** A PNG no other image here shares bytes with. */
const DRAFT_PHOTO = join(PROJECT_ROOT, 'tests/fixtures/site/content/features/harbour-lights.png');

/** A build of a few stories takes seconds, and CI runs other files beside this one. */
const BUILD_TIMEOUT = 300_000;

/** An article file's text. */
function article(title: string, published: string, extra: string, body: string): string {
  return `---\ntitle: ${title}\nsection: World\npublished: ${published}\n${extra}---\n${body}\n`;
}

/** A script in an SVG, and the files that hold one. */
const SCRIPT_SVG = (marker: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert("${marker}")</script></svg>\n`;

/** Writes the good site: the stories, the images they use, and the images no published story uses. */
async function writeContent(contentDir: string): Promise<void> {
  const folder = join(contentDir, '2026/05');
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, 'harbour-photo.md'),
    article(
      'Harbour photo with a capitalised extension',
      '2026-05-20T09:00:00+03:00',
      'image:\n  src: ./Skyline.Jpg\n  alt: The harbour skyline\n',
      'A chart:\n\n![Yields](./safe-chart.svg)\n\nAnd all of it:\n\n![All of it](./100%.png)\n\n' +
        '![More](./100%2541.png) ![Chart one](./chart%231.png)',
    ),
  );
  await writeFile(
    join(folder, 'chart-lead.md'),
    article(
      'A chart as the lead image',
      '2026-05-21T09:00:00+03:00',
      'image:\n  src: ./lead-chart.svg\n  alt: A rising line\n',
      'The chart above rises.',
    ),
  );
  await writeFile(
    join(folder, 'draft-with-photo.md'),
    article(
      'A draft with a photo',
      '2026-05-22T09:00:00+03:00',
      'draft: true\nimage:\n  src: ./draft-photo.png\n  alt: Not yet\n',
      'Not published yet.',
    ),
  );
  await writeFile(
    join(folder, 'old-story.markdown'),
    article('Saved as .markdown', '2026-05-19T09:00:00+03:00', '', 'Left out.'),
  );
  await cp(join(IMAGES, 'Skyline.Jpg'), join(folder, 'Skyline.Jpg'));
  await cp(join(IMAGES, 'safe-chart.svg'), join(folder, 'safe-chart.svg'));
  await cp(join(IMAGES, 'safe-chart.svg'), join(folder, 'lead-chart.svg'));
  await cp(join(IMAGES, '100%.png'), join(folder, '100%.png'));
  await cp(join(IMAGES, '100%.png'), join(folder, '100%41.png'));
  await cp(join(IMAGES, '100%.png'), join(folder, 'chart#1.png'));
  await cp(DRAFT_PHOTO, join(folder, 'draft-photo.png'));
  await writeFile(join(folder, 'unused.svg'), SCRIPT_SVG('unused'));
  await mkdir(join(contentDir, '_drafts'), { recursive: true });
  await writeFile(join(contentDir, '_drafts/draft-chart.svg'), SCRIPT_SVG('drafts'));
  await writeFile(
    join(contentDir, '_drafts/drafted.md'),
    article(
      'Drafted',
      '2026-05-18T09:00:00+03:00',
      'image:\n  src: ./draft-chart.svg\n  alt: A chart\n',
      'Body.',
    ),
  );
  await mkdir(join(contentDir, '.assets'), { recursive: true });
  await writeFile(join(contentDir, '.assets/hidden.svg'), SCRIPT_SVG('hidden'));
}

/** The SHA-256 of bytes. */
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A build's or a check's whole output, without colour codes. */
const outputOf = (result: RunResult) => stripVTControlCharacters(result.stdout + result.stderr);

describe('the images a build publishes', () => {
  let project: SiteProject;
  let build: RunResult;
  let files: Map<string, string>;

  beforeAll(async () => {
    project = await createSiteProject(writeContent);
    build = await project.build({ SITE_CLOCK: '2026-06-01T00:00:00Z' });
    expect(build.code, outputOf(build)).toBe(0);
    files = await hashFiles(project.distDir);
  }, BUILD_TIMEOUT);
  afterAll(() => project?.remove());

  it('leave out every image no published story uses, in any folder, by name and by bytes', async () => {
    const unused = [
      '2026/05/unused.svg',
      '2026/05/draft-photo.png',
      '_drafts/draft-chart.svg',
      '.assets/hidden.svg',
    ];
    const unusedHashes = new Set<string>();
    for (const path of unused)
      unusedHashes.add(sha256(await readFile(join(project.contentDir, path))));
    const leaked = [...files].filter(
      ([path, hash]) =>
        unusedHashes.has(hash) || /unused|draft-photo|draft-chart|hidden/.test(path),
    );
    expect(leaked.map(([path]) => path)).toStrictEqual([]);
  });

  it('serve no SVG that can run a script or load another file', async () => {
    const svgs = [...files.keys()].filter((path) => path.toLowerCase().endsWith('.svg'));
    // The chart beside its story, the lead chart in /_astro/, the site's icon.
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    for (const path of svgs) {
      const text = await readFile(join(project.distDir, path), 'utf8');
      expect(text, path).not.toMatch(/<script|\bon[a-z]+\s*=|javascript:/i);
      expect(checkSvg(text), path).toBeUndefined();
    }
  });

  it('show a lead image whose extension is in capitals, and an SVG lead image', async () => {
    const photoPage = await readFile(
      join(project.distDir, '2026/05/20/harbour-photo/index.html'),
      'utf8',
    );
    expect(photoPage).toMatch(/<picture[^>]*>.*<source[^>]+type="image\/webp"/s);
    expect(photoPage).toMatch(/<img[^>]+alt="The harbour skyline"/);
    const chartPage = await readFile(
      join(project.distDir, '2026/05/21/chart-lead/index.html'),
      'utf8',
    );
    const src = /<img[^>]+src="(\/_astro\/lead-chart\.[^"]+\.svg)"[^>]*alt="A rising line"/.exec(
      chartPage,
    )?.[1];
    expect(src).toBeDefined();
    expect(await readFile(join(project.distDir, src!), 'utf8')).toBe(
      await readFile(join(IMAGES, 'safe-chart.svg'), 'utf8'),
    );
  });

  it('copy body images beside the story, whatever their names, with no error logged', async () => {
    const dir = join(project.distDir, '2026/05/20/harbour-photo');
    const page = await readFile(join(dir, 'index.html'), 'utf8');
    expect(page).toContain('src="./100%25.png"');
    expect(page).toContain('src="./100%2541.png"');
    expect(page).toContain('src="./chart%231.png"');
    expect((await readdir(dir)).sort()).toStrictEqual([
      '100%.png',
      '100%41.png',
      'chart#1.png',
      'index.html',
      'safe-chart.svg',
    ]);
    expect(await readFile(join(dir, '100%.png'))).toEqual(await readFile(join(IMAGES, '100%.png')));
    expect(outputOf(build)).not.toMatch(/error|URI malformed/i);
  });

  it('warn of a file left out that may have been meant as an article', () => {
    expect(outputOf(build)).toContain(
      'content/2026/05/old-story.markdown: the site reads only .md files, so this .markdown file is left out; if it is an article, rename it to old-story.md',
    );
  });

  describe('with hostile images added', () => {
    let check: RunResult;
    let failed: RunResult;

    beforeAll(async () => {
      const folder = join(project.contentDir, '2026/05');
      await writeFile(join(folder, 'evil-lead.svg'), SCRIPT_SVG('lead'));
      await cp(join(IMAGES, 'onload.svg'), join(folder, 'onload.svg'));
      await cp(join(IMAGES, 'notes.png'), join(folder, 'notes.png'));
      await mkdir(join(folder, 'chart.png'));
      await writeFile(
        join(folder, 'evil-lead.md'),
        article(
          'An SVG lead image with a script',
          '2026-05-23T09:00:00+03:00',
          'image:\n  src: ./evil-lead.svg\n  alt: A chart\n',
          'Body.',
        ),
      );
      await writeFile(
        join(folder, 'evil-body.md'),
        article(
          'Body images that may not be published',
          '2026-05-24T09:00:00+03:00',
          '',
          '![A chart](./onload.svg)\n\n![Notes](./notes.png)\n\n![A folder](./chart.png)\n\n![A byte](./chart%FF.png)',
        ),
      );
      const checkScript = join(PROJECT_ROOT, 'scripts/check-content.ts');
      [check, failed] = await Promise.all([
        run(process.execPath, [checkScript], {
          cwd: project.root,
          env: { ...buildEnvironment(), SITE_CLOCK: '2026-06-01T00:00:00Z' },
        }),
        project.build({ SITE_CLOCK: '2026-06-01T00:00:00Z' }),
      ]);
    }, BUILD_TIMEOUT);

    const PROBLEMS = [
      'content/2026/05/evil-body.md:6:12: the image ./onload.svg names content/2026/05/onload.svg, which holds an event handler attribute (onload) (line 2, column 6)',
      'content/2026/05/evil-body.md:8:10: the image ./notes.png names content/2026/05/notes.png, which is not a PNG file: its bytes are not those of any image type the site takes',
      'content/2026/05/evil-body.md:10:13: the image ./chart.png names content/2026/05/chart.png, which is a folder, not an image file',
      'content/2026/05/evil-body.md:12:11: the image ./chart%FF.png has a "%" escape that stands for no character',
      'content/2026/05/evil-lead.md:6:8: "image.src" names content/2026/05/evil-lead.svg, which holds a <script> element (line 1, column 64)',
    ];

    it('are refused by the content check, each at the line that uses it', () => {
      const output = outputOf(check);
      expect(check.code, output).toBe(1);
      for (const problem of PROBLEMS) expect(output).toContain(problem);
      expect(output).toContain('5 problems in 2 article files.');
      expect(output).toContain(
        'content/2026/05/old-story.markdown: the site reads only .md files, so this .markdown file is left out',
      );
    });

    it('are refused by the build the same way, with no stack trace, and dist/ stays as it was', async () => {
      const output = outputOf(failed);
      expect(failed.code, output).toBe(1);
      for (const problem of PROBLEMS) expect(output).toContain(problem);
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(output).not.toMatch(/EISDIR|URIError/);
      expect(await hashFiles(project.distDir)).toEqual(files);
    });
  });
});
