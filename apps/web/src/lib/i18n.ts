/**
 * zh, ru and en, switchable at run time without a reload. The first choice
 * comes from the browser; a signed-in account's language then wins; a choice
 * made in the switcher is remembered on this device.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { ru } from './locales/ru';
import { zh } from './locales/zh';

export const LANGUAGES = ['zh', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const KEY = 'rt.lang';

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function initialLanguage(): Language {
  const saved = localStorage.getItem(KEY);
  return isLanguage(saved) ? saved : browserLanguage();
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh }, ru: { translation: ru } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function reflect(language: string): void {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
}
reflect(i18next.language);
i18next.on('languageChanged', reflect);

/** The switcher: remembered on this device. */
export function chooseLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  void i18next.changeLanguage(language);
}

/** After sign-in the account's language applies. */
export function applyAccountLanguage(locale: string): void {
  if (isLanguage(locale)) {
    localStorage.setItem(KEY, locale);
    void i18next.changeLanguage(locale);
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/** BCP 47 tag for Intl formatting. */
export function intlLocale(language: string): string {
  return language === 'zh' ? 'zh-CN' : language === 'ru' ? 'ru-RU' : 'en-GB';
}

export { i18next };
