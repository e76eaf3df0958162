import { Module } from '@nestjs/common';
import { LoggingModule } from '@roundtable/common';
import { RoundtableConfigModule } from '@roundtable/config';
import { DatabaseModule } from '@roundtable/database';
import { NotificationsModule } from '@roundtable/notifications';
import { QueueModule } from '@roundtable/queue';
import { WorkerModule } from '@roundtable/worker';

/** The worker process: no HTTP and no controller, only processors and the outbox relay. */
@Module({
  imports: [RoundtableConfigModule, LoggingModule, DatabaseModule, QueueModule, NotificationsModule, WorkerModule],
})
export class WorkerAppModule {}
