import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.js';

/** Where `npm run build:web` (vite build) writes the web UI. */
export const DEFAULT_WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
export const BUILD_HINT = 'The web UI is not built: run `npm run build:web` (npm install and npm start build it too)';

/** Whether `npm run build:web` has built the UI into `root`. */
export const isWebUiBuilt = (root: string = DEFAULT_WEB_ROOT): boolean => fs.existsSync(path.join(root, 'index.html'));

/** Paths that are never the web UI: they keep their own answers, and their JSON 404s. */
const NOT_UI_PREFIXES = ['/api', '/docs', '/documentation', '/metrics', '/healthz'];

const isUiPath = (url: string) => {
  const path = url.split('?')[0] ?? '';
  return !NOT_UI_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
};

/**
 * Serves the built web UI at `/`: its files as they are (hashed assets cached for good, index.html never),
 * and index.html for any other page a browser asks for (the UI routes in the browser). It adds no route:
 * what no API route answers reaches the not-found handler, which serves the UI, so the API's route tree
 * (and the OpenAPI document made from it) stays the API's. When the UI is not built the API works all
 * the same and the start-up log says how to build it.
 */
export async function registerWebUi(app: FastifyInstance, root: string): Promise<{ built: boolean }> {
  const built = isWebUiBuilt(root);
  // `reply.sendFile` only, confined to `root` (the send library refuses paths that leave it).
  if (built) await app.register(fastifyStatic, { root, serve: false, index: false, cacheControl: false });
  else app.log.warn(BUILD_HINT);
  const files = built ? new Set(listFiles(root)) : new Set<string>();

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = request.url.split('?')[0] ?? '';
    const readable = (request.method === 'GET' || request.method === 'HEAD') && isUiPath(urlPath);
    const file = readable ? safeDecode(urlPath.slice(1)) : undefined;
    if (file && files.has(file) && file !== 'index.html') {
      const hashed = file.startsWith('assets/');
      return reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
    }
    const wantsPage = readable && acceptsHtml(request);
    if (wantsPage && built) return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    if (wantsPage) return reply.code(404).send(errorBody(404, BUILD_HINT));
    return reply.code(404).send(errorBody(404, `No route ${request.method} ${urlPath}`));
  });
  return { built };
}

/** Every file of the build, relative to its root with forward slashes (the build does not change while the API runs). */
function listFiles(root: string): string[] {
  return (
    (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((entry) => entry.isFile())
      // parentPath from Node 20.12, path before it.
      .map((entry) =>
        path
          .relative(root, path.join(entry.parentPath ?? entry.path, entry.name))
          .split(path.sep)
          .join('/'),
      )
  );
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}
