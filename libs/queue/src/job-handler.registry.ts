import { Injectable } from '@nestjs/common';
import { Job } from 'bull';
import { JOBS_BY_QUEUE, JobName, QueueName } from './queue.constants';

export interface JobHandler {
  queue: QueueName;
  job: JobName;
  concurrency: number;
  handle(job: Job): Promise<unknown>;
}

/**
 * Feature modules declare their job handlers here instead of with @Process
 * decorators, so concurrency can come from configuration and the worker can
 * refuse to start when a job name has no handler or two (a job nobody
 * handles would sit in Redis forever; two handlers add their concurrency).
 */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers: JobHandler[] = [];

  register(handler: JobHandler): void {
    this.handlers.push(handler);
  }

  /** Every declared job with its single handler; throws naming what is missing or doubled. */
  resolve(): JobHandler[] {
    const problems: string[] = [];
    const resolved: JobHandler[] = [];
    for (const [queue, jobs] of Object.entries(JOBS_BY_QUEUE) as [QueueName, readonly JobName[]][]) {
      for (const job of jobs) {
        const matches = this.handlers.filter((h) => h.queue === queue && h.job === job);
        if (matches.length !== 1) problems.push(`${queue}/${job} has ${matches.length} handlers`);
        else resolved.push(matches[0]);
      }
    }
    for (const handler of this.handlers) {
      if (!(JOBS_BY_QUEUE[handler.queue] ?? []).includes(handler.job)) {
        problems.push(`${handler.queue}/${handler.job} is not a declared job`);
      }
    }
    if (problems.length > 0) throw new Error(`Refusing to run the worker: ${problems.join('; ')}`);
    return resolved;
  }
}
