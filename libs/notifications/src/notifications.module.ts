import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import { MailAlertService } from './mail-alert.service';
import { MailHealthIndicator } from './mail-health.indicator';
import { MailTemplateRegistry } from './mail-template.registry';
import { MailTransport } from './mail-transport';
import { OutboxQueryService } from './outbox-query.service';
import { OutboxService } from './outbox.service';
import { invitationTemplate } from './templates/invitation.template';

/**
 * The one path by which Roundtable tells people things: the outbox features
 * write to, the template registry they add their wording to, and the
 * delivery view. Knows nothing of meetings or agreements.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity]), TerminusModule],
  providers: [
    MailTemplateRegistry,
    OutboxService,
    OutboxQueryService,
    MailTransport,
    MailAlertService,
    MailHealthIndicator,
  ],
  exports: [
    MailTemplateRegistry,
    OutboxService,
    OutboxQueryService,
    MailTransport,
    MailAlertService,
    MailHealthIndicator,
  ],
})
export class NotificationsModule {
  constructor(templates: MailTemplateRegistry) {
    templates.register(invitationTemplate);
  }
}
