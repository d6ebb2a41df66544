/**
 * Serves a built site over HTTP for browser tests, the way a static host
 * would: `/2024/` answers with `2024/index.html`, unknown paths get the
 * site's `404.html` with status 404. Listens on 127.0.0.1 on a free port.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

/** A running static server. */
export interface StaticServer {
  /** The server's origin, without a trailing slash: `http://127.0.0.1:43123`. */
  origin: string;
  /** An absolute URL for a site path: `url('/search/?q=x')`. */
  url(path: string): string;
  /** Stops the server and closes open connections. */
  close(): Promise<void>;
}

/**
 * Serves the files of `rootDir` until `close()` is called.
 *
 * @param rootDir a built site's output folder
 */
export async function startStaticServer(rootDir: string): Promise<StaticServer> {
  // `dev` reads the folder on each request, so a rebuilt site is served as it is now.
  const serve = sirv(rootDir, { dev: true, etag: false });
  const server = createServer((request, response) => {
    serve(request, response, () => void notFound(rootDir, request.url ?? '/', response));
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the system picks a free port, so parallel test files never collide.
    server.listen(0, '127.0.0.1', () => resolve());
  });
}

async function notFound(rootDir: string, path: string, response: ServerResponse): Promise<void> {
  const page = await readFile(join(rootDir, '404.html')).catch(() => undefined);
  response.statusCode = 404;
  response.setHeader(
    'Content-Type',
    page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
  );
  response.end(page ?? `Not found: ${path}`);
}
