import { Module } from '@nestjs/common';
import { AgreementsCoreModule } from '@roundtable/agreements';
import { EventsCoreModule } from '@roundtable/events';
import { MeetingsCoreModule } from '@roundtable/meetings';
import { RegistrationsCoreModule } from '@roundtable/registrations';
import { DashboardController } from './dashboard.controller';

/** Composes the counts each feature lib owns into the organisers' dashboard (an app-level read, like health). */
@Module({
  imports: [EventsCoreModule, RegistrationsCoreModule, MeetingsCoreModule, AgreementsCoreModule],
  controllers: [DashboardController],
})
export class DashboardModule {}
