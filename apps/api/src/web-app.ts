/**
 * The web app (apps/web, built by `npm run build:web` into dist/web) served
 * under /app: hashed assets cached for good, index.html always revalidated,
 * any other /app/* path answered with index.html so the client router takes
 * it, but a missing file under /app/assets/ is a plain 404 (not the index
 * page, which a browser would try to run as a script).
 */
import { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { ServerResponse } from 'node:http';
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
