import { AppConfig } from '@roundtable/config';
import { createConnection } from 'mysql2/promise';

/** Drops the throw-away database a benchmark ran against. */
export async function dropBenchDatabase(db: AppConfig['db']): Promise<void> {
  const admin = await createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${db.name}\``);
  } finally {
    await admin.end();
  }
}
