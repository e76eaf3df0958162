import 'tsconfig-paths/register';
import 'reflect-metadata';
import { loadConfig } from '@roundtable/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabase, prepareDataSource } from '@roundtable/database';
import { rmSync } from 'node:fs';
import { CONTRACT_REPORT_DIR } from './contract';
import { testEnvironment } from './test-env';
import { WorkerNames, workerNames } from './worker-names';

/**
 * Creates this run's databases, one per Jest worker (test/support/worker-env.ts picks the worker's),
 * and migrates them once; test files inherit the environment. The service and e2e projects both
 * name this file: the second call finds the run set up and only adds databases a worker may lack.
 */
export default async function globalSetup(globalConfig?: { maxWorkers?: number }): Promise<void> {
  if (!process.env.ROUNDTABLE_TEST_BASE) {
    Object.assign(process.env, testEnvironment());
    process.env.ROUNDTABLE_TEST_BASE = JSON.stringify({
      dbName: process.env.DB_NAME,
      redisPrefix: process.env.REDIS_PREFIX,
      mailDir: process.env.MAIL_DIR,
    });
    rmSync(CONTRACT_REPORT_DIR, { recursive: true, force: true });
  }
  const db = loadConfig().db;
  const run = JSON.parse(process.env.ROUNDTABLE_TEST_BASE) as WorkerNames;
  const workers = Math.max(1, globalConfig?.maxWorkers ?? 1);
  for (let id = 1; id <= workers; id++) {
    const workerDb = { ...db, name: workerNames(run, id).dbName };
    const flavour = await ensureDatabase(workerDb);
    const dataSource = await new DataSource(dataSourceOptions(workerDb, flavour)).initialize();
    try {
      await prepareDataSource(dataSource, { runMigrations: true });
    } finally {
      await dataSource.destroy();
    }
  }
}
