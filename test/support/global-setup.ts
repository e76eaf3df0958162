import 'tsconfig-paths/register';
import 'reflect-metadata';
import { loadConfig } from '@roundtable/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions, ensureDatabase, prepareDataSource } from '@roundtable/database';
import { rmSync } from 'node:fs';
import { CONTRACT_REPORT_DIR } from './contract';
import { testEnvironment } from './test-env';

/** Creates this run's database and migrates it once; test files inherit the environment. */
export default async function globalSetup(): Promise<void> {
  Object.assign(process.env, testEnvironment());
  rmSync(CONTRACT_REPORT_DIR, { recursive: true, force: true });
  const db = loadConfig().db;
  const flavour = await ensureDatabase(db);
  const dataSource = await new DataSource(dataSourceOptions(db, flavour)).initialize();
  try {
    await prepareDataSource(dataSource, { runMigrations: true });
  } finally {
    await dataSource.destroy();
  }
}
