/**
 * Parses article files on worker threads, one per core, so that a large
 * collection is parsed on every core of the build machine. The first files
 * are parsed in the calling thread: for a handful of changed files, starting
 * workers would cost more than the parsing.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseArticle, type ParseResult } from './articles/parse.ts';
import type { SourceFile } from './article-files.ts';

/** How many files are parsed in the calling thread before workers start. */
export const WORKER_THRESHOLD = 200;

/** Something that parses files; `close` releases what it holds. */
export interface Parser {
  parse(file: SourceFile): Promise<ParseResult>;
  close(): Promise<void>;
}

interface PendingParse {
  resolve(result: ParseResult): void;
  reject(error: unknown): void;
}

/**
 * Starts `size` parse workers (default: one per core). Each file goes to the
 * worker with the fewest files waiting.
 */
export function createWorkerParser(size = availableParallelism()): Parser {
  const workerUrl = new URL('./parse-worker.ts', import.meta.url);
  const workers = Array.from({ length: Math.max(1, size) }, () => ({
    worker: new Worker(workerUrl),
    waiting: 0,
  }));
  const pending = new Map<number, PendingParse>();
  let nextId = 0;

  for (const slot of workers) {
    slot.worker.on('message', ({ id, result }: { id: number; result: ParseResult }) => {
      slot.waiting--;
      pending.get(id)?.resolve(result);
      pending.delete(id);
    });
    // A crashed worker fails the whole load: its files would never come back.
    slot.worker.on('error', (error) => {
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  }

  return {
    parse(file) {
      const slot = workers.reduce((best, candidate) =>
        candidate.waiting < best.waiting ? candidate : best,
      );
      slot.waiting++;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, path: file.path, text: file.text });
      });
    },
    close: async () => {
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
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
