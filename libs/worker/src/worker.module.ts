import { Module } from '@nestjs/common';
import { MeetingsWorkerModule } from '@roundtable/meetings';
import { NotificationsWorkerModule } from '@roundtable/notifications';
import { WorkerBootstrapService } from './worker-bootstrap.service';

/**
 * Everything a worker process runs: the outbox relay and the job handlers of
 * every feature. Imported by apps/worker, and by apps/api when it runs
 * all-in-one.
 */
@Module({
  imports: [NotificationsWorkerModule, MeetingsWorkerModule],
  providers: [WorkerBootstrapService],
})
export class WorkerModule {}
