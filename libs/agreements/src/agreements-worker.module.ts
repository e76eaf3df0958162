import { Module } from '@nestjs/common';
import { AuthCoreModule } from '@roundtable/auth';
import { EventsCoreModule } from '@roundtable/events';
import { AgreementsCoreModule } from './agreements-core.module';
import { LedgerWatchService } from './ledger-watch.service';

/** What a worker runs for agreements: the periodic verification of every ledger (no controller). */
@Module({
  imports: [AuthCoreModule, EventsCoreModule, AgreementsCoreModule],
  providers: [LedgerWatchService],
  exports: [LedgerWatchService],
})
export class AgreementsWorkerModule {}
