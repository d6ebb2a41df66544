/**
 * A throwaway copy of the site for tests and benchmarks: the project's code
 * with a content folder of the caller's, built in its own folder so that
 * builds never share a cache, a content tree or an output folder.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The project's root (this file is scripts/lib/site-project.ts). */
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

const PROJECT_FILES = [
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'src',
  'public',
  'scripts',
];

/** The outcome of a command run in a site project. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A site project in a temporary folder. */
export interface SiteProject {
  root: string;
  contentDir: string;
  distDir: string;
  /** Runs `astro build` there with extra environment variables. */
  build(env?: Record<string, string>): Promise<RunResult>;
  /**
   * Runs `npm run build` there (`scripts/build.ts`: staging, swap into
   * `dist/`, the deploy manifest) with extra environment variables. Only
   * for copies of this project, not for another template.
   */
  publish(env?: Record<string, string>): Promise<RunResult>;
  /** Deletes the folder. */
  remove(): Promise<void>;
}

/**
 * Creates a site project whose `content/` is a copy of `content`, or is
 * written by it.
 *
 * @param content a folder of article files, or a function that writes them
 *   into the folder it is given
 * @param template another site to copy instead of this project's code
 *   (the benchmark's stock comparison site)
 */
export async function createSiteProject(
  content: string | ((contentDir: string) => Promise<void>),
  template?: string,
): Promise<SiteProject> {
  const root = await mkdtemp(join(tmpdir(), 'newsroom-site-'));
  if (template) {
    await cp(template, root, { recursive: true });
  } else {
    for (const name of PROJECT_FILES) {
      await cp(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
    }
  }
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const contentDir = join(root, 'content');
  if (typeof content === 'string') await cp(content, contentDir, { recursive: true });
  else await content(contentDir);
  return {
    root,
    contentDir,
    distDir: join(root, 'dist'),
    build: (env = {}) =>
      run(
        process.execPath,
        [join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
        {
          cwd: root,
          env: { ...buildEnvironment(), ...env },
        },
      ),
    publish: (env = {}) =>
      run(process.execPath, [join(root, 'scripts', 'build.ts')], {
        cwd: root,
        env: { ...buildEnvironment(), ...env },
      }),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * The environment for a build: this process's, less what the test runner
 * sets. Vitest puts NODE_ENV=test and its `import.meta.env` values (MODE,
 * DEV, PROD, …) into `process.env`, and Vite would read them as a dev build.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) {
    if (RUNNER_VARIABLES.has(name) || name.startsWith('VITEST')) delete env[name];
  }
  return env;
}

const RUNNER_VARIABLES = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/**
 * Copies the project's code (not its content) into a temporary folder, to
 * serve as `template` for several site projects that must build the same
 * code even while the working tree changes (a long benchmark).
 */
export async function snapshotProjectCode(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsroom-code-'));
  for (const name of PROJECT_FILES) {
    await cp(join(PROJECT_ROOT, name), join(dir, name), { recursive: true });
  }
  return dir;
}

/** Runs a command to its end, collecting its output. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
