/**
 * The web app (apps/web, built by `npm run build:web` into dist/web) served
 * under /app: hashed assets cached for good, index.html always revalidated,
 * any other /app/* path answered with index.html so the client router takes
 * it, but a missing file under /app/assets/ is a plain 404 (not the index
 * page, which a browser would try to run as a script). Scripts and style
 * sheets go out as the build's brotli or gzip copy when the browser takes one.
 */
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export const WEB_APP_PATH = '/app';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function webAppDir(): string {
  return resolve(process.cwd(), 'dist', 'web');
}

export function cacheControlFor(file: string): string {
  return file.includes(`${sep}assets${sep}`) ? IMMUTABLE : 'no-cache';
}

export function webAppBuilt(): boolean {
  return existsSync(join(webAppDir(), 'index.html'));
}

/**
 * The build's files, each on its own route (the build writes `<file>.br` and `<file>.gz` beside each script
 * and style sheet, apps/web/vite.config.mts, sent instead when the browser takes one), and every other
 * /app path answered with index.html.
 */
export async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyStatic, {
    root: webAppDir(),
    prefix: `${WEB_APP_PATH}/`,
    wildcard: false,
    preCompressed: true,
    // /app itself is the index page below (the precompressed lookup finds no index.html.br and gives up)
    index: false,
    cacheControl: false,
    setHeaders: (res, file) => {
      res.setHeader('Cache-Control', cacheControlFor(file));
      // scripts and style sheets have the build's compressed copies: which one goes out depends on Accept-Encoding
      if (/\.(js|css)(\.br|\.gz)?$/.test(file)) res.setHeader('Vary', 'Accept-Encoding');
    },
  });
  const server = app.getHttpAdapter().getInstance();
  const indexPage = (_request: unknown, reply: FastifyReply) =>
    reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  server.get(WEB_APP_PATH, indexPage);
  server.get(`${WEB_APP_PATH}/*`, (request, reply) =>
    request.url.startsWith(`${WEB_APP_PATH}/assets/`) ? reply.callNotFound() : indexPage(request, reply),
  );
}
