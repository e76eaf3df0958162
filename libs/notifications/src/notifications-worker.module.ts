import { Module } from '@nestjs/common';
import { MailJobHandler } from './mail-job.handler';
import { MailSenderService } from './mail-sender.service';
import { OutboxRelayService } from './outbox-relay.service';

/** The sending side, run by workers only: the relay and the mail job. */
@Module({
  providers: [MailSenderService, OutboxRelayService, MailJobHandler],
  exports: [MailSenderService, OutboxRelayService],
})
export class NotificationsWorkerModule {}
