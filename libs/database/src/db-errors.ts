import { CommonError, CommonErrorCode, DomainError } from '@roundtable/common';
import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  errno?: number;
  sqlMessage?: string;
}

function driverError(error: unknown): DriverError | null {
  if (error instanceof QueryFailedError) return error.driverError as DriverError;
  if (error && typeof error === 'object' && 'errno' in error) return error as DriverError;
  return null;
}

/** True when the error is a duplicate key on the named unique index (or any, without a name). */
export function isDuplicateKey(error: unknown, indexName?: string): boolean {
  const driver = driverError(error);
  if (driver?.errno !== 1062) return false;
  return (
    indexName === undefined ||
    (driver.sqlMessage ?? '').includes(`'${indexName}'`) ||
    (driver.sqlMessage ?? '').includes(`.${indexName}'`)
  );
}

export const isDeadlock = (error: unknown): boolean => {
  const errno = driverError(error)?.errno;
  return errno === 1213 || errno === 1205;
};

/**
 * Turns database errors that a client's input can cause into typed 4xx errors,
 * so a raw driver error never reaches a controller. Anything else is rethrown
 * untouched (a real 500).
 */
export function translateDbError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const driver = driverError(error);
  if (!driver) return error;
  switch (driver.errno ?? 0) {
    case 1062:
      return new CommonError(CommonErrorCode.Duplicate, 'This already exists');
    case 1452:
      return new CommonError(CommonErrorCode.BadReference, 'A referenced record does not exist');
    case 1451:
      return new CommonError(CommonErrorCode.Conflict, 'Other records still refer to this one');
    case 1406:
      return new CommonError(CommonErrorCode.ValueTooLong, `A value is too long: ${columnOf(driver)}`);
    case 1264:
    case 1265:
    case 1292:
    case 1366:
    case 3140:
    case 4025:
      return new CommonError(CommonErrorCode.InvalidValue, `A value is not valid: ${columnOf(driver)}`);
    case 1205:
    case 1213:
      return new CommonError(CommonErrorCode.Busy, 'The server is busy with a conflicting change; retry');
    default:
      return error;
  }
}

function columnOf(driver: DriverError): string {
  const match = /column '([^']+)'/i.exec(driver.sqlMessage ?? '');
  return match ? match[1] : 'unknown field';
}
