import 'tsconfig-paths/register';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { loadConfig } from '@roundtable/config';

/** Drops this run's database and its Redis keys, unless KEEP_TEST_DB is set for debugging. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DB) return;
  const { db, redis } = loadConfig();
  const connection = await createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await connection.query(`DROP DATABASE IF EXISTS \`${db.name}\``);
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
