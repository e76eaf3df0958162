import { LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';

interface PoolLike {
  on(event: 'connection', listener: (connection: { query(sql: string): unknown }) => void): void;
}

/**
 * What every pooled session is set to once: UTC (so NOW() agrees with the 'Z'
 * the driver uses), and READ COMMITTED as its transactions' isolation (see
 * inTransaction), so that a transaction starts with one START TRANSACTION
 * instead of a SET TRANSACTION round trip before it. A caller that needs
 * another level for one transaction names it (`dataSource.transaction('REPEATABLE READ', …)`).
 */
export const SESSION_SETTINGS = [
  "SET time_zone = '+00:00'",
  'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED',
] as const;

/**
 * Applies SESSION_SETTINGS to every pooled session (the one already open and
 * each one opened later) and runs pending migrations while holding a named
 * lock, so two processes starting together do not both migrate.
 */
export async function prepareDataSource(
  dataSource: DataSource,
  options: { runMigrations: boolean; logger?: LoggerService },
): Promise<void> {
  // One pool, or (with read replicas) mysql2's pool cluster of one pool per server.
  const driver = dataSource.driver as unknown as {
    pool?: PoolLike;
    poolCluster?: { _nodes: Record<string, { pool: PoolLike }> };
  };
  const pools = driver.poolCluster ? Object.values(driver.poolCluster._nodes).map((n) => n.pool) : [driver.pool!];
  for (const pool of pools)
    pool.on('connection', (connection) => {
      for (const sql of SESSION_SETTINGS) connection.query(sql);
    });
  for (const sql of SESSION_SETTINGS) await dataSource.query(sql);
  if (!options.runMigrations) return;
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    const [{ locked }] = (await runner.query("SELECT GET_LOCK('roundtable_migrations', 120) AS locked")) as {
      locked: number | string;
    }[];
    if (Number(locked) !== 1) throw new Error('Timed out waiting for another process to finish migrations');
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length > 0) {
        options.logger?.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
      }
    } finally {
      await runner.query("SELECT RELEASE_LOCK('roundtable_migrations')");
    }
  } finally {
    await runner.release();
  }
}
