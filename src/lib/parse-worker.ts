/**
 * A worker thread that parses article files for `createWorkerParser`: each message
 * `{ id, path, text }` is answered with `{ id, result }`.
 */
import { parentPort } from 'node:worker_threads';
import { parseArticle } from './articles/parse.ts';

parentPort?.on('message', (message: { id: number; path: string; text: string }) => {
  parentPort?.postMessage({ id: message.id, result: parseArticle(message.path, message.text) });
});
