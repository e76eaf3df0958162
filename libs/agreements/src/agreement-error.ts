import { DomainError } from '@roundtable/common';

export enum AgreementErrorCode {
  AgreementNotFound = 'AGREEMENT_NOT_FOUND',
  AgreementWithdrawn = 'AGREEMENT_WITHDRAWN',
  InvalidAmount = 'INVALID_AMOUNT',
  UnknownParty = 'UNKNOWN_PARTY',
  ReportNotPublic = 'AGREEMENT_REPORT_NOT_PUBLIC',
  LedgerBroken = 'LEDGER_BROKEN',
}

export class AgreementError extends DomainError<AgreementErrorCode> {}
