import { AppConfig } from '@roundtable/config';
import { RedisOptions } from 'ioredis';

/** Connection options shared by Bull and our own client; Bull adds its own blocking-client settings. */
export function redisOptions(redis: AppConfig['redis']): RedisOptions {
  return {
    host: redis.host,
    port: redis.port,
    password: redis.password,
    db: redis.db,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  };
}
