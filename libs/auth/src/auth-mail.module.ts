import { Module, OnModuleInit } from '@nestjs/common';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { ACCOUNT_TEMPLATES } from './templates/account-templates';

/** The account mails' templates: loaded wherever mail is rendered (the api and the worker), with no controller. */
@Module({})
export class AuthMailModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(...ACCOUNT_TEMPLATES);
  }
}
