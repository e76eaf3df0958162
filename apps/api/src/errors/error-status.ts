import { HttpStatus } from '@nestjs/common';
import { AGREEMENT_ERROR_STATUS, AgreementErrorCode } from '@roundtable/agreements';
import { AUTH_ERROR_STATUS, AuthErrorCode } from '@roundtable/auth';
import { COMMON_ERROR_STATUS, CommonErrorCode } from '@roundtable/common';
import { EVENT_ERROR_STATUS, EventErrorCode } from '@roundtable/events';
import { MEETING_ERROR_STATUS, MeetingErrorCode } from '@roundtable/meetings';
import { RECOMMENDATION_ERROR_STATUS, RecommendationErrorCode } from '@roundtable/recommendations';
import { REGISTRATION_ERROR_STATUS, RegistrationErrorCode } from '@roundtable/registrations';

/** Every domain error code the api can meet; adding a feature's enum here forces its status map into STATUS below. */
export type ErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | EventErrorCode
  | RegistrationErrorCode
  | MeetingErrorCode
  | AgreementErrorCode
  | RecommendationErrorCode;

/** Every domain error code, for checking the codes an operation documents. */
export const DOMAIN_ERROR_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(CommonErrorCode),
  ...Object.values(AuthErrorCode),
  ...Object.values(EventErrorCode),
  ...Object.values(RegistrationErrorCode),
  ...Object.values(MeetingErrorCode),
  ...Object.values(AgreementErrorCode),
  ...Object.values(RecommendationErrorCode),
]);

/**
 * Codes of errors raised before a handler runs (Nest's validation pipe, the
 * body parser, the JSON depth limit), with their status.
 */
export const HTTP_ERROR_CODES = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  BODY_TOO_DEEP: HttpStatus.BAD_REQUEST,
  PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
} as const;

/** The status of any code an operation can answer: a domain code or one of HTTP_ERROR_CODES. */
export function statusOfAnyCode(code: string): HttpStatus {
  if (code in HTTP_ERROR_CODES) return HTTP_ERROR_CODES[code as keyof typeof HTTP_ERROR_CODES];
  if (!DOMAIN_ERROR_CODES.has(code)) throw new Error(`Unknown error code ${code}`);
  return statusOf(code as ErrorCode);
}

/**
 * The HTTP status of each domain error code: every lib's own exhaustive map,
 * merged. The type demands a status for every code of every lib, so a lib
 * added to ErrorCode without its map (or a code missing from one) fails to
 * compile.
 */
const STATUS: Record<ErrorCode, HttpStatus> = {
  ...COMMON_ERROR_STATUS,
  ...AUTH_ERROR_STATUS,
  ...EVENT_ERROR_STATUS,
  ...REGISTRATION_ERROR_STATUS,
  ...MEETING_ERROR_STATUS,
  ...AGREEMENT_ERROR_STATUS,
  ...RECOMMENDATION_ERROR_STATUS,
};

export function statusOf(code: ErrorCode): HttpStatus {
  const status = STATUS[code];
  if (status === undefined) throw new Error(`No HTTP status for error code ${String(code)}`);
  return status;
}
