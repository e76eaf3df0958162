import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { DateTime } from 'luxon';

/**
 * The one format of every instant the api answers with: ISO 8601 with
 * milliseconds and an offset, `2027-06-10T01:00:00.000Z` in UTC or
 * `2027-06-10T09:00:00.000+08:00` in a named zone.
 */
export const INSTANT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})$';

/** An instant in the api's one format, in UTC or in `zone` (an IANA name such as Asia/Shanghai). */
export function isoInstant(date: Date, zone?: string): string;
export function isoInstant(date: Date | null | undefined, zone?: string): string | null;
export function isoInstant(date: Date | null | undefined, zone?: string): string | null {
  if (!date) return null;
  if (!zone) return date.toISOString();
  const key = `${zone} ${date.getTime()}`;
  const known = inZone.get(key);
  if (known) return known;
  const iso = DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: false, includeOffset: true });
  if (!iso) throw new Error(`Cannot express ${date.toISOString()} in zone ${zone}`);
  if (inZone.size >= IN_ZONE_MAX) inZone.clear();
  inZone.set(key, iso);
  return iso;
}

/**
 * Instants already expressed in a zone. Lists repeat the same few (a forum's
 * slot starts and ends) on every read, and each fresh conversion asks Intl
 * for the zone's offset; the answer for an instant and a zone never changes.
 */
const inZone = new Map<string, string>();
const IN_ZONE_MAX = 20_000;

/** A response property holding an instant (`isoInstant`). */
export function ApiInstant(options: Omit<ApiPropertyOptions, 'type'> = {}): PropertyDecorator {
  const nullable = (options as { nullable?: boolean }).nullable === true;
  return ApiProperty({
    example: '2027-06-10T09:00:00.000+08:00',
    ...options,
    type: String,
    format: 'date-time',
    pattern: INSTANT_PATTERN,
    ...(nullable ? { nullable: true } : {}),
  } as ApiPropertyOptions);
}
