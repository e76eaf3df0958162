import { AppConfig } from '@roundtable/config';
import { reasonOf, StartupCheck, StartupError, unreachable } from '@roundtable/common';
import Redis from 'ioredis';
import { redisOptions } from './redis-options';

const TIMEOUT_MS = 5_000;

/** Does Redis answer a PING with the configured address, password and database? Fatal: queues and limits live there. */
export function redisStartupCheck(redis: AppConfig['redis']): StartupCheck {
  const where = `${redis.host}:${redis.port}`;
  return {
    name: 'Redis',
    fatal: true,
    run: async () => {
      const client = new Redis({
        ...redisOptions(redis),
        connectTimeout: TIMEOUT_MS,
        lazyConnect: true,
        retryStrategy: () => null,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
      });
      // The socket's own error (ECONNREFUSED…): connect() only rejects with "Connection is closed".
      // Listening also keeps ioredis from printing an "Unhandled error event" with a stack.
      let socketError: unknown;
      client.on('error', (error) => (socketError ??= error));
      try {
        await client.connect();
        await client.ping();
      } catch (error) {
        const message = (error as Error).message ?? '';
        if (/NOAUTH|WRONGPASS|invalid password/i.test(message)) {
          throw new StartupError(
            `Redis at ${where} refused the password (${message.split('\n')[0]}): set REDIS_PASSWORD`,
          );
        }
        throw unreachable('Redis', where, reasonOf(socketError ?? error, TIMEOUT_MS), 'REDIS_HOST/REDIS_PORT');
      } finally {
        client.disconnect();
      }
    },
  };
}
