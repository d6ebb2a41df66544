/**
 * The import command, run as a user would: `node scripts/import-wire.ts` in
 * a throwaway folder with wire copy in it.
 */
import { existsSync } from 'node:fs';
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as runCommand, type RunResult } from '../../scripts/lib/site-project.ts';
import { WIRE_COPY_MAX_BYTES } from '../../src/lib/wire/decode-copy.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts/import-wire.ts');
const FIXTURES = join(ROOT, 'tests/fixtures/wire');
const SEED_OUTPUT =
  'content/2019/05/security-chief-does-not-rule-out-restoring-contacts-between.md';
const SEED_REPORT = `imported seed-article.txt → ${SEED_OUTPUT} (related: 0, also-read: 1)`;
/** The first line of a run: where it writes. */
const INTO_NEW_CONTENT =
  'Importing into content/ (a new folder, made with the first article written).\n';
const INTO_CONTENT = 'Importing into content/.\n';

/** Runs the import command in `cwd`. */
function runImport(cwd: string, args: string[]): Promise<RunResult> {
  return runCommand(process.execPath, [SCRIPT, ...args], { cwd, env: process.env });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
    expect(run).toEqual({
      code: 0,
      stdout: `${INTO_NEW_CONTENT}${SEED_REPORT}\n1 imported, 0 failed.\n`,
      stderr: '',
    });
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
    expect(run.stdout).toBe(`${INTO_CONTENT}0 imported, 1 failed.\n`);
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
    expect(again.stdout).toBe(`${INTO_CONTENT}${SEED_REPORT}\n1 imported, 0 failed.\n`);
    expect((await readFile(join(dir, SEED_OUTPUT))).equals(first)).toBe(true);
  });

  it('fails without --year for a time line that has none, says where, and writes nothing', async () => {
    const run = await runImport(dir, ['seed-article.txt']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'seed-article.txt:4:1: the time line "May 22, 8:36 UTC+3" gives no year; import with --year YYYY, or write the year into the line, as May 22, 2019, 8:36 UTC+3\n',
    );
    expect(run.stdout).toBe(`${INTO_NEW_CONTENT}0 imported, 1 failed.\n`);
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
      'Importing into news/ (a new folder, made with the first article written).\n' +
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
    expect(run.stdout).toBe(`${INTO_NEW_CONTENT}${SEED_REPORT}\n1 imported, 1 failed.\n`);
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
      INTO_CONTENT +
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

    for (const year of ['19', '999', '0999', '10000']) {
      const badYear = await runImport(dir, ['seed-article.txt', '--year', year]);
      expect(badYear.code).toBe(2);
      expect(badYear.stderr).toMatch(
        /^--year needs a four-digit year from 1000 to 9999, which the article contract and the site's addresses need, as --year 2019\.\n\nUsage: /,
      );
    }
    expect(existsSync(join(dir, 'content'))).toBe(false);
  });

  it('prints the usage for --help', async () => {
    const run = await runImport(dir, ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Usage: npm run import -- FILE\.\.\. \[--year YYYY\] \[--out DIR\] \[--force\] \[--allow-outside\]\n/,
    );
    expect(run.stdout).toContain(
      '  --allow-outside  let --out name a folder outside the project, which is refused without it\n',
    );
  });

  describe('--out', () => {
    let outside: string;

    beforeEach(async () => {
      outside = await mkdtemp(join(tmpdir(), 'wire-outside-'));
    });
    afterEach(() => rm(outside, { recursive: true, force: true }));

    it('refuses a folder outside the project, and writes nothing', async () => {
      const run = await runImport(dir, [
        'seed-article.txt',
        '--year',
        '2019',
        '--out',
        relative(dir, outside),
      ]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(
        new RegExp(
          `^--out ${escapeRegExp(outside)} is outside the project \\(${escapeRegExp(dir)}\\); give a folder inside it, as --out content, or add --allow-outside to write there on purpose\\.\\n\\nUsage: `,
        ),
      );
      expect(await listFiles(outside)).toEqual([]);
    });

    it('writes outside the project with --allow-outside, and says so first', async () => {
      const run = await runImport(dir, [
        'seed-article.txt',
        '--year',
        '2019',
        '--allow-outside',
        '--out',
        join(relative(dir, outside), 'news'),
      ]);
      const output = join(outside, 'news', SEED_OUTPUT.replace(/^content\//, ''));
      expect(run).toEqual({
        code: 0,
        stdout:
          `Importing into ${join(outside, 'news')}/ (outside the project, as --allow-outside allows; a new folder, made with the first article written).\n` +
          `imported seed-article.txt → ${output} (related: 0, also-read: 1)\n` +
          '1 imported, 0 failed.\n',
        stderr: '',
      });
      expect(await readFile(output, 'utf8')).toBe(expectedSeed);
    });

    it('refuses a symbolic link that leads outside the project', async () => {
      await symlink(outside, join(dir, 'content'));
      const run = await runImport(dir, ['seed-article.txt', '--year', '2019']);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(
        `--out content leads outside the project (${dir}) through a symbolic link, to ${await realpath(outside)}; give a folder inside it, as --out content, or add --allow-outside to write there on purpose.`,
      );
      expect(await listFiles(outside)).toEqual([]);
    });

    it('writes nothing through a folder inside it that links outside the project', async () => {
      await mkdir(join(dir, 'content'));
      await symlink(outside, join(dir, 'content/2019'));
      await copyFile(join(FIXTURES, 'year-in-time-line/input.txt'), join(dir, 'brazil.txt'));
      const run = await runImport(dir, ['seed-article.txt', 'brazil.txt', '--year', '2019']);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe(
        `${INTO_CONTENT}imported brazil.txt → content/2024/12/brazil-s-central-bank-keeps-key-rate-unchanged.md (related: 0, also-read: 0)\n1 imported, 1 failed.\n`,
      );
      expect(run.stderr).toBe(
        `seed-article.txt: ${SEED_OUTPUT} would be written outside the project, since content/2019 leads to ${await realpath(outside)} through a symbolic link; remove the link, or import with --allow-outside to write there on purpose\n`,
      );
      expect(await listFiles(outside)).toEqual([]);
    });

    it.each([
      ['a file', 'notes.txt', '--out names notes.txt, which is a file; give a folder.'],
      [
        'a folder inside a file',
        'notes.txt/news',
        '--out names notes.txt/news, but notes.txt is a file; give a folder.',
      ],
      [
        'a symbolic link to nothing',
        'gone/news',
        '--out names gone/news, but gone is a symbolic link to something that does not exist; remove it, or point it at a folder.',
      ],
    ])('refuses %s', async (_, out, message) => {
      await writeFile(join(dir, 'notes.txt'), 'not a folder\n');
      await symlink(join(dir, 'nowhere'), join(dir, 'gone'));
      const run = await runImport(dir, ['seed-article.txt', '--year', '2019', '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe(message);
      expect(await listFiles(dir)).toEqual(['notes.txt', 'seed-article.txt']);
    });

    it('makes a folder that does not exist yet, and says so', async () => {
      const run = await runImport(dir, ['seed-article.txt', '--year', '2019', '--out', 'wire/in']);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(
        'Importing into wire/in/ (a new folder, made with the first article written).',
      );
      expect(await readFile(join(dir, SEED_OUTPUT.replace('content', 'wire/in')), 'utf8')).toBe(
        expectedSeed,
      );
    });
  });

  it('gives each file it cannot take one line naming it, and imports the others', async () => {
    const seed = await readFile(join(dir, 'seed-article.txt'));
    await copyFile(join(FIXTURES, 'pasted-from-word/input.txt'), join(dir, 'from-word.txt'));
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(
      join(dir, 'picture.txt'),
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    );
    await writeFile(join(dir, 'huge.txt'), 'x'.repeat(WIRE_COPY_MAX_BYTES + 1));
    await mkdir(join(dir, 'folder.txt'));
    await writeFile(
      join(dir, 'notepad.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed.toString(), 'utf16le')]),
    );
    await writeFile(
      join(dir, 'windows.txt'),
      Buffer.from(
        seed.toString('latin1').replace('Naryshkin said', 'Naryshkin said \x93so\x94'),
        'latin1',
      ),
    );
    const files = [
      'empty.txt',
      'picture.txt',
      'huge.txt',
      'folder.txt',
      'notepad.txt',
      'windows.txt',
      '/dev/null',
      'seed-article.txt',
      'from-word.txt',
    ];
    const run = await runImport(dir, [...files, '--year', '2019']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      INTO_NEW_CONTENT +
        `${SEED_REPORT}\n` +
        'imported from-word.txt → content/2019/05/kremlin-says-no-decision-yet-on-president-s-trip-to-japan.md (related: 0, also-read: 0)\n' +
        '2 imported, 7 failed.\n',
    );
    expect(run.stderr.split('\n')).toEqual([
      'empty.txt:1:1: the file holds no text; wire copy starts with the headline, the section and the time line (May 22, 8:36 UTC+3), each on its own line, then the standfirst and the body, separated by blank lines',
      'picture.txt:3:1: the file holds a NUL byte, so it is binary data or UTF-16 rather than text; export the copy as plain text in UTF-8 and import it again',
      'huge.txt: the file is 1.1 MB, more than the 1 MB that wire copy may have; check that this is the file of copy you meant',
      'folder.txt: this is a folder; give the files of wire copy in it',
      'notepad.txt: the file is in UTF-16; save it as UTF-8 and import it again',
      'windows.txt:6:112: the file is not valid UTF-8 at this character (Word\'s "Windows" encoding is the usual cause); save it as UTF-8 and import it again',
      '/dev/null: this is not a file but a device, pipe or socket; give a file of wire copy',
      '',
    ]);
    expect(await listFiles(join(dir, 'content'))).toEqual([
      '2019/05/kremlin-says-no-decision-yet-on-president-s-trip-to-japan.md',
      SEED_OUTPUT.replace('content/', ''),
    ]);
  });
});
