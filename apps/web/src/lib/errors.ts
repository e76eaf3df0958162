import type { TFunction } from 'i18next';
import { ApiError } from './client';

/** The API's error in the reader's language: its code translated when we know it, else the API's own words. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const translated = t(key, { defaultValue: '' });
    if (translated) return translated;
    return error.details.length > 1 ? error.details.join('; ') : error.message || t('errors.UNKNOWN');
  }
  return t('errors.UNKNOWN');
}
