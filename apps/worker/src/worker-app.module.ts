import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/auth';
import { LoggingModule } from '@roundtable/common';
import { RoundtableConfigModule } from '@roundtable/config';
import { DatabaseModule } from '@roundtable/database';
import { NotificationsModule } from '@roundtable/notifications';
import { QueueModule } from '@roundtable/queue';
import { WorkerModule } from '@roundtable/worker';

/** The worker process: no HTTP, only processors, the outbox relay and the reconciler. */
@Module({
  imports: [
    RoundtableConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    AuthModule,
    NotificationsModule,
    WorkerModule,
  ],
})
export class WorkerAppModule {}
