import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry, JobName, QueueName, ScheduleMeetingsJob } from '@roundtable/queue';
import { Job } from 'bull';
import { MeetingsCoreModule } from './meetings-core.module';
import { ScheduleService } from './schedule.service';

/** The `schedule-meetings` job: one at a time per worker, progress reported on the job. */
@Injectable()
export class ScheduleJobHandler implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly scheduling: ScheduleService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      queue: QueueName.Scheduling,
      job: JobName.ScheduleMeetings,
      concurrency: 1,
      handle: (job: Job<ScheduleMeetingsJob>) => this.scheduling.run(job),
    });
  }
}

/** The scheduling job in a worker: the meetings lib's services, none of its controllers. */
@Module({ imports: [MeetingsCoreModule], providers: [ScheduleJobHandler] })
export class MeetingsWorkerModule {}
