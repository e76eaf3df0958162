// Data source for the TypeORM CLI (`npm run migration:generate|run|revert`).
import 'reflect-metadata';
import { loadConfig, loadEnvFileIfPresent } from '@roundtable/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './typeorm-options';

loadEnvFileIfPresent();
const db = loadConfig().db;

export default new DataSource(
  dataSourceOptions(db, (process.env.DB_FLAVOUR as 'mysql' | 'mariadb') ?? 'mariadb', [
    `${__dirname}/../../*/src/**/*.entity.ts`,
  ]),
);
