import 'tsconfig-paths/register';
import Redis from 'ioredis';
import { createConnection, RowDataPacket } from 'mysql2/promise';
import { loadConfig } from '@roundtable/config';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTRACT_REPORT_DIR } from './contract';
import { workerDatabasesLike } from './worker-names';

/** Drops this run's databases (one per Jest worker) and its Redis keys, unless KEEP_TEST_DB is set for debugging. */
export default async function globalTeardown(): Promise<void> {
  reportContract();
  if (process.env.KEEP_TEST_DB) return;
  const { db, redis } = loadConfig();
  const connection = await createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  // the run's database and each Jest worker's (test/support/worker-env.ts)
  const [workers] = await connection.query<RowDataPacket[]>('SHOW DATABASES LIKE ?', [workerDatabasesLike(db.name)]);
  for (const name of [db.name, ...workers.map((row) => Object.values(row)[0] as string)]) {
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  }
  await connection.end();
  const client = new Redis({ host: redis.host, port: redis.port, password: redis.password, db: redis.db });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${redis.prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

/** Adds up what every test file validated against the OpenAPI document (test/support/contract.ts). */
function reportContract(): void {
  if (!existsSync(CONTRACT_REPORT_DIR)) return;
  let validated = 0;
  let outside = 0;
  let files = 0;
  const operations = new Set<string>();
  const tallies = readdirSync(CONTRACT_REPORT_DIR).filter((n) => n.endsWith('.e2e-spec.ts.json'));
  if (tallies.length === 0) return;
  for (const name of tallies) {
    const tally = JSON.parse(readFileSync(join(CONTRACT_REPORT_DIR, name), 'utf8')) as {
      validated: number;
      outside: number;
      operations: string[];
    };
    files++;
    validated += tally.validated;
    outside += tally.outside;
    tally.operations.forEach((op) => operations.add(op));
  }
  const summary =
    `contract: ${validated} responses validated against the OpenAPI document in ${files} test files, ` +
    `covering ${operations.size} operations (${outside} responses outside the document)`;
  writeFileSync(join(CONTRACT_REPORT_DIR, 'summary.txt'), `${summary}\n${[...operations].sort().join('\n')}\n`);
  // counted once: a later run of another kind (the browser tests share this teardown) finds none
  for (const name of tallies) rmSync(join(CONTRACT_REPORT_DIR, name));
  process.stdout.write(`\n${summary}\n`);
}
