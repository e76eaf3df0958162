import { Module } from '@nestjs/common';
import { AgreementsWorkerModule } from '@roundtable/agreements';
import { MeetingsWorkerModule } from '@roundtable/meetings';
import { NotificationsWorkerModule } from '@roundtable/notifications';
import { RecommendationsWorkerModule } from '@roundtable/recommendations';
import { WorkerBootstrapService } from './worker-bootstrap.service';

/**
 * Everything a worker process runs: the outbox relay, the job handlers of
 * every feature and every feature's mail templates. Imported by apps/worker, and by apps/api when it runs
 * all-in-one.
 */
@Module({
  imports: [NotificationsWorkerModule, MeetingsWorkerModule, RecommendationsWorkerModule, AgreementsWorkerModule],
  providers: [WorkerBootstrapService],
})
export class WorkerModule {}
