import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testEnvironment } from '../../support/test-env';
import { kill, startApiProcess } from '../../support/worker-process';

const TEARDOWN =
  "require('./test/support/global-teardown').default().catch((e) => { console.error(e); process.exit(1); })";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * One all-in-one server (api + worker + the built web app) on this run's own
 * database, Redis prefix and mail directory; the tests read WEB_BASE_URL,
 * MAIL_DIR and ADMIN_EMAIL/ADMIN_PASSWORD. Returns the teardown: stop it, drop the database and keys.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const env = {
    ...testEnvironment(),
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'roundtable-web-mail-')),
    // a platform admin for the admin screen's test (created at start-up, as a deployment would)
    ADMIN_EMAIL: `admin.${Date.now().toString(36)}@example.test`,
    ADMIN_PASSWORD: 'correct horse battery staple',
  };
  Object.assign(process.env, env);
  const port = await freePort();
  const server = await startApiProcess(port, env, { allInOne: true, timeoutMs: 120_000 });
  process.env.WEB_BASE_URL = `http://127.0.0.1:${port}`;
  return async () => {
    await kill(server);
    // The e2e teardown (drop the database and Redis keys) runs under ts-node: Playwright's own transform
    // compiles decorators differently from the legacy ones the config classes use.
    execFileSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', TEARDOWN],
      { cwd: resolve(__dirname, '../../..'), env: process.env, stdio: 'inherit' },
    );
  };
}
