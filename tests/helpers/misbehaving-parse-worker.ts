/**
 * A parse worker for the worker pool's tests that misbehaves on purpose:
 * it dies on `content/crash.md`, exits on `content/exit.md`, never answers
 * for `content/hang.md`, and parses every other file as the real worker does.
 */
import { parentPort } from 'node:worker_threads';
import { parseArticle } from '../../src/lib/articles/parse.ts';

parentPort?.on('message', (message: { id: number; path: string; text: string }) => {
  if (message.path === 'content/crash.md') throw new RangeError('Maximum call stack size exceeded');
  if (message.path === 'content/exit.md') process.exit(3);
  if (message.path === 'content/hang.md') for (;;);
  parentPort?.postMessage({ id: message.id, result: parseArticle(message.path, message.text) });
});
