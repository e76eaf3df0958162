import { getQueueToken } from '@nestjs/bull';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobHandlerRegistry, QueueName } from '@roundtable/queue';
import { Queue } from 'bull';

/**
 * Starts consuming only when every declared job has exactly one handler (the
 * registry throws otherwise, and the worker refuses to run). On shutdown it
 * stops taking jobs and waits for the active ones before the database closes.
 */
@Injectable()
export class WorkerBootstrapService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly queues = new Set<Queue>();

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    for (const handler of this.registry.resolve()) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(handler.queue), { strict: false });
      this.queues.add(queue);
      void queue.process(handler.job, handler.concurrency, (job) => handler.handle(job));
      this.logger.log(`Processing ${handler.queue}/${handler.job} with concurrency ${handler.concurrency}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    // close() stops taking new jobs and resolves once the active ones have finished
    await Promise.all([...this.queues].map((queue) => queue.close()));
  }
}

export const QUEUE_NAMES = Object.values(QueueName);
