/**
 * What each Jest worker's database, Redis prefix and mail directory are called, from the run's own: one
 * rule for global-setup (which creates the databases), worker-env (which points a worker at its own) and
 * global-teardown (which drops them). No side effects, unlike worker-env, so setup and teardown can import it.
 */
export interface WorkerNames {
  dbName: string;
  redisPrefix: string;
  mailDir: string;
}

export function workerNames(run: WorkerNames, id: string | number): WorkerNames {
  return { dbName: `${run.dbName}_w${id}`, redisPrefix: `${run.redisPrefix}-w${id}`, mailDir: `${run.mailDir}-w${id}` };
}

/** A LIKE pattern for every worker database of the run whose database is `dbName`. */
export function workerDatabasesLike(dbName: string): string {
  return `${dbName.replace(/[\\_%]/g, (c) => `\\${c}`)}\\_w%`;
}
