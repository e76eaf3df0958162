export { JobHandlerRegistry } from './job-handler.registry';
export type { JobHandler } from './job-handler.registry';
export * from './queue.constants';
export { QueueModule } from './queue.module';
export { redisKey } from './redis-keys';
export { redisOptions } from './redis-options';
export { redisStartupCheck } from './redis-startup-check';
