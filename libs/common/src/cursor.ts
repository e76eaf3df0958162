import { CommonError, CommonErrorCode } from './domain-error';

/**
 * What each position of a cursor holds: an ISO instant (a timestamp column),
 * an id, or a non-negative integer sequence number. Checked on decode, so a
 * cursor that decodes to garbage (`["1 OR 1=1"]`, `["x","y"]`) is a 400 before
 * any query sees it.
 */
export type CursorPart = 'instant' | 'id' | 'seq';

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const PART_CHECKS: Record<CursorPart, (v: unknown) => boolean> = {
  instant: (v) => typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)),
  id: (v) => typeof v === 'string' && ID.test(v),
  seq: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
};

/**
 * Keyset cursors: the sort key of the last item, base64url-encoded JSON. A
 * cursor that does not decode to the expected shape is a 400, never a 500.
 */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === parts.length && parts.every((part, i) => PART_CHECKS[part](value[i]))) {
    return value as (string | number)[];
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
