/**
 * The web app (apps/web, built by `npm run build:web` into dist/web) served
 * under /app: hashed assets cached for good, index.html always revalidated,
 * any other /app/* path answered with index.html so the client router takes
 * it, but a missing file under /app/assets/ is a plain 404 (not the index
 * page, which a browser would try to run as a script). Scripts and style
 * sheets go out as the build's brotli or gzip copy when the browser takes one.
 */
import { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
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

/** The static module when the web app is built; none when it is not, so the API alone still runs (main.ts says so). */
export function webAppModules(): DynamicModule[] {
  if (!webAppBuilt()) return [];
  const dir = webAppDir();
  return [
    ServeStaticModule.forRoot({
      rootPath: dir,
      serveRoot: WEB_APP_PATH,
      exclude: [`${WEB_APP_PATH}/assets/{*path}`],
      serveStaticOptions: {
        index: 'index.html',
        setHeaders: (res: ServerResponse, file: string) => res.setHeader('Cache-Control', cacheControlFor(file)),
      },
    }),
  ];
}

const COMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
const ASSET = /^\/app\/assets\/([\w.-]+\.(js|css))$/;

/**
 * The build writes `<file>.br` and `<file>.gz` beside each script and style sheet (apps/web/vite.config.mts);
 * this sends one of them, compressed once at the highest level, instead of compressing on every request.
 * Anything else (or a browser that takes neither) falls through to the static files.
 */
export function precompressedAssets(dir: string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const match = ASSET.exec(req.path);
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.vary('Accept-Encoding');
    const accepted = req.acceptsEncodings(COMPRESSED.map((c) => c.encoding));
    const chosen = COMPRESSED.find((c) => c.encoding === accepted);
    const file = chosen && join(dir, 'assets', match[1] + chosen.suffix);
    if (!chosen || !file || !existsSync(file)) return next();
    res.setHeader('Content-Type', match[2] === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
    res.setHeader('Content-Encoding', chosen.encoding);
    res.setHeader('Content-Length', statSync(file).size);
    res.setHeader('Cache-Control', IMMUTABLE);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', next).pipe(res);
  };
}
