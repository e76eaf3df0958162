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
