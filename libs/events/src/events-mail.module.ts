import { Module, OnModuleInit } from '@nestjs/common';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { EVENT_TEMPLATES } from './templates/event-templates';
import { organiserInvitationTemplate } from './templates/organiser-invitation.template';

/** The events lib's mail templates (sessions, speakers, organiser invitations), with no controller. */
@Module({})
export class EventsMailModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(...EVENT_TEMPLATES, organiserInvitationTemplate);
  }
}
