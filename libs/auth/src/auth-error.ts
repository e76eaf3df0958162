import { DomainError } from '@roundtable/common';

export enum AuthErrorCode {
  EmailTaken = 'EMAIL_TAKEN',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidToken = 'INVALID_TOKEN',
  RateLimited = 'RATE_LIMITED',
}

export class AuthError extends DomainError<AuthErrorCode> {}
