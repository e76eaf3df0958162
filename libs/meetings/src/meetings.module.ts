import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@roundtable/auth';
import { EventsCoreModule } from '@roundtable/events';
import { RegistrationsCoreModule } from '@roundtable/registrations';
import { MeetingsController } from './meetings.controller';
import { MeetingsCoreModule } from './meetings-core.module';

/** The meetings API. */
@Module({
  imports: [AuthCoreModule, EventsCoreModule, RegistrationsCoreModule, MeetingsCoreModule],
  controllers: [MeetingsController],
  exports: [MeetingsCoreModule],
})
export class MeetingsModule {}
