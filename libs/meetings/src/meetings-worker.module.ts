import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { EventsModule } from '@roundtable/events';
import { RegistrationsModule } from '@roundtable/registrations';
import { JobHandlerRegistry, JobName, QueueName, ScheduleMeetingsJob } from '@roundtable/queue';
import { Job } from 'bull';
import { MeetingsModule } from './meetings.module';
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

/** In a worker process the event and registration modules are not loaded by the api: bring them. */
@Module({ imports: [EventsModule, RegistrationsModule, MeetingsModule], providers: [ScheduleJobHandler] })
export class MeetingsWorkerModule {}
