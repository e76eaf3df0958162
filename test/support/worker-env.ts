/**
 * Each Jest worker runs its test files on a database, Redis prefix and mail directory of its own
 * (created and migrated by global-setup.ts for every worker id), so two files running at once
 * never share an outbox, a queue or a rate limit: a relay in one file cannot send another's mail.
 */
import { WorkerNames, workerNames } from './worker-names';

const base = process.env.ROUNDTABLE_TEST_BASE;
if (base) {
  const own = workerNames(JSON.parse(base) as WorkerNames, process.env.JEST_WORKER_ID ?? '1');
  process.env.DB_NAME = own.dbName;
  process.env.REDIS_PREFIX = own.redisPrefix;
  process.env.MAIL_DIR = own.mailDir;
}
