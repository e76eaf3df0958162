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
  const credentials = { username: db.user, password: db.password, database: db.name };
  return {
    type: flavour,
    host: db.host,
    port: db.port,
    ...credentials,
    // With read replicas, every query still goes to the primary (defaultMode) unless a
    // caller asks ReadReplicas for a replica on purpose: nothing lands there by accident.
    ...(db.readHosts?.length
      ? {
          replication: {
            master: { host: db.host, port: db.port, ...credentials },
            slaves: db.readHosts.map((r) => ({ host: r.host, port: r.port, ...credentials })),
            defaultMode: 'master' as const,
            selector: 'RR' as const,
            canRetry: true,
            removeNodeErrorCount: 5,
            restoreNodeTimeout: 5_000,
          },
        }
      : {}),
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
