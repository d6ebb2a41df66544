/**
 * Builds the fixture site once for every test file that reads built pages:
 * the content of tests/fixtures/site/content, at a fixed clock and base URL,
 * in a throwaway project. Test files read its folder with `inject('siteDir')`.
 */
import type { TestProject } from 'vitest/node';
import { join } from 'node:path';
import { createSiteProject, PROJECT_ROOT, type SiteProject } from '../scripts/lib/site-project.ts';
import { FIXTURE_SITE } from './helpers/fixture-site.ts';

let project: SiteProject | undefined;

export async function setup(testProject: TestProject): Promise<void> {
  project = await createSiteProject(join(PROJECT_ROOT, 'tests/fixtures/site/content'));
  const result = await project.build({
    SITE_CLOCK: FIXTURE_SITE.clock,
    SITE_URL: FIXTURE_SITE.url,
  });
  if (result.code !== 0) {
    throw new Error(`The fixture site did not build:\n${result.stdout}\n${result.stderr}`);
  }
  testProject.provide('siteDir', project.distDir);
}

export async function teardown(): Promise<void> {
  if (!process.env['KEEP_FIXTURE_SITE']) await project?.remove();
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built fixture site's output folder. */
    siteDir: string;
  }
}
