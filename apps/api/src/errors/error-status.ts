import { HttpStatus } from '@nestjs/common';
import { AuthErrorCode } from '@roundtable/auth';
import { CommonErrorCode } from '@roundtable/common';

/** Every domain error code the api can meet; adding a feature's enum here forces its cases below. */
export type ErrorCode = CommonErrorCode | AuthErrorCode;

/** The HTTP status of each domain error code. A missing case fails to compile. */
export function statusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case CommonErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case CommonErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case CommonErrorCode.Unauthenticated:
    case AuthErrorCode.InvalidToken:
    case AuthErrorCode.InvalidCredentials:
      return HttpStatus.UNAUTHORIZED;
    case CommonErrorCode.InvalidInput:
    case CommonErrorCode.InvalidCursor:
    case CommonErrorCode.ValueTooLong:
    case CommonErrorCode.InvalidValue:
    case CommonErrorCode.BadReference:
      return HttpStatus.BAD_REQUEST;
    case CommonErrorCode.Duplicate:
    case CommonErrorCode.Conflict:
    case AuthErrorCode.EmailTaken:
      return HttpStatus.CONFLICT;
    case CommonErrorCode.Busy:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case AuthErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for error code ${String(unhandled)}`);
    }
  }
}
