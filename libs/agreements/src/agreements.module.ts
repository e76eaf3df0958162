import { Module, OnModuleInit } from '@nestjs/common';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { agreementRecordedTemplate } from './templates/agreement-templates';

/** The agreement ledger, its verification and reports. */
@Module({
  controllers: [AgreementsController],
  providers: [AgreementsService],
  exports: [AgreementsService],
})
export class AgreementsModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(agreementRecordedTemplate);
  }
}
