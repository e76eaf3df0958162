export { CommonError, CommonErrorCode, COMMON_ERROR_STATUS, DomainError } from './domain-error';
export { chunks } from './chunks';
export { csvCell } from './csv';
export { decodeCursor, encodeCursor, toPage } from './cursor';
export type { CursorPart } from './cursor';
export type { Page } from './dto/page-query.dto';
export { PageQueryDto } from './dto/page-query.dto';
export { ID_PATTERN, newId } from './id';
export { isValidTimeZone } from './time-zone';
export type { Locale } from './validation/validators';
export {
  IsCalendarDate,
  IsInstant,
  isInstant,
  IsSingleLine,
  IsText,
  IsTimeZone,
  LOCALES,
} from './validation/validators';
export { LoggingModule } from './logging.module';
export { REDACTED, redactQuery, redactUrl } from './redact';
export { installRequestLogging, requestFields, requestId } from './request-logging';
export type { LoggedRequest } from './request-logging';
export { nestLogger, rootLogger } from './root-logger';
export {
  INSTALL_HINT,
  passesStartupChecks,
  reasonOf,
  runStartupChecks,
  sayFatal,
  StartupError,
  unreachable,
} from './startup-check';
export type { StartupCheck, StartupCheckOutcome } from './startup-check';
export { ApiErrors, ApiPublic, ERROR_CODES_EXTENSION, ErrorBodyDto, PUBLIC_EXTENSION } from './openapi/api-errors';
export { ApiInstant, INSTANT_PATTERN, isoInstant } from './openapi/instant';
export { acceptsGzip, GZIP_MIN_BYTES, varyOnEncoding } from './accept-encoding';
