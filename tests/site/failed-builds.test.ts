/**
 * A build that fails or is killed while it renders pages must not poison
 * the next one. Astro's incremental build copies a page's last rendering
 * into its cache as soon as the page is rendered, but records the keys of
 * those copies only when every page is done; without a guard, a story
 * pulled after such a build stays listed on its section front, build after
 * build. Here a project is built clean; then a story is added and the build
 * fails (a page that throws) or is killed (SIGKILL, as a cancelled deploy
 * job is) after the section front was rendered; then the story is removed
 * and the project built again: its output must equal the first, clean
 * build of the same content, file for file and byte for byte.
 */
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differingFiles, hashFiles } from '../../scripts/lib/file-hashes.ts';
import {
  buildEnvironment,
  createSiteProject,
  PROJECT_ROOT,
  type RunResult,
  type SiteProject,
} from '../../scripts/lib/site-project.ts';
import { FIXTURE_SITE } from '../helpers/fixture-site.ts';

/** Each test runs three builds of a small site, beside other test files. */
const TIMEOUT = 300_000;

/** The story that is added, then pulled: it is the newest in its section. */
const PULLED_STORY = '2024/01/pulled-story.md';
const PULLED_TEXT =
  '---\ntitle: A story that is pulled\nsection: World\npublished: 2024-01-12T09:00:00+03:00\n---\n' +
  'This story is published once and then pulled for legal reasons.\n';
/** The section front that lists it. */
const SECTION_FRONT = 'section/world/index.html';

/** A page that renders after every other (a rest route ranks last) and throws. */
const FAILING_PAGE = 'src/pages/[...failing].astro';
const FAILING_TEXT =
  "---\nexport function getStaticPaths() {\n  return [{ params: { failing: 'zz-failing' } }];\n}\n" +
  "throw new Error('A page that cannot be rendered.');\n---\n";
/** A page that renders after every other and takes a minute: time to kill the build. */
const SLOW_PAGE = 'src/pages/[...slow].astro';
const SLOW_TEXT =
  "---\nexport function getStaticPaths() {\n  return [{ params: { slow: 'zz-slow' } }];\n}\n" +
  'await new Promise((resolve) => setTimeout(resolve, 60_000));\n---\n<p>Slow.</p>\n';

const ENV = { SITE_CLOCK: FIXTURE_SITE.clock, SITE_URL: FIXTURE_SITE.url };

/** `astro build` in the project, as the site tests run it. */
function build(project: SiteProject): Promise<RunResult> {
  return project.build(ENV);
}

/**
 * Starts `astro build` in the project and kills it, and everything it
 * started, with SIGKILL once its log shows `line`; resolves with the log up
 * to then.
 */
function buildAndKillAt(project: SiteProject, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: project.root,
      env: { ...buildEnvironment(), ...ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A group of its own, so that the kill reaches whatever it started.
      detached: true,
    });
    let log = '';
    let killed = false;
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (!killed && stripVTControlCharacters(log).includes(line)) {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(stripVTControlCharacters(log));
      else
        reject(new Error(`The build ended by itself (code ${code}) before it was killed:\n${log}`));
    });
  });
}

/** The pages a build's log shows rendered or copied, in order. */
function pagesInLog(log: string): string[] {
  return [...stripVTControlCharacters(log).matchAll(/├─ (\S+)/g)].map((match) => match[1]!);
}

describe('a build after a failed or killed one', () => {
  let project: SiteProject;
  let clean: Map<string, string>;

  beforeAll(async () => {
    project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/build/good'));
    const first = await build(project);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    clean = await hashFiles(project.distDir);
  }, TIMEOUT);
  afterAll(() => project?.remove());

  /** Removes the pulled story and the extra page, rebuilds, and compares with the clean build. */
  async function pullAndCompare(page: string): Promise<void> {
    await rm(join(project.contentDir, PULLED_STORY));
    await rm(join(project.root, page));
    const rebuild = await build(project);
    expect(rebuild.code, rebuild.stdout + rebuild.stderr).toBe(0);
    const stale = differingFiles(await hashFiles(project.distDir), clean);
    expect(stale, 'files in which the rebuild differs from the clean build').toEqual([]);
  }

  it(
    'that failed while rendering pages equals a clean build once the story is pulled',
    async () => {
      await writeFile(join(project.contentDir, PULLED_STORY), PULLED_TEXT);
      await writeFile(join(project.root, FAILING_PAGE), FAILING_TEXT);
      const failed = await build(project);
      expect(failed.code, failed.stdout + failed.stderr).not.toBe(0);
      expect(
        pagesInLog(failed.stdout),
        'the section front was rendered before the failure',
      ).toContain(`/${SECTION_FRONT}`);
      await pullAndCompare(FAILING_PAGE);
    },
    TIMEOUT,
  );

  it(
    'that was killed while rendering pages equals a clean build once the story is pulled',
    async () => {
      await writeFile(join(project.contentDir, PULLED_STORY), PULLED_TEXT);
      await writeFile(join(project.root, SLOW_PAGE), SLOW_TEXT);
      const log = await buildAndKillAt(project, '├─ /zz-slow/index.html');
      expect(pagesInLog(log), 'the section front was rendered before the kill').toContain(
        `/${SECTION_FRONT}`,
      );
      await pullAndCompare(SLOW_PAGE);
    },
    TIMEOUT,
  );
});
