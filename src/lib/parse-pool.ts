/**
 * Parses article files on worker threads, one per core, so that a large
 * collection is parsed on every core of the build machine. The first files
 * are parsed in the calling thread: for a handful of changed files, starting
 * workers would cost more than the parsing.
 *
 * One file never stops the others: a worker that dies on a file, or takes
 * longer than `PARSE_TIMEOUT_MS` over it, is replaced, that file gets a
 * problem, and the files waiting for that worker go to its replacement.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseArticle, parseFailure, type ParseResult } from './articles/parse.ts';
import type { SourceFile } from './article-files.ts';

/** How many files are parsed in the calling thread before workers start. */
export const WORKER_THRESHOLD = 200;

/**
 * Longest a worker may spend on one file. The article limits keep the
 * slowest file to seconds; this bounds whatever they miss, with room for a
 * machine busy with the rest of the build.
 */
export const PARSE_TIMEOUT_MS = 60_000;

/** Something that parses files; `close` releases what it holds. */
export interface Parser {
  parse(file: SourceFile): Promise<ParseResult>;
  close(): Promise<void>;
}

/** How to run the workers. */
export interface WorkerParserOptions {
  /** How many workers (default: one per core). */
  size?: number;
  /** Longest a worker may spend on one file, in milliseconds. */
  timeoutMs?: number;
  /**
   * The worker module (default: `parse-worker.ts`): it answers each
   * `{ id, path, text }` with `{ id, result }`, in order.
   */
  workerUrl?: URL;
}

/** A file sent to a worker, waiting for its result. */
interface Job {
  id: number;
  file: SourceFile;
  resolve(result: ParseResult): void;
}

/** A worker and the files sent to it, the one it is parsing first. */
interface Slot {
  worker: Worker;
  queue: Job[];
  timer: NodeJS.Timeout | undefined;
}

/**
 * Starts the parse workers. Each file goes to the worker with the fewest
 * files waiting.
 */
export function createWorkerParser({
  size = availableParallelism(),
  timeoutMs = PARSE_TIMEOUT_MS,
  workerUrl = new URL('./parse-worker.ts', import.meta.url),
}: WorkerParserOptions = {}): Parser {
  let closed = false;
  let nextId = 0;

  /** Takes the results of the slot's worker, and replaces the worker when it dies. */
  const listen = (slot: Slot): void => {
    const worker = slot.worker;
    worker.on('message', ({ id, result }: { id: number; result: ParseResult }) => {
      if (slot.worker !== worker || slot.queue[0]?.id !== id) return;
      slot.queue.shift()?.resolve(result);
      startTimer(slot);
    });
    // A worker that dies (an uncaught error, running out of memory) is
    // replaced; the file it was parsing is the one that killed it. Node
    // delivers every result the worker posted before it emits 'exit', so
    // the head of the queue is then that file ('error' may come sooner).
    let reason: string | undefined;
    worker.on('error', (error) => {
      reason = `${error.name}: ${error.message}`;
    });
    worker.on('exit', (code) => {
      if (closed || slot.worker !== worker) return;
      const why = reason ?? `the parser's thread stopped with exit code ${code}`;
      replaceWorker(slot, (path) => parseFailure(path, why));
    });
  };

  /** Gives the file being parsed its result, and sends the rest to a new worker. */
  const replaceWorker = (slot: Slot, resultFor: (path: string) => ParseResult): void => {
    const old = slot.worker;
    const failed = slot.queue.shift();
    slot.worker = new Worker(workerUrl);
    listen(slot);
    void old.terminate();
    if (failed) failed.resolve(resultFor(failed.file.path));
    for (const job of slot.queue) post(slot, job);
    startTimer(slot);
  };

  /** Times the file at the head of the slot's queue: it is the one being parsed. */
  const startTimer = (slot: Slot): void => {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    if (slot.queue.length === 0 || closed) return;
    slot.timer = setTimeout(() => {
      replaceWorker(slot, (path) => timedOut(path, timeoutMs));
    }, timeoutMs);
  };

  const post = (slot: Slot, job: Job): void => {
    slot.worker.postMessage({ id: job.id, path: job.file.path, text: job.file.text });
  };

  const slots = Array.from({ length: Math.max(1, size) }, () => {
    const slot: Slot = { worker: new Worker(workerUrl), queue: [], timer: undefined };
    listen(slot);
    return slot;
  });

  return {
    parse(file) {
      const slot = slots.reduce((best, candidate) =>
        candidate.queue.length < best.queue.length ? candidate : best,
      );
      return new Promise((resolve) => {
        const job = { id: nextId++, file, resolve };
        slot.queue.push(job);
        post(slot, job);
        if (slot.queue.length === 1) startTimer(slot);
      });
    },
    close: async () => {
      closed = true;
      for (const slot of slots) clearTimeout(slot.timer);
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}

/** The result for a file whose parse was stopped after `timeoutMs`. */
function timedOut(path: string, timeoutMs: number): ParseResult {
  return {
    ok: false,
    problems: [
      {
        path,
        place: { line: 1, column: 1 },
        ruleId: 'parse-timeout',
        message: `parsing the file took longer than ${timeoutMs / 1000} seconds, so it was stopped; simplify what nests deeply or repeats (lists, quotes, emphasis, HTML), or split the story`,
      },
    ],
  };
}

/**
 * Parses the first `threshold` files in the calling thread and starts
 * workers only when more come, so that a rebuild after a one-word edit does
 * not pay for starting them.
 */
export function createAdaptiveParser(threshold = WORKER_THRESHOLD): Parser {
  let parsed = 0;
  let workers: Parser | undefined;
  return {
    parse(file) {
      parsed++;
      if (parsed <= threshold) return Promise.resolve(parseArticle(file.path, file.text));
      workers ??= createWorkerParser();
      return workers.parse(file);
    },
    close: async () => {
      await workers?.close();
    },
  };
}
