import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_CLIENT_DIR, renderApiClient } from './api-client-files';
import { openApiDocumentOffline } from './openapi';

/**
 * `npm run api:client`: rewrites libs/api-client from the DTOs, without a
 * database. With `--check` it writes nothing and exits 1 naming every stale
 * file (the test suite runs it so).
 */
async function main(check: boolean): Promise<number> {
  const files = await renderApiClient(await openApiDocumentOffline());
  let stale = 0;
  for (const [path, content] of Object.entries(files)) {
    const target = join(API_CLIENT_DIR, path);
    if (check) {
      let committed = '';
      try {
        committed = readFileSync(target, 'utf8');
      } catch {
        // a missing file is as stale as a different one
      }
      if (committed !== content) {
        stale++;
        process.stdout.write(`stale: libs/api-client/${path} (run \`npm run api:client\`)\n`);
      }
    } else {
      writeFileSync(target, content);
      process.stdout.write(`wrote libs/api-client/${path}\n`);
    }
  }
  if (check && stale === 0) process.stdout.write('libs/api-client is up to date\n');
  return stale === 0 ? 0 : 1;
}

main(process.argv.includes('--check')).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
