import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@roundtable/common';

export enum AuthErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidToken = 'INVALID_TOKEN',
  RateLimited = 'RATE_LIMITED',
  /** The account has not confirmed its e-mail address yet (403). */
  EmailNotVerified = 'EMAIL_NOT_VERIFIED',
  /** A password change with the wrong current password (403: the session itself is fine). */
  WrongPassword = 'WRONG_PASSWORD',
  /** A mailed link's token that was never issued (400). */
  LinkInvalid = 'LINK_INVALID',
  /** A mailed link's token already used or superseded by a newer one (410). */
  LinkUsed = 'LINK_USED',
  /** A mailed link's token past its time (410). */
  LinkExpired = 'LINK_EXPIRED',
}

/** The HTTP status of each code (exhaustive: a new code without one fails to compile); the api merges every lib's map. */
export const AUTH_ERROR_STATUS: Record<AuthErrorCode, HttpStatus> = {
  [AuthErrorCode.InvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.InvalidToken]: HttpStatus.UNAUTHORIZED,
  [AuthErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [AuthErrorCode.EmailNotVerified]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.WrongPassword]: HttpStatus.FORBIDDEN,
  [AuthErrorCode.LinkInvalid]: HttpStatus.BAD_REQUEST,
  [AuthErrorCode.LinkUsed]: HttpStatus.GONE,
  [AuthErrorCode.LinkExpired]: HttpStatus.GONE,
};

export class AuthError extends DomainError<AuthErrorCode> {}
