import { Module, OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MailTemplateRegistry } from '@roundtable/notifications';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';
import { LedgerHealthIndicator } from './ledger-health.indicator';
import { agreementRecordedTemplate } from './templates/agreement-templates';
import { ledgerBrokenTemplate } from './templates/ledger-broken-template';

/** The agreement ledger, its verification and reports, and /health's view of the worker's ledger checks. */
@Module({
  imports: [TerminusModule],
  controllers: [AgreementsController],
  providers: [AgreementsService, LedgerHealthIndicator],
  exports: [AgreementsService, LedgerHealthIndicator],
})
export class AgreementsModule implements OnModuleInit {
  constructor(private readonly templates: MailTemplateRegistry) {}

  onModuleInit(): void {
    this.templates.register(agreementRecordedTemplate, ledgerBrokenTemplate);
  }
}
