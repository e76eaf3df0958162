import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment every e2e test process runs with: a throw-away database and
 * a Redis prefix of its own per `npm test` run, quiet logs, mail to files.
 */
export function testEnvironment(): Record<string, string> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_NAME: `roundtable_test_${runId}`,
    REDIS_PREFIX: `rt-test-${runId}`,
    MAIL_DIR: join(tmpdir(), `roundtable-mail-${runId}`),
    DEMO_SEED: 'never',
    // long enough for the tests that start a process in production mode
    JWT_SECRET: `test-secret-${runId}-${randomBytes(12).toString('hex')}`,
    OUTBOX_POLL_MS: '100',
    // most e2e apps run without the mail relay, so mail they queue waits for the rest of the run, which
    // may outlast the production default of 10 minutes; platform.e2e-spec tests the threshold on its own app
    MAIL_STALE_AFTER_SECONDS: '86400',
    PORT: '0',
  };
}
