import { Module, OnModuleInit } from '@nestjs/common';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { agreementRecordedTemplate } from './templates/agreement-templates';
import { ledgerBrokenTemplate } from './templates/ledger-broken-template';

/** The agreement mails' templates (confirmation, broken ledger), with no controller. */
@Module({})
export class AgreementsMailModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(agreementRecordedTemplate, ledgerBrokenTemplate);
  }
}
