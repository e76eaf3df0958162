import { AppConfig } from '@roundtable/config';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

export type SqlFlavour = 'mysql' | 'mariadb';

/**
 * The one place that says how we talk to MySQL/MariaDB: UTC on the wire
 * (mysql2 ignores IANA names, so 'Z'), DATETIME(3) columns, BIGINT/DECIMAL as
 * strings, utf8mb4 for Chinese and Cyrillic, migrations instead of synchronize.
 */
export function dataSourceOptions(
  db: AppConfig['db'],
  flavour: SqlFlavour,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  return {
    type: flavour,
    host: db.host,
    port: db.port,
    username: db.user,
    password: db.password,
    database: db.name,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: false,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { connectionLimit: db.poolSize, waitForConnections: true, queueLimit: 0 },
  };
}
