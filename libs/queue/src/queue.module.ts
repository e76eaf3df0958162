import { BullModule } from '@nestjs/bull';
import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppConfig } from '@roundtable/config';
import Redis from 'ioredis';
import { JobHandlerRegistry } from './job-handler.registry';
import { mailBatching, QueueName, REDIS_CLIENT } from './queue.constants';
import { redisOptions } from './redis-options';

class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * Owns every Redis connection. Bull builds its own blocking and subscriber
 * clients from plain options (it needs `maxRetriesPerRequest: null` there);
 * keys are namespaced with Bull's `prefix`, never ioredis' `keyPrefix`. Our
 * own client (rate limits, locks, health) fails fast instead of queueing
 * commands while Redis is away, so an HTTP request never hangs on it.
 */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const redis = config.get('redis', { infer: true });
        return { redis: redisOptions(redis), prefix: `${redis.prefix}:bull` };
      },
    }),
    BullModule.registerQueueAsync({
      name: QueueName.Mail,
      inject: [ConfigService],
      // The limiter lives in Redis, so the send rate holds across every worker.
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        limiter: { max: mailBatching(config.get('mail.ratePerSecond', { infer: true })).jobsPerSecond, duration: 1000 },
      }),
    }),
    BullModule.registerQueue({ name: QueueName.Scheduling }),
    BullModule.registerQueue({ name: QueueName.Recommendations }),
  ],
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        new Redis({
          ...redisOptions(config.get('redis', { infer: true })),
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        }),
    },
    RedisCloser,
    JobHandlerRegistry,
  ],
  exports: [BullModule, REDIS_CLIENT, JobHandlerRegistry],
})
export class QueueModule {}
