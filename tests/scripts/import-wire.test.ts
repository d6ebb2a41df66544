/**
 * The import command, run as a user would: `node scripts/import-wire.ts` in
 * a throwaway folder with wire copy in it.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as runCommand, type RunResult } from '../../scripts/lib/site-project.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts/import-wire.ts');
const FIXTURES = join(ROOT, 'tests/fixtures/wire');
const SEED_OUTPUT =
  'content/2019/05/security-chief-does-not-rule-out-restoring-contacts-between.md';
const SEED_REPORT = `imported seed-article.txt → ${SEED_OUTPUT} (related: 0, also-read: 1)`;

/** Runs the import command in `cwd`. */
function runImport(cwd: string, args: string[]): Promise<RunResult> {
  return runCommand(process.execPath, [SCRIPT, ...args], { cwd, env: process.env });
}

/** Every file under `dir`, relative to it, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('npm run import', () => {
  let dir: string;
  let expectedSeed: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wire-import-'));
    await copyFile(join(FIXTURES, 'seed/input.txt'), join(dir, 'seed-article.txt'));
    expectedSeed = await readFile(join(FIXTURES, 'seed/expected.md'), 'utf8');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('imports a file into content/YYYY/MM/<slug>.md, with a report line and a count', async () => {
    const run = await runImport(dir, ['seed-article.txt', '--year', '2019']);
    expect(run).toEqual({ code: 0, stdout: `${SEED_REPORT}\n1 imported, 0 failed.\n`, stderr: '' });
    expect(await readFile(join(dir, SEED_OUTPUT), 'utf8')).toBe(expectedSeed);
    // Written through a temporary file that does not stay behind.
    expect(await listFiles(dir)).toEqual([SEED_OUTPUT, 'seed-article.txt']);
  });

  it('refuses to overwrite an existing file without --force and leaves it byte-identical', async () => {
    await mkdir(join(dir, 'content/2019/05'), { recursive: true });
    const existing = Buffer.from('---\ntitle: An editor’s version\r\n---\nDo not lose me.\n');
    await writeFile(join(dir, SEED_OUTPUT), existing);

    const run = await runImport(dir, ['seed-article.txt', '--year', '2019']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `seed-article.txt: ${SEED_OUTPUT} already exists; import with --force to overwrite it\n`,
    );
    expect(run.stdout).toBe('0 imported, 1 failed.\n');
    expect((await readFile(join(dir, SEED_OUTPUT))).equals(existing)).toBe(true);
  });

  it('overwrites an existing file with --force', async () => {
    await mkdir(join(dir, 'content/2019/05'), { recursive: true });
    await writeFile(join(dir, SEED_OUTPUT), 'old text\n');
    const run = await runImport(dir, ['seed-article.txt', '--year', '2019', '--force']);
    expect(run.code).toBe(0);
    expect(await readFile(join(dir, SEED_OUTPUT), 'utf8')).toBe(expectedSeed);
  });

  it('gives the same bytes when the same copy is imported twice', async () => {
    await runImport(dir, ['seed-article.txt', '--year', '2019']);
    const first = await readFile(join(dir, SEED_OUTPUT));
    const again = await runImport(dir, ['--force', '--year', '2019', 'seed-article.txt']);
    expect(again.stdout).toBe(`${SEED_REPORT}\n1 imported, 0 failed.\n`);
    expect((await readFile(join(dir, SEED_OUTPUT))).equals(first)).toBe(true);
  });

  it('fails without --year for a time line that has none, says where, and writes nothing', async () => {
    const run = await runImport(dir, ['seed-article.txt']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'seed-article.txt:4:1: the time line "May 22, 8:36 UTC+3" gives no year; import with --year YYYY, or write the year into the line, as May 22, 2019, 8:36 UTC+3\n',
    );
    expect(run.stdout).toBe('0 imported, 1 failed.\n');
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('imports the good files of a run, reports the bad ones and exits 1', async () => {
    await copyFile(join(FIXTURES, 'bad-time/input.txt'), join(dir, 'bad-time.txt'));
    await copyFile(join(FIXTURES, 'no-dateline/input.txt'), join(dir, 'no-dateline.txt'));
    const run = await runImport(dir, [
      'bad-time.txt',
      'no-dateline.txt',
      'missing.txt',
      '--year',
      '2019',
      '--out',
      'news',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'imported no-dateline.txt → news/2019/12/moscow-metro-opens-three-new-stations-on-the-big-circle-line.md (related: 0, also-read: 0, no dateline: imported without dateline and source)\n' +
        '1 imported, 2 failed.\n',
    );
    expect(run.stderr.split('\n')).toEqual([
      'bad-time.txt:4:17: 25:61 is not a time of day; write it on the 24-hour clock, from 0:00 to 23:59',
      'bad-time.txt:4:26: UTC+15 is not an offset any place keeps; offsets run from UTC-12 to UTC+14, as UTC+3 or UTC+5:30',
      'missing.txt: there is no such file; check the path',
      '',
    ]);
  });

  it('fails the second of two files that would write the same article', async () => {
    await copyFile(join(dir, 'seed-article.txt'), join(dir, 'seed-again.txt'));
    const run = await runImport(dir, ['seed-article.txt', 'seed-again.txt', '--year', '2019']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${SEED_REPORT}\n1 imported, 1 failed.\n`);
    expect(run.stderr).toBe(
      `seed-again.txt: seed-article.txt was imported to ${SEED_OUTPUT} earlier in this run, and this story would go to the same file; give one of the stories a different headline\n`,
    );
  });

  it('refuses a slug that another article already has in another folder', async () => {
    await mkdir(join(dir, 'content/2018/01'), { recursive: true });
    const other = 'content/2018/01/security-chief-does-not-rule-out-restoring-contacts-between.md';
    await writeFile(
      join(dir, other),
      '---\ntitle: Older story\nsection: World\npublished: 2018-01-01T10:00:00Z\n---\n\nBody.\n',
    );
    const run = await runImport(dir, ['seed-article.txt', '--year', '2019', '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `seed-article.txt: the slug "security-chief-does-not-rule-out-restoring-contacts-between" is already used by ${other}; every article needs its own, so change the headline in the copy\n`,
    );
  });

  it('links related headlines to articles in the output folder and to ones imported earlier in the run', async () => {
    await mkdir(join(dir, 'content/2019/05'), { recursive: true });
    await writeFile(
      join(dir, 'content/2019/05/lavrov-pompeo-sochi.md'),
      '---\ntitle: Lavrov and Pompeo to meet in Sochi next week\nsection: World\npublished: 2019-05-10T10:00:00Z\n---\n\nBody.\n',
    );
    const putin =
      'Putin sees prospects for Russia-US cooperation after domestic issues in Washington solved';
    await writeFile(
      join(dir, 'putin.txt'),
      `${putin}\n\nRussian Politics & Diplomacy\nMay 21, 2019, 18:00 UTC+3\n\nStandfirst\n\nMOSCOW, May 21. /TASS/. Lead.\n`,
    );
    const seed = await readFile(join(dir, 'seed-article.txt'), 'utf8');
    await writeFile(
      join(dir, 'seed-article.txt'),
      seed.replace(
        'He said it is very',
        'Lavrov and Pompeo to meet in Sochi next week\n\nHe said it is very',
      ),
    );

    const run = await runImport(dir, ['putin.txt', 'seed-article.txt', '--year', '2019']);
    expect(run.stdout).toBe(
      'imported putin.txt → content/2019/05/putin-sees-prospects-for-russia-us-cooperation-after.md (related: 0, also-read: 0)\n' +
        `imported seed-article.txt → ${SEED_OUTPUT} (related: 2, also-read: 0)\n` +
        '2 imported, 0 failed.\n',
    );
    const imported = await readFile(join(dir, SEED_OUTPUT), 'utf8');
    expect(imported).toContain(
      'related:\n  - putin-sees-prospects-for-russia-us-cooperation-after\n  - lavrov-pompeo-sochi\n---\n',
    );
    expect(imported).not.toContain('Also read');
  });

  it('explains a wrong command with the usage and exit code 2, without a stack trace', async () => {
    const run = await runImport(dir, ['seed-article.txt', '--yaer', '2019']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^Unknown option "--yaer" — did you mean "--year"\?\n\nUsage: npm run import -- FILE\.\.\./,
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);

    const badYear = await runImport(dir, ['seed-article.txt', '--year', '19']);
    expect(badYear.code).toBe(2);
    expect(badYear.stderr).toMatch(/^--year needs a four-digit year, as --year 2019\./);
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('prints the usage for --help', async () => {
    const run = await runImport(dir, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Usage: npm run import -- FILE\.\.\. \[--year YYYY\] \[--out DIR\] \[--force\]\n/,
    );
  });
});
