/**
 * `npm run build`: the production build, written to a staging folder and
 * moved into `dist/` only when the whole build succeeded. Whatever fails
 * (a bad article, a page that throws, the search index), `dist/` keeps the
 * last good site, never a half-written one.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const root = process.cwd();
const dist = join(root, 'dist');
const staging = join(root, '.astro', 'staging-dist');
const previous = join(root, '.astro', 'previous-dist');

await rm(staging, { recursive: true, force: true });
const code = await new Promise<number | null>((resolve) => {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(
    process.execPath,
    [astro, 'build', '--outDir', staging, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  child.on('close', resolve);
});

if (code !== 0) {
  await rm(staging, { recursive: true, force: true });
  console.error(
    existsSync(dist)
      ? 'The build failed; dist/ still holds the last good site.'
      : 'The build failed; nothing was written to dist/.',
  );
  process.exit(code ?? 1);
}

// Two renames: dist/ is missing only between them, never half-written.
await rm(previous, { recursive: true, force: true });
if (existsSync(dist)) await rename(dist, previous);
await rename(staging, dist);
await rm(previous, { recursive: true, force: true });
console.log('The site is in dist/.');
