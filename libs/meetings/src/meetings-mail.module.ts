import { Module, OnModuleInit } from '@nestjs/common';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { MEETING_TEMPLATES } from './templates/meeting-templates';

/** The meeting mails' templates, with no controller. */
@Module({})
export class MeetingsMailModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(...MEETING_TEMPLATES);
  }
}
