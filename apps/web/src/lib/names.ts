/**
 * Names of languages and countries in the reader's language ("английский" in
 * the Russian UI, never "English"), from the browser's own CLDR data.
 */
import { intlLocale } from './i18n';

/** The countries offered in pickers (registration, directory filters), as ISO 3166 codes. */
export const COUNTRIES = ['CN', 'RU', 'KZ', 'MN', 'BY', 'UZ', 'KG', 'DE', 'US', 'GB'];

const cache = new Map<string, Intl.DisplayNames>();

function names(uiLanguage: string, type: 'language' | 'region'): Intl.DisplayNames {
  const key = `${uiLanguage}|${type}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DisplayNames([intlLocale(uiLanguage)], { type, fallback: 'code' });
    cache.set(key, found);
  }
  return found;
}

/** "zh" → "китайский" in Russian; unknown codes come back as they are. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return names(uiLanguage, 'language').of(code) ?? code;
  } catch {
    return code;
  }
}

/** "RU" → "Россия" in Russian. */
export function countryName(code: string, uiLanguage: string): string {
  try {
    return names(uiLanguage, 'region').of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** An interpretation pair "zh-ru" → "китайский ↔ русский". */
export function interpretationName(pair: string, uiLanguage: string): string {
  const parts = pair.split(/[-_>]/).filter(Boolean);
  return parts.length === 2 ? parts.map((p) => languageName(p, uiLanguage)).join(' ↔ ') : pair;
}

/** The languages a delegate may say they speak, labelled in the reader's language. */
export function languageOptions(uiLanguage: string, codes: readonly string[] = ['zh', 'ru', 'en']) {
  return codes.map((value) => ({ value, label: languageName(value, uiLanguage) }));
}

/** A company's name in the reader's script when it was registered so, else its Latin name. */
export function companyName(
  company: { name: string; nameZh?: string | null; nameRu?: string | null } | null | undefined,
  uiLanguage: string,
): string | null {
  if (!company) return null;
  if (uiLanguage === 'zh' && company.nameZh) return company.nameZh;
  if (uiLanguage === 'ru' && company.nameRu) return company.nameRu;
  return company.name;
}
