import { AppConfig } from '@roundtable/config';
import { createConnection } from 'mysql2/promise';
import { SqlFlavour } from './typeorm-options';

/**
 * Creates the configured database if it does not exist yet and reports whether
 * the server is MariaDB or MySQL, so TypeORM emits the right locking SQL.
 */
export async function ensureDatabase(db: AppConfig['db']): Promise<SqlFlavour> {
  const connection = await createConnection({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
    connectTimeout: 10_000,
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${db.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [rows] = await connection.query<import('mysql2').RowDataPacket[]>('SELECT VERSION() AS v');
    return String(rows[0].v).toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}
