import { Module } from '@nestjs/common';
import { AgreementsModule } from '@roundtable/agreements';
import { DemoSeedService } from './demo-seed.service';

/** The demo forum: seeded on the first `npm start`, or with `npm run seed:demo`. */
@Module({ imports: [AgreementsModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
