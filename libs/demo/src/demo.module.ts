import { Module } from '@nestjs/common';
import { AgreementsCoreModule } from '@roundtable/agreements';
import { MeetingsCoreModule } from '@roundtable/meetings';
import { RegistrationsCoreModule } from '@roundtable/registrations';
import { DemoSeedService } from './demo-seed.service';

/** The demo forum: seeded on the first `npm start`, or with `npm run seed:demo`. */
@Module({
  imports: [AgreementsCoreModule, MeetingsCoreModule, RegistrationsCoreModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoModule {}
