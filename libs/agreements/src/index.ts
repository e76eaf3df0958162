export { AgreementError, AgreementErrorCode, AGREEMENT_ERROR_STATUS } from './agreement-error';
export type { AgreementReport, AgreementView, LedgerPayload } from './agreement-model';
export { AgreementsModule } from './agreements.module';
export { AgreementsService } from './agreements.service';
export { agreementRecordedTemplate } from './templates/agreement-templates';
export { AgreementsMailModule } from './agreements-mail.module';
