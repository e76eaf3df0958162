export { CommonError, CommonErrorCode, DomainError } from './domain-error';
export { decodeCursor, encodeCursor, toPage } from './cursor';
export type { Page } from './dto/page-query.dto';
export { PageQueryDto } from './dto/page-query.dto';
export { ID_PATTERN, newId } from './id';
export { isValidTimeZone } from './time-zone';
export type { Locale } from './validation/validators';
export { IsSingleLine, IsText, IsTimeZone, LOCALES } from './validation/validators';
export { LoggingModule } from './logging.module';
