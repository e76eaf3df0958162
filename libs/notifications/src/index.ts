export { OutboxMessageEntity } from './entities/outbox-message.entity';
export type { OutboxStatus } from './entities/outbox-message.entity';
export { buildIcs, calendarUid } from './ics';
export {
  composeMail,
  escapeHtml,
  formatInstant,
  formatMoney,
  formatMoneyText,
  formatWhen,
  nameForReader,
  words,
} from './mail-format';
export type { MailContent } from './mail-format';
export { MailHealthIndicator } from './mail-health.indicator';
export { backoffMs, MailSenderService } from './mail-sender.service';
export { MailTemplateRegistry } from './mail-template.registry';
export { classifySmtpError } from './mail-transport';
export { NotificationsWorkerModule } from './notifications-worker.module';
export { NotificationsModule } from './notifications.module';
export type {
  CalendarEntry,
  MailTemplate,
  OutboxMessage,
  OutboxRecipient,
  PendingMail,
  RenderContext,
  RenderedMail,
  ScriptNames,
} from './notification.types';
export { OutboxQueryService } from './outbox-query.service';
export type { DeliveryCounts, OutboxFilter } from './outbox-query.service';
export { OutboxRelayService } from './outbox-relay.service';
export { OutboxService } from './outbox.service';
export type { InvitationPayload } from './templates/invitation.template';
export { smtpStartupCheck } from './smtp-startup-check';
