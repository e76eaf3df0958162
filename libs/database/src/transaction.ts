import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { isDeadlock } from './db-errors';

/**
 * Runs one use case in one transaction. A deadlock (1213) rolls the whole
 * transaction back, so the whole function is retried with jitter; a lock wait
 * timeout (1205) is retried the same way because we never continue a
 * transaction after a failed statement. Other errors leave untouched, so the
 * service can translate the duplicate keys it expects into its own codes; the
 * api's filter translates whatever is left.
 *
 * Isolation is READ COMMITTED: every use case locks the row it decides on
 * (the event, the registration, the slot) and then reads; under REPEATABLE
 * READ a plain read could still see the snapshot taken before that lock was
 * granted, and a count against capacity would be stale. It is every
 * session's default (SESSION_SETTINGS), so the transaction starts without a
 * SET TRANSACTION round trip.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (em: EntityManager) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (isDeadlock(error) && attempt < attempts) {
        await sleep(5 * 2 ** attempt + Math.floor(Math.random() * 20));
        continue;
      }
      throw error;
    }
  }
}
