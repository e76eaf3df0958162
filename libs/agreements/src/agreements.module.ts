import { Module } from '@nestjs/common';
import { AgreementsCoreModule } from './agreements-core.module';
import { AgreementsController } from './agreements.controller';

/** The agreement ledger's API: recording, verification and reports (and /health's view of the ledger checks). */
@Module({
  imports: [AgreementsCoreModule],
  controllers: [AgreementsController],
  exports: [AgreementsCoreModule],
})
export class AgreementsModule {}
