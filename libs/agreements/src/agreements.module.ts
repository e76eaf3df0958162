import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@roundtable/auth';
import { EventsCoreModule } from '@roundtable/events';
import { MeetingsCoreModule } from '@roundtable/meetings';
import { RegistrationsCoreModule } from '@roundtable/registrations';
import { AgreementsMailModule } from './agreements-mail.module';
import { AgreementsController } from './agreements.controller';
import { AgreementsService } from './agreements.service';

/** The agreement ledger, its verification and reports. */
@Module({
  imports: [AuthCoreModule, EventsCoreModule, RegistrationsCoreModule, MeetingsCoreModule, AgreementsMailModule],
  controllers: [AgreementsController],
  providers: [AgreementsService],
  exports: [AgreementsService],
})
export class AgreementsModule {}
