import { Module } from '@nestjs/common';
import { AgreementsModule } from './agreements.module';
import { LedgerWatchService } from './ledger-watch.service';

/** What a worker runs for agreements: the periodic verification of every ledger. */
@Module({
  imports: [AgreementsModule],
  providers: [LedgerWatchService],
  exports: [LedgerWatchService],
})
export class AgreementsWorkerModule {}
