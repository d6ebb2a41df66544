/**
 * The Nu HTML checker (the `vnu-jar` package) run from tests: one Java
 * process for a whole list of files, since the checker takes seconds to
 * start. Needs `java` 17 or later on the PATH (or in `JAVA_HOME`); where it
 * is missing, checks are skipped on a developer's machine and fail in CI.
 *
 * @example
 * describe.skipIf(!javaIsAvailable())('the built pages', () => {
 *   it('are valid HTML', async () => {
 *     const { messages } = await checkHtmlFiles(files);
 *     expect(messages.map((message) => formatMessage(message, siteDir))).toEqual([]);
 *   });
 * });
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checker's jar, as the `vnu-jar` package gives it. */
export const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

/** The Java launcher: `$JAVA_HOME/bin/java` when that is set, else `java` from the PATH. */
export const JAVA = process.env['JAVA_HOME']
  ? join(process.env['JAVA_HOME'], 'bin', 'java')
  : 'java';

/**
 * Whether the checker can run here. Without Java this is false on a
 * developer's machine (the checks are skipped) and throws in CI, where a
 * skipped validity check would hide a broken setup.
 *
 * @throws Error when `CI` is set and Java does not start
 */
export function javaIsAvailable(): boolean {
  const probe = spawnSync(JAVA, ['-version'], { stdio: 'ignore' });
  if (probe.status === 0) return true;
  if (process.env['CI']) {
    throw new Error(
      `The HTML validity check needs Java 17 or later, but "${JAVA} -version" did not run` +
        ` (${probe.error?.message ?? `exit code ${probe.status}`}); install it with` +
        ` "apt-get install openjdk-17-jre-headless" or set JAVA_HOME.`,
    );
  }
  return false;
}

/** One message of the checker's JSON output (https://github.com/validator/validator/wiki/Output-»-JSON). */
export interface VnuMessage {
  /** `error`, `info` (warnings are `info` with `subType: warning`) or `non-document-error`. */
  type: string;
  subType?: string;
  /** The checked document, a `file:` URL for local files. */
  url?: string;
  firstLine?: number;
  firstColumn?: number;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** What one run of the checker reported. */
export interface VnuReport {
  messages: VnuMessage[];
  /** The checker's exit code: 0 when it found no errors. */
  exitCode: number | null;
}

/**
 * Checks HTML files with one run of the checker, reporting errors only
 * (`--errors-only`: no warnings or info messages).
 *
 * @param files absolute paths of `.html` files
 * @throws Error when the checker's output is not its JSON report (it did
 *   not start, or ran out of stack), so that a broken run never passes as
 *   "no errors"
 */
export async function checkHtmlFiles(files: readonly string[]): Promise<VnuReport> {
  // The schema evaluation recurses deeply: the checker asks for at least 512k of stack.
  const args = [
    '-Xss2m',
    '-jar',
    VNU_JAR,
    '--errors-only',
    '--format',
    'json',
    '--stdout',
    ...files,
  ];
  const { code, stdout, stderr } = await runJava(args);
  let report: { messages?: VnuMessage[] };
  try {
    report = JSON.parse(stdout) as { messages?: VnuMessage[] };
  } catch {
    throw new Error(
      `The Nu HTML checker gave no JSON report (exit code ${code}):\n${stdout}\n${stderr}`,
    );
  }
  if (!Array.isArray(report.messages)) {
    throw new Error(`The Nu HTML checker's report has no messages list:\n${stdout}`);
  }
  return { messages: report.messages, exitCode: code };
}

/**
 * A message as `file:line:column: message`, the file relative to `rootDir`.
 * The position is where the offending markup starts.
 */
export function formatMessage(message: VnuMessage, rootDir: string): string {
  const file = message.url?.startsWith('file:')
    ? relative(rootDir, fileURLToPath(message.url))
    : (message.url ?? '(no document)');
  const line = message.firstLine ?? message.lastLine;
  const column = message.firstColumn ?? message.lastColumn;
  const place = line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`;
  return `${file}${place}: ${message.message}`;
}

function runJava(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(JAVA, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
