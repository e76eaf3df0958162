import { CommonError, CommonErrorCode } from './domain-error';

/**
 * Keyset cursors: the sort key of the last item, base64url-encoded JSON. A
 * cursor that does not decode to the expected shape is a 400, never a 500.
 */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === arity &&
      value.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return value;
    }
  } catch {
    // fall through to the typed error below
  }
  throw new CommonError(CommonErrorCode.InvalidCursor, 'cursor is not a cursor returned by this list');
}

/** Cuts a page fetched with `limit + 1` rows and builds the next cursor from the last kept row. */
export function toPage<T, R>(
  rows: T[],
  limit: number,
  key: (row: T) => (string | number)[],
  map: (row: T) => R,
): { items: R[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: kept.map(map),
    nextCursor: hasMore ? encodeCursor(key(kept[kept.length - 1])) : null,
  };
}
