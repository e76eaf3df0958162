import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, MinLength, ValidateBy, ValidationOptions } from 'class-validator';
import { isValidTimeZone } from '../time-zone';

/**
 * A single line of human text: no control characters and no Unicode line or
 * paragraph separators, so it can never break a mail header or a CSV row.
 */
export function IsSingleLine(min = 1, max = 200): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MinLength(min),
    MaxLength(max),
    Matches(/^[^\p{Cc}\u2028\u2029]*$/u, { message: '$property must be a single line without control characters' }),
  );
}

/** Multi-line text: newlines and tabs allowed, other control characters not. */
export function IsText(max = 5000): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(max),
    Matches(/^(?:[^\p{Cc}]|[\t\n\r])*$/u, {
      message: '$property must not contain control characters',
    }),
  );
}

/** A real IANA time zone name such as Asia/Shanghai (not an offset, not 'Mars/Phobos'). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => isValidTimeZone(value),
        defaultMessage: () => '$property must be an IANA time zone such as Asia/Shanghai or Europe/Moscow',
      },
    },
    options,
  );
}

export const LOCALES = ['zh', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with an explicit offset or Z ('2027-06-10T09:00:00+08:00')
 * that names a real moment: month 1-12, a day the month has, hours 0-23,
 * offsets up to ±14:00. '2027-13-45T99:00:00Z' matches the shape but is no date.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1).map((p) => (p === undefined ? 0 : Number(p)));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offH <= 14 &&
    offM <= 59
  );
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => isInstant(value),
        defaultMessage: () => '$property must be an ISO 8601 instant with an offset, e.g. 2027-06-10T09:00:00+08:00',
      },
    },
    options,
  );
}

/** A calendar date 'YYYY-MM-DD' that exists ('2027-02-30' does not). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isInstant(`${value}T00:00:00Z`),
        defaultMessage: () => '$property must be a calendar date such as 2027-06-10',
      },
    },
    options,
  );
}
