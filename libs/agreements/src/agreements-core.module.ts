import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthCoreModule } from '@roundtable/auth';
import { EventsCoreModule } from '@roundtable/events';
import { MeetingsCoreModule } from '@roundtable/meetings';
import { RegistrationsCoreModule } from '@roundtable/registrations';
import { AgreementsMailModule } from './agreements-mail.module';
import { AgreementsService } from './agreements.service';
import { LedgerHealthIndicator } from './ledger-health.indicator';

/** The agreement ledger's services as the api, the worker and the demo use them: no controller. */
@Module({
  imports: [
    TerminusModule,
    AuthCoreModule,
    EventsCoreModule,
    RegistrationsCoreModule,
    MeetingsCoreModule,
    AgreementsMailModule,
  ],
  providers: [AgreementsService, LedgerHealthIndicator],
  exports: [AgreementsService, LedgerHealthIndicator],
})
export class AgreementsCoreModule {}
