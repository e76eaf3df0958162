import { Module } from '@nestjs/common';
import { AgreementsMailModule, AgreementsWorkerModule } from '@roundtable/agreements';
import { AuthMailModule } from '@roundtable/auth';
import { EventsMailModule } from '@roundtable/events';
import { MeetingsMailModule, MeetingsWorkerModule } from '@roundtable/meetings';
import { NotificationsWorkerModule } from '@roundtable/notifications';
import { RecommendationsWorkerModule } from '@roundtable/recommendations';
import { RegistrationsMailModule } from '@roundtable/registrations';
import { WorkerBootstrapService } from './worker-bootstrap.service';

/**
 * Everything a worker process runs: the outbox relay, the job handlers of
 * every feature and every feature's mail templates (its `*-mail.module`),
 * and no controller. Imported by apps/worker, and by apps/api when it runs
 * all-in-one.
 */
@Module({
  imports: [
    NotificationsWorkerModule,
    MeetingsWorkerModule,
    RecommendationsWorkerModule,
    AgreementsWorkerModule,
    AuthMailModule,
    EventsMailModule,
    RegistrationsMailModule,
    MeetingsMailModule,
    AgreementsMailModule,
  ],
  providers: [WorkerBootstrapService],
})
export class WorkerModule {}
