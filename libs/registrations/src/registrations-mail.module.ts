import { Module, OnModuleInit } from '@nestjs/common';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { REGISTRATION_TEMPLATES } from './templates/registration-templates';
import { SITE_VISIT_TEMPLATES } from './templates/site-visit-templates';

/** The registration mails' templates (and the event-cancelled mail registrations sends), with no controller. */
@Module({})
export class RegistrationsMailModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(...REGISTRATION_TEMPLATES, ...SITE_VISIT_TEMPLATES);
  }
}
