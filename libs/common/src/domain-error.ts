/**
 * Base of every feature's typed error. A feature declares a string enum of
 * codes (`MeetingErrorCode.SlotTaken = 'SLOT_TAKEN'`) and a subclass; the api's
 * exception filter maps every code to an HTTP status in one exhaustive switch.
 */
export abstract class DomainError<TCode extends string = string> extends Error {
  constructor(
    readonly code: TCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Codes shared by every feature: lookups, generic permission and input problems. */
export enum CommonErrorCode {
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidInput = 'INVALID_INPUT',
  Duplicate = 'DUPLICATE',
  BadReference = 'BAD_REFERENCE',
  ValueTooLong = 'VALUE_TOO_LONG',
  InvalidValue = 'INVALID_VALUE',
  Conflict = 'CONFLICT',
  Busy = 'BUSY',
  InvalidCursor = 'INVALID_CURSOR',
}

export class CommonError extends DomainError<CommonErrorCode> {
  static notFound(what: string): CommonError {
    return new CommonError(CommonErrorCode.NotFound, `${what} not found`);
  }

  static forbidden(message = 'You may not do this'): CommonError {
    return new CommonError(CommonErrorCode.Forbidden, message);
  }
}
