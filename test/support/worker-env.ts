/**
 * Each Jest worker runs its test files on a database, Redis prefix and mail directory of its own
 * (created and migrated by global-setup.ts for every worker id), so two files running at once
 * never share an outbox, a queue or a rate limit: a relay in one file cannot send another's mail.
 */
const id = process.env.JEST_WORKER_ID ?? '1';
const base = process.env.ROUNDTABLE_TEST_BASE;
if (base) {
  const { dbName, redisPrefix, mailDir } = JSON.parse(base) as { dbName: string; redisPrefix: string; mailDir: string };
  process.env.DB_NAME = workerDatabase(dbName, id);
  process.env.REDIS_PREFIX = `${redisPrefix}-w${id}`;
  process.env.MAIL_DIR = `${mailDir}-w${id}`;
}

export function workerDatabase(dbName: string, id: string | number): string {
  return `${dbName}_w${id}`;
}
