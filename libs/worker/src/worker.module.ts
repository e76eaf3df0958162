import { Module } from '@nestjs/common';

/**
 * Everything a worker process runs: the Bull processors and the outbox relay.
 * Imported by apps/worker, and by apps/api when it runs all-in-one.
 */
@Module({})
export class WorkerModule {}
