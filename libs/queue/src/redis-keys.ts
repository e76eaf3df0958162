import { AppConfig } from '@roundtable/config';

/** Builds a key under the configured prefix, e.g. `roundtable:login:ip:1.2.3.4`. */
export const redisKey = (redis: AppConfig['redis'], ...parts: string[]): string => [redis.prefix, ...parts].join(':');
