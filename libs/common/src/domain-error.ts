import { HttpStatus } from '@nestjs/common';

/**
 * Base of every feature's typed error. A feature declares a string enum of
 * codes (`MeetingErrorCode.SlotTaken = 'SLOT_TAKEN'`) and a subclass; the api's
 * exception filter maps every code to an HTTP status through the feature's
 * exhaustive `<FEATURE>_ERROR_STATUS` map, merged in the api's error-status.ts.
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

/** The HTTP status of each code (exhaustive: a new code without one fails to compile); the api merges every lib's map. */
export const COMMON_ERROR_STATUS: Record<CommonErrorCode, HttpStatus> = {
  [CommonErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [CommonErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [CommonErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [CommonErrorCode.InvalidInput]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.Duplicate]: HttpStatus.CONFLICT,
  [CommonErrorCode.BadReference]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.ValueTooLong]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.InvalidValue]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.Conflict]: HttpStatus.CONFLICT,
  [CommonErrorCode.Busy]: HttpStatus.SERVICE_UNAVAILABLE,
  [CommonErrorCode.InvalidCursor]: HttpStatus.BAD_REQUEST,
};

export class CommonError extends DomainError<CommonErrorCode> {
  static notFound(what: string): CommonError {
    return new CommonError(CommonErrorCode.NotFound, `${what} not found`);
  }

  static forbidden(message = 'You may not do this'): CommonError {
    return new CommonError(CommonErrorCode.Forbidden, message);
  }
}
