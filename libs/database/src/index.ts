export { DatabaseModule } from './database.module';
export { isDeadlock, isDuplicateKey, translateDbError } from './db-errors';
export { ensureDatabase } from './ensure-database';
export { prepareDataSource } from './prepare-data-source';
export { inTransaction } from './transaction';
export { dataSourceOptions } from './typeorm-options';
export type { SqlFlavour } from './typeorm-options';
export { jsonText } from './json-column';
