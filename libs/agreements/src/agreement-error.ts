import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@roundtable/common';

export enum AgreementErrorCode {
  AgreementNotFound = 'AGREEMENT_NOT_FOUND',
  AgreementWithdrawn = 'AGREEMENT_WITHDRAWN',
  InvalidAmount = 'INVALID_AMOUNT',
  UnknownParty = 'UNKNOWN_PARTY',
  ReportNotPublic = 'AGREEMENT_REPORT_NOT_PUBLIC',
  LedgerBroken = 'LEDGER_BROKEN',
}

/** The HTTP status of each code (exhaustive: a new code without one fails to compile); the api merges every lib's map. */
export const AGREEMENT_ERROR_STATUS: Record<AgreementErrorCode, HttpStatus> = {
  [AgreementErrorCode.AgreementNotFound]: HttpStatus.NOT_FOUND,
  [AgreementErrorCode.AgreementWithdrawn]: HttpStatus.CONFLICT,
  [AgreementErrorCode.InvalidAmount]: HttpStatus.BAD_REQUEST,
  [AgreementErrorCode.UnknownParty]: HttpStatus.BAD_REQUEST,
  [AgreementErrorCode.ReportNotPublic]: HttpStatus.NOT_FOUND,
  [AgreementErrorCode.LedgerBroken]: HttpStatus.CONFLICT,
};

export class AgreementError extends DomainError<AgreementErrorCode> {}
