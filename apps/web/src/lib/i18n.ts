/**
 * zh, ru and en, switchable at run time without a reload. The first choice
 * comes from the browser; a signed-in account's language then wins; a choice
 * made in the switcher is remembered on this device. Only the language in use
 * is loaded (each is its own chunk, some 5 kB gzip; the service worker keeps
 * all three for offline use).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './locales/en';

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

const MESSAGES: Record<Language, () => Promise<Messages>> = {
  zh: () => import('./locales/zh').then((m) => m.zh),
  ru: () => import('./locales/ru').then((m) => m.ru),
  en: () => import('./locales/en').then((m) => m.en),
};

async function load(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await MESSAGES[language]());
  }
}

let wanted: Language | undefined;

/** Two quick switches: the later choice wins even when the earlier language's texts arrive last. */
async function switchTo(language: Language): Promise<void> {
  wanted = language;
  await load(language);
  if (wanted === language) await i18next.changeLanguage(language);
}

function reflect(language: string): void {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
}
i18next.on('languageChanged', reflect);

/** The language the app starts in; route loaders ask for texts in it before i18next has them. */
const START = initialLanguage();

/** Settles once the first language's texts are in; the app renders after it (see main.tsx). */
export const i18nReady: Promise<unknown> = (async () => {
  const language = START;
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: await MESSAGES[language]() } },
    lng: language,
    // zh and ru are typed as en's Messages, so no key is missing and no other language need be loaded.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
})();

/** The switcher: remembered on this device. */
export function chooseLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  void switchTo(language);
}

/** After sign-in the account's language applies. */
export function applyAccountLanguage(locale: string): void {
  if (isLanguage(locale)) {
    localStorage.setItem(KEY, locale);
    void switchTo(locale);
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : START;
}

/** BCP 47 tag for Intl formatting. */
export function intlLocale(language: string): string {
  return language === 'zh' ? 'zh-CN' : language === 'ru' ? 'ru-RU' : 'en-GB';
}

export { i18next };
